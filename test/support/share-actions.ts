/**
 * Random actions on replicas of a shared group, and a ledger that checks after each round of
 * offline work and syncing that nothing acknowledged was lost. Used by the pure model's property
 * test (replicas are plain Y.Docs) and by the sync engine's tests against the real server.
 *
 * Each action is drawn from a seed of small numbers, interpreted against the replica's current
 * view, so fast-check can shrink it and a plain PRNG can drive it too.
 */
import type { Annotation, Omission, Tag } from '../../core/annotate/model.ts';
import { COLORS, type Color } from '../../core/annotate/palette.ts';
import { tagNameKey } from '../../core/annotate/tag-names.ts';
import { ShareError } from '../../core/share/errors.ts';
import type { LocalChange, SharedAnnotation, SharedVocabulary } from '../../core/share/model.ts';

/** A replica the actions run on: what it shows, and how a local change reaches its documents. */
export interface ActingReplica {
  label: string;
  user: string;
  view(): ReplicaView;
  /** Writes the change; returns whether it changed a document (throws `ShareError` if refused). */
  apply(change: LocalChange): boolean;
}

/** A replica's state as the app would reconcile it. */
export interface ReplicaView {
  annotations: SharedAnnotation[];
  vocabulary: SharedVocabulary;
}

/** The random numbers one action is drawn from. */
export interface ActionSeed {
  replica: number;
  kind: number;
  a: number;
  b: number;
  c: number;
}

const SOURCES = ['edemskiy-2019', 'memorie-kapo', 'pilaca-nako-2021'];
const WORDS = ['Vlora', 'base', 'submarines', 'Khrushchev', 'Hoxha', 'Sazan', 'treaty', 'negotiations', 'fleet', 'Albania'];

// Weighted: annotation actions are the common case, vocabulary changes rarer.
const KINDS = [
  'create', 'create', 'create', 'note', 'note', 'note', 'color', 'tag', 'tag', 'tag', 'omit', 'reattach',
  'delete', 'delete', 'restore', 'tag-create', 'tag-create', 'tag-rename', 'tag-recolor', 'tag-move', 'tag-merge', 'tag-delete', 'tag-restore',
] as const;

type Kind = (typeof KINDS)[number];

/** A PRNG (mulberry32) for the tests that are not driven by fast-check. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An action seed drawn from `random`. */
export function randomSeed(random: () => number): ActionSeed {
  const n = () => Math.floor(random() * 1_000_000);
  return { replica: n(), kind: n(), a: n(), b: n(), c: n() };
}

/** The annotation a shared view stands for in the local store. */
export function toAnnotation(shared: SharedAnnotation): Annotation {
  return {
    id: shared.id,
    sourceId: shared.sourceId,
    quote: shared.quote,
    position: shared.position,
    color: shared.color,
    tags: shared.tags,
    note: shared.note,
    omissions: shared.omissions,
    created: shared.created,
    modified: shared.modified,
    anchor: 'anchored',
  };
}

interface Edit {
  replica: string;
  step: number;
}

/** What every replica did during one round, and what must hold once they have synced. */
export class Ledger {
  readonly annotations = new Set<string>();
  readonly tags = new Set<string>();
  readonly markers = new Map<string, string>();
  /** Tags deleted by hand, kept as the local store keeps its tombstones, to restore them. */
  readonly deletedTags = new Map<string, Tag>();
  #step = 0;
  #ids = 0;
  #colors: { id: string; color: Color }[] = [];
  #tagAdds: { replica: string; id: string; tag: string }[] = [];
  #renames: { id: string; name: string }[] = [];
  #edits = new Map<string, Edit[]>();
  #deletions = new Map<string, Edit[]>();
  readonly #prefix: string;

  /** `prefix` keeps ids of separate trials apart (any hex digits). */
  constructor(prefix = '0') {
    this.#prefix = prefix.padStart(4, '0').slice(-4);
  }

  /** Forgets the round's edits after its checks. */
  nextRound(): void {
    this.#colors = [];
    this.#tagAdds = [];
    this.#renames = [];
    this.#edits = new Map();
    this.#deletions = new Map();
  }

  /** A fresh UUID, predictable from the run. */
  newId(): string {
    this.#ids += 1;
    return `00000000-${this.#prefix}-4000-8000-${this.#ids.toString(16).padStart(12, '0')}`;
  }

  /** Counts actions, so the order of one replica's edits and deletions is known. */
  tick(): number {
    this.#step += 1;
    return this.#step;
  }

  edited(id: string, replica: string): void {
    const list = this.#edits.get(id) ?? [];
    list.push({ replica, step: this.tick() });
    this.#edits.set(id, list);
  }

  deleted(id: string, replica: string): void {
    const list = this.#deletions.get(id) ?? [];
    list.push({ replica, step: this.tick() });
    this.#deletions.set(id, list);
  }

  colored(id: string, color: Color): void {
    this.#colors.push({ id, color });
  }

  tagAdded(replica: string, id: string, tag: string): void {
    this.#tagAdds.push({ replica, id, tag });
  }

  /** `meaning` says which live tag a tag id stands for on that replica now (merges change it). */
  tagRemoved(replica: string, id: string, tag: string, meaning: (raw: string) => string | null): void {
    this.#tagAdds = this.#tagAdds.filter((add) => !(add.replica === replica && add.id === id && meaning(add.tag) === tag));
  }

  renamed(id: string, name: string): void {
    this.#renames.push({ id, name });
  }

  /** Every way the converged `view` breaks a promise made during the round; empty when none. */
  problems(view: ReplicaView): string[] {
    const problems: string[] = [];
    const byId = new Map(view.annotations.map((annotation) => [annotation.id, annotation]));
    const live = new Map(view.vocabulary.tags.map((tag) => [tag.id, tag]));
    const meaning = (id: string) => (live.has(id) ? id : (view.vocabulary.aliases[id] ?? null));
    for (const id of this.annotations) if (!byId.has(id)) problems.push(`annotation ${id} was lost`);
    for (const id of this.tags) {
      if (!live.has(id) && !Object.hasOwn(view.vocabulary.aliases, id)) problems.push(`tag ${id} was lost`);
    }
    for (const [marker, id] of this.markers) {
      if (!byId.get(id)?.note.includes(marker)) problems.push(`note text ${marker} of ${id} was lost`);
    }
    for (const { id, color } of this.#colors) {
      const history = byId.get(id)?.history ?? [];
      if (!history.some((entry) => entry.action === 'color' && entry.value === color)) problems.push(`colour ${color} of ${id} is not in its history`);
    }
    for (const { id, tag } of this.#tagAdds) {
      const now = meaning(tag);
      if (now !== null && !byId.get(id)?.tags.includes(now)) problems.push(`tag ${tag} added to ${id} was lost`);
    }
    for (const { id, name } of this.#renames) {
      const tag = live.get(id);
      if (tag && !tag.history.some((entry) => entry.action === 'renamed' && entry.to === name)) problems.push(`rename of ${id} to ${name} is not in its history`);
    }
    for (const [id, deletions] of this.#deletions) {
      const unseen = (this.#edits.get(id) ?? []).some(
        (edit) => !deletions.some((deletion) => deletion.replica === edit.replica && deletion.step > edit.step),
      );
      if (unseen && byId.get(id)?.status === 'deleted') problems.push(`an edit of ${id} made while another replica deleted it was silently dropped`);
    }
    const names = new Set<string>();
    for (const tag of view.vocabulary.tags) {
      const key = tagNameKey(tag.name);
      if (names.has(key)) problems.push(`two live tags are called ${tag.name}`);
      names.add(key);
      const path = new Set<string>();
      for (let at: string | undefined = tag.id; at !== undefined; at = live.get(at)?.parent) {
        if (path.has(at)) {
          problems.push(`tag ${tag.id} is inside itself`);
          break;
        }
        if (!live.has(at)) problems.push(`tag ${tag.id} has a parent that is not a live tag`);
        path.add(at);
      }
    }
    for (const annotation of view.annotations) {
      for (const tag of annotation.tags) if (!live.has(tag)) problems.push(`annotation ${annotation.id} carries ${tag}, not a live tag`);
    }
    return problems;
  }
}

/**
 * Performs the action `seed` on `replica`, recording in `ledger` what the group must keep.
 * Returns what it did, for messages; refusals the rules call for are expected and recorded as such.
 */
export function performAction(replica: ActingReplica, seed: ActionSeed, ledger: Ledger): string {
  const kind: Kind = KINDS[seed.kind % KINDS.length] ?? 'create';
  const view = replica.view();
  const now = new Date(Date.UTC(2026, 0, 1) + ledger.tick() * 1000).toISOString();
  const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
  const usable = view.annotations.filter((annotation) => annotation.status !== 'deleted');
  const own = usable.filter((annotation) => annotation.author === replica.user);
  const tags = view.vocabulary.tags;
  const apply = (change: LocalChange) => {
    try {
      return replica.apply(change);
    } catch (error) {
      if (error instanceof ShareError) return false;
      throw error;
    }
  };
  const edit = (target: SharedAnnotation, patch: Partial<Annotation>, type: LocalChange['type'] = 'annotation.updated') => {
    const changed = apply({ type, annotation: { ...toAnnotation(target), ...patch, modified: now } } as LocalChange);
    if (changed && target.author === replica.user) ledger.edited(target.id, replica.label);
    return changed;
  };
  switch (kind) {
    case 'create': {
      const id = ledger.newId();
      const exact = `${pick(WORDS, seed.a)} ${pick(WORDS, seed.b)}`;
      const start = seed.c % 5000;
      const tagIds = tags.length > 0 && seed.b % 2 === 0 ? [pick(tags, seed.c)?.id ?? ''] : [];
      const annotation: Annotation = {
        id,
        sourceId: pick(SOURCES, seed.a) ?? 'edemskiy-2019',
        quote: { exact, prefix: 'the ', suffix: ' of' },
        position: { start, end: start + exact.length },
        color: pick(COLORS, seed.b) ?? 'yellow',
        tags: tagIds,
        note: '',
        omissions: [],
        created: now,
        modified: now,
        anchor: 'anchored',
      };
      if (apply({ type: 'annotation.created', annotation })) {
        ledger.annotations.add(id);
        for (const tag of tagIds) ledger.tagAdded(replica.label, id, tag);
      }
      return `create ${id}`;
    }
    case 'note': {
      const target = pick(own, seed.a);
      if (!target) return 'note: nothing to edit';
      const marker = `⟦${replica.label}·${ledger.tick()}⟧`;
      if (edit(target, { note: `${target.note}${marker}` })) ledger.markers.set(marker, target.id);
      return `note ${target.id}`;
    }
    case 'color': {
      const target = pick(own, seed.a);
      const color = pick(COLORS, seed.b) ?? 'green';
      if (!target || target.color === color) return 'color: nothing';
      if (edit(target, { color })) ledger.colored(target.id, color);
      return `color ${target.id} ${color}`;
    }
    case 'tag': {
      const target = pick(usable, seed.a);
      const tag = pick(tags, seed.b);
      if (!target || !tag) return 'tag: nothing';
      const mine = target.author === replica.user || target.taggedBy[tag.id] === replica.user;
      if (target.tags.includes(tag.id)) {
        if (!mine) return 'tag: not mine to remove';
        const live = new Set(tags.map((t) => t.id));
        const meaning = (raw: string) => (live.has(raw) ? raw : (view.vocabulary.aliases[raw] ?? null));
        if (edit(target, { tags: target.tags.filter((id) => id !== tag.id) })) ledger.tagRemoved(replica.label, target.id, tag.id, meaning);
        return `untag ${target.id}`;
      }
      const changed = edit(target, { tags: [...target.tags, tag.id] });
      if (changed) ledger.tagAdded(replica.label, target.id, tag.id);
      return `tag ${target.id} ${tag.id}`;
    }
    case 'omit': {
      const target = pick(own, seed.a);
      if (!target) return 'omit: nothing';
      const length = target.quote.exact.length;
      const start = seed.b % Math.max(1, length - 1);
      const cut: Omission[] = seed.c % 3 === 0 ? [] : [{ start, end: Math.min(length, start + 1 + (seed.c % 3)) }];
      edit(target, { omissions: cut });
      return `omit ${target.id}`;
    }
    case 'reattach': {
      const target = pick(own, seed.a);
      if (!target) return 'reattach: nothing';
      const exact = `${pick(WORDS, seed.b)} ${pick(WORDS, seed.c)}`;
      const start = (seed.b + seed.c) % 5000;
      edit(target, { quote: { exact, prefix: '', suffix: '' }, position: { start, end: start + exact.length }, omissions: [] }, 'annotation.reattached');
      return `reattach ${target.id}`;
    }
    case 'delete': {
      const target = pick(own.length > 0 ? own : usable, seed.a);
      if (!target) return 'delete: nothing';
      if (apply({ type: 'annotation.deleted', id: target.id })) ledger.deleted(target.id, replica.label);
      return `delete ${target.id}`;
    }
    case 'restore': {
      const target = pick(view.annotations.filter((annotation) => annotation.status !== 'live' && annotation.author === replica.user), seed.a);
      if (!target) return 'restore: nothing';
      apply({ type: 'annotation.restored', annotation: { ...toAnnotation(target), modified: now } });
      return `restore ${target.id}`;
    }
    case 'tag-create': {
      const tag: Tag = { id: ledger.newId(), name: `${pick(WORDS, seed.a)} ${seed.b % 7}`, color: pick(COLORS, seed.c) ?? 'blue' };
      if (tags.some((other) => tagNameKey(other.name) === tagNameKey(tag.name))) return 'tag-create: name taken';
      if (apply({ type: 'tag.created', tag })) ledger.tags.add(tag.id);
      return `tag-create ${tag.id}`;
    }
    case 'tag-rename': {
      const tag = pick(tags, seed.a);
      const name = `${pick(WORDS, seed.b)} ${seed.c % 11}`;
      if (!tag || tags.some((other) => tagNameKey(other.name) === tagNameKey(name))) return 'tag-rename: nothing';
      if (apply({ type: 'tag.updated', tag: plainTag(tag, { name }) })) ledger.renamed(tag.id, name);
      return `tag-rename ${tag.id} ${name}`;
    }
    case 'tag-recolor': {
      const tag = pick(tags, seed.a);
      if (!tag) return 'tag-recolor: nothing';
      apply({ type: 'tag.updated', tag: plainTag(tag, { color: pick(COLORS, seed.b) ?? 'pink' }) });
      return `tag-recolor ${tag.id}`;
    }
    case 'tag-move': {
      const tag = pick(tags, seed.a);
      const parent = seed.c % 4 === 0 ? undefined : pick(tags, seed.b);
      if (!tag || parent?.id === tag.id || (parent && isBelow(tags, parent.id, tag.id))) return 'tag-move: nothing';
      apply({ type: 'tag.updated', tag: plainTag(tag, { parent: parent?.id }) });
      return `tag-move ${tag.id}`;
    }
    case 'tag-merge': {
      const from = pick(tags, seed.a);
      const into = pick(tags, seed.b);
      if (!from || !into || from.id === into.id) return 'tag-merge: nothing';
      apply({ type: 'tag.merged', from: from.id, into: into.id });
      return `tag-merge ${from.id} ${into.id}`;
    }
    case 'tag-delete': {
      const tag = pick(tags, seed.a);
      if (!tag) return 'tag-delete: nothing';
      if (apply({ type: 'tag.deleted', id: tag.id })) ledger.deletedTags.set(tag.id, plainTag(tag, {}));
      return `tag-delete ${tag.id}`;
    }
    case 'tag-restore': {
      const gone = [...ledger.deletedTags.values()].filter((tag) => view.vocabulary.aliases[tag.id] === null);
      const tag = pick(gone, seed.a);
      if (!tag || tags.some((other) => tagNameKey(other.name) === tagNameKey(tag.name))) return 'tag-restore: nothing';
      apply({ type: 'tag.restored', tag });
      return `tag-restore ${tag.id}`;
    }
  }
}

function plainTag(tag: Tag, patch: Partial<Tag>): Tag {
  const merged = { ...tag, ...patch };
  const plain: Tag = { id: merged.id, name: merged.name, color: merged.color };
  if (merged.parent !== undefined) plain.parent = merged.parent;
  return plain;
}

function isBelow(tags: readonly Tag[], id: string, ancestor: string): boolean {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const seen = new Set<string>();
  for (let at = byId.get(id)?.parent; at !== undefined && !seen.has(at); at = byId.get(at)?.parent) {
    if (at === ancestor) return true;
    seen.add(at);
  }
  return false;
}
