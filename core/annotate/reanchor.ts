/**
 * Re-anchoring every annotation of a source after its reading text changed (docs/architecture.md
 * §10).
 *
 * What is kept and what is updated, and why:
 * - `quote.exact` is never rewritten. It is what the historian highlighted and read, the words an
 *   exported citation quotes; silently replacing it with the edited wording would falsify the
 *   record. Hypothesis keeps the original quote for the same reason.
 * - `moved`: `position` becomes the approximate match and `quote` stays exactly as highlighted
 *   (prefix and suffix too, so the three still describe one original passage and the next
 *   re-anchoring scores against the same evidence). What the text now says there is returned
 *   beside the annotation as `current`, so the reader can show both and let the user accept the
 *   new wording (by re-highlighting) or keep the old.
 * - `anchored`: `position` becomes the new range and `prefix`/`suffix` are refreshed from the
 *   current text. `exact` is unchanged by definition, and fresh context keeps later re-anchorings
 *   on the fast exact path instead of re-scoring stale context after every re-cleaning.
 * - `orphaned`: nothing but `anchor` changes; `position` stays the last known place, a hint for
 *   the next re-anchoring, not a range of the current text.
 * `modified` is left alone: re-anchoring is not an edit by the user.
 */
import { anchor } from './anchor.ts';
import type { AnchorStep } from './anchor.ts';
import { quoteAt } from './describe.ts';
import type { Annotation } from './model.ts';

/** One re-anchored annotation and what the text now says at its range. */
export interface Reanchored {
  annotation: Annotation;
  /** The text now at the new range (equal to `quote.exact` when anchored); null for an orphan. */
  current: string | null;
  /** The chain step that placed it; absent for an orphan. */
  step?: AnchorStep;
}

/** Re-anchors one annotation in `text`; never throws, never mutates its input. */
export function reanchor(text: string, annotation: Annotation): Reanchored {
  const result = anchor(text, annotation);
  if (result.status === 'orphaned') {
    return { annotation: { ...annotation, anchor: 'orphaned' }, current: null };
  }
  const position = { start: result.start, end: result.end };
  const quote =
    result.status === 'anchored' ? quoteAt(text, result.start, result.end) : annotation.quote;
  return {
    annotation: { ...annotation, quote, position, anchor: result.status },
    current: text.slice(result.start, result.end),
    step: result.step,
  };
}

/**
 * Re-anchors every annotation in `text`: one result per input, in input order, none dropped;
 * an annotation that cannot be placed comes back `orphaned` with its quote intact.
 */
export function reanchorAll(text: string, annotations: readonly Annotation[]): Reanchored[] {
  return annotations.map((annotation) => reanchor(text, annotation));
}
