/**
 * What the local store must do so that its annotations say what the group's documents say. The
 * local store keeps where each annotation sits in this computer's copy of its source (re-anchoring
 * moves it) and where its author placed it; only a change of the author's placement is a
 * re-attachment, to be anchored again here.
 */
import type { Annotation, TextPositionSelector } from '../annotate/model.ts';
import type { SharedAnnotation } from './model.ts';
import { sameOmissions } from './values.ts';

/** A local annotation with where its author placed it. */
export interface LocalAnnotation {
  annotation: Annotation;
  placed: TextPositionSelector;
}

/** One write to the local store. Timestamps, ids and authors come from the group's documents. */
export type SharedAnnotationWrite =
  | { kind: 'insert'; annotation: Annotation }
  | { kind: 'update'; annotation: Annotation; reattached: boolean }
  | { kind: 'remove'; id: string };

/** The writes, and the local annotations the group's documents do not hold yet. */
export interface AnnotationSyncPlan {
  writes: SharedAnnotationWrite[];
  /** Annotations of this project's user that were never published (made before joining). */
  unpublished: string[];
}

/**
 * The plan for the annotations `shared` (every annotation of the group, or the changed ones with
 * `partial`). `me` is this project's user (their annotations are stored without an author);
 * `knownTags` the local tags (others are left off, the vocabulary being applied first).
 */
export function planAnnotationSync(
  local: ReadonlyMap<string, LocalAnnotation>,
  shared: readonly SharedAnnotation[],
  me: string,
  knownTags: ReadonlySet<string>,
  partial = false,
): AnnotationSyncPlan {
  const writes: SharedAnnotationWrite[] = [];
  const seen = new Set<string>();
  for (const remote of shared) {
    seen.add(remote.id);
    const mine = local.get(remote.id);
    if (remote.status === 'deleted') {
      if (mine) writes.push({ kind: 'remove', id: remote.id });
      continue;
    }
    const wanted = toLocal(remote, me, knownTags);
    if (!mine) {
      writes.push({ kind: 'insert', annotation: wanted });
      continue;
    }
    const current = mine.annotation;
    const reattached =
      current.quote.exact !== wanted.quote.exact ||
      current.quote.prefix !== wanted.quote.prefix ||
      current.quote.suffix !== wanted.quote.suffix ||
      mine.placed.start !== wanted.position.start ||
      mine.placed.end !== wanted.position.end;
    const differs =
      reattached ||
      current.note !== wanted.note ||
      current.color !== wanted.color ||
      current.modified !== wanted.modified ||
      current.created !== wanted.created ||
      (current.author ?? null) !== (wanted.author ?? null) ||
      (current.review ?? false) !== (wanted.review ?? false) ||
      !sameOmissions(current.omissions, wanted.omissions) ||
      current.tags.length !== wanted.tags.length ||
      current.tags.some((id, index) => wanted.tags[index] !== id);
    if (differs) writes.push({ kind: 'update', annotation: { ...wanted, position: reattached ? wanted.position : current.position, anchor: current.anchor }, reattached });
  }
  const unpublished = partial ? [] : [...local.values()].filter((entry) => !seen.has(entry.annotation.id) && entry.annotation.author === undefined).map((entry) => entry.annotation.id);
  return { writes, unpublished };
}

/** The annotation as the local store keeps it: its author only when not this project's user. */
function toLocal(remote: SharedAnnotation, me: string, knownTags: ReadonlySet<string>): Annotation {
  const annotation: Annotation = {
    id: remote.id,
    sourceId: remote.sourceId,
    quote: { ...remote.quote },
    position: { ...remote.position },
    color: remote.color,
    tags: remote.tags.filter((id) => knownTags.has(id)),
    note: remote.note,
    omissions: remote.omissions.map((cut) => ({ ...cut })),
    created: remote.created,
    modified: remote.modified,
    anchor: 'anchored',
  };
  if (remote.author !== me) annotation.author = remote.author;
  if (remote.status === 'review') annotation.review = true;
  return annotation;
}
