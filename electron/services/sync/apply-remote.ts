/**
 * Bringing the project in line with what the group's documents hold, through the services that
 * own tags and annotations (so their checks and anchoring apply): the vocabulary first, so that
 * the annotations written next find their tags; then the annotations that changed (or all of them,
 * after a handshake with the server), and finally what this project holds that the group's
 * documents never got (work done before joining) is published.
 */
import type { Annotation } from '../../../core/annotate/model.ts';
import { planAnnotationSync } from '../../../core/share/annotation-sync-plan.ts';
import type { LocalChange } from '../../../core/share/model.ts';
import { canWrite } from '../../../core/share/roles.ts';
import { planTagSync } from '../../../core/share/tag-sync-plan.ts';
import type { AnnotationService } from '../annotation-service.ts';
import type { ProjectStore } from '../store/index.ts';
import type { TagService } from '../tag-service.ts';
import type { SyncEngine } from './sync-engine.ts';

/** What to bring in line: some annotations, the tags, or (`full`) everything. */
export interface PendingRemote {
  ids: Set<string>;
  full: boolean;
  tags: boolean;
}

/** Where remote changes are written. */
export interface RemoteTargets {
  store: ProjectStore;
  tags: TagService;
  annotations: AnnotationService;
  notice(message: string): void;
}

/** What applying did, for the page: the annotations written, whether tags changed. */
export interface RemoteApplied {
  annotationIds: string[];
  tags: boolean;
}

/** Applies the group's state for `pending` to the project; see the module comment. */
export function applyRemote(engine: SyncEngine, me: string, pending: PendingRemote, targets: RemoteTargets): RemoteApplied {
  const { store } = targets;
  const vocabulary = engine.vocabulary();
  const tagsChanged = targets.tags.applyShared(planTagSync(store.listTags(), vocabulary)) > 0;
  if (!pending.full && pending.ids.size === 0) return { annotationIds: [], tags: tagsChanged };
  const knownTags = new Set(store.listTags().map((tag) => tag.id));
  const shared = engine.annotations(pending.full ? undefined : pending.ids);
  const local = store.localAnnotations();
  const plan = planAnnotationSync(local, shared, me, knownTags, !pending.full);
  const result = targets.annotations.applyShared(plan.writes);
  for (const { id, problem } of result.skipped) targets.notice(`A highlight another member shared (${id}) was not taken into this project: ${problem}`);
  const reviews = plan.writes.filter((write) => write.kind !== 'remove' && write.annotation.review && !local.get(write.annotation.id)?.annotation.review).length;
  if (reviews > 0) {
    targets.notice(
      `${reviews === 1 ? 'A highlight was' : `${reviews} highlights were`} deleted on one computer while edited on another: ` +
        `${reviews === 1 ? 'it waits' : 'they wait'} for ${reviews === 1 ? 'its' : 'their'} author to keep or delete ${reviews === 1 ? 'it' : 'them'} (marked “to review”).`,
    );
  }
  if (pending.full) publishUnpublished(engine, plan.unpublished, local, vocabulary, targets);
  return { annotationIds: result.written, tags: tagsChanged };
}

// Work done here before the project joined (or while the group's documents could not be written)
// is published once; a reader's stays on this computer.
function publishUnpublished(
  engine: SyncEngine,
  unpublished: readonly string[],
  local: ReadonlyMap<string, { annotation: Annotation }>,
  vocabulary: ReturnType<SyncEngine['vocabulary']>,
  targets: RemoteTargets,
): void {
  const known = new Set([...vocabulary.tags.map((tag) => tag.id), ...Object.keys(vocabulary.aliases)]);
  const tags = targets.store.listTags().filter((tag) => !known.has(tag.id));
  if (unpublished.length === 0 && tags.length === 0) return;
  const role = engine.role();
  if (role !== undefined && !canWrite(role)) return;
  const changes: LocalChange[] = [
    // Parents first: the vocabulary files a tag under one it knows.
    ...[...tags].sort((a, b) => Number(a.parent !== undefined) - Number(b.parent !== undefined)).map((tag): LocalChange => ({ type: 'tag.created', tag: { id: tag.id, name: tag.name, color: tag.color, ...(tag.parent ? { parent: tag.parent } : {}) } })),
    ...unpublished.flatMap((id): LocalChange[] => {
      const entry = local.get(id);
      return entry ? [{ type: 'annotation.created', annotation: entry.annotation }] : [];
    }),
  ];
  engine.applyLocalBatch(changes);
}
