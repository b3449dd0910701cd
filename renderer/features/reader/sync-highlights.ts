import type { Annotation } from '../../../core/annotate/model.ts';
import type { ReaderHighlight, ReaderView } from './reader-view.ts';

/** The highlights a view draws, by annotation id. */
export type DrawnHighlights = ReadonlyMap<string, ReaderHighlight>;

/**
 * Brings the view's highlights in line with these annotations, touching only those that were
 * added, removed, moved or recoloured; returns what is drawn now. The caller selects the active
 * one again afterwards (a moved highlight is drawn anew, unselected).
 */
export function syncHighlights(view: ReaderView, drawn: DrawnHighlights, annotations: readonly Annotation[]): DrawnHighlights {
  const next = new Map<string, ReaderHighlight>();
  for (const a of annotations) next.set(a.id, { id: a.id, start: a.position.start, end: a.position.end, color: a.color, ...(a.author ? { author: a.author } : {}) });
  // A fresh view draws them all in one transaction.
  if (drawn.size === 0) {
    view.setHighlights([...next.values()]);
    return next;
  }
  for (const id of drawn.keys()) if (!next.has(id)) view.removeHighlight(id);
  for (const [id, highlight] of next) {
    const before = drawn.get(id);
    if (!before) view.addHighlight(highlight);
    else if (before.start !== highlight.start || before.end !== highlight.end) {
      view.removeHighlight(id);
      view.addHighlight(highlight);
    } else if (before.color !== highlight.color) view.recolorHighlight(id, highlight.color);
  }
  return next;
}
