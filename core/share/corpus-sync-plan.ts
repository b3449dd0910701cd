/**
 * The group's corpus is the union of its members' sources, by id. A member receives the sources
 * it lacks and publishes those the group lacks. When the same id holds two texts, the group's
 * copy wins and the local one is set aside (never lost) — unless the local text is an edit of the
 * text last received from the group, which an editor publishes as the group's new text.
 */
import type { SharedSourceEntry } from './model.ts';

/** A local source file and the hash of its text. */
export interface LocalSourceFile {
  id: string;
  hash: string;
}

/** What to do with each source. */
export interface CorpusSyncPlan {
  /** Local sources to publish (new to the group, or edited here since last received). */
  publish: string[];
  /** Sources to write from the group's copy: `setAside` when a different local text must be kept apart first. */
  receive: { id: string; setAside: boolean; changed: boolean }[];
  /** Sources whose local text is the group's: remember that hash as the one last received. */
  agreed: { id: string; hash: string }[];
}

/**
 * The plan for `local` files against the group's `shared` index; `received` holds, by id, the
 * hash of the text last received from (or published to) the group; `canWrite` whether this member
 * may publish.
 */
export function planCorpusSync(
  local: readonly LocalSourceFile[],
  shared: readonly SharedSourceEntry[],
  received: Readonly<Record<string, string>>,
  canWrite: boolean,
): CorpusSyncPlan {
  const plan: CorpusSyncPlan = { publish: [], receive: [], agreed: [] };
  const mine = new Map(local.map((file) => [file.id, file.hash]));
  const group = new Map(shared.map((entry) => [entry.id, entry.hash]));
  for (const [id, hash] of group) {
    const localHash = mine.get(id);
    if (localHash === undefined) plan.receive.push({ id, setAside: false, changed: false });
    else if (localHash === hash) {
      if (received[id] !== hash) plan.agreed.push({ id, hash });
    } else if (received[id] === localHash) plan.receive.push({ id, setAside: false, changed: true });
    else if (received[id] === hash && canWrite) plan.publish.push(id);
    else plan.receive.push({ id, setAside: true, changed: true });
  }
  if (canWrite) for (const id of mine.keys()) if (!group.has(id)) plan.publish.push(id);
  plan.publish.sort();
  return plan;
}
