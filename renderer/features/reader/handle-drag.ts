import type { EditorView } from 'prosemirror-view';
import { highlightKey, highlightTransaction } from './highlights.ts';

/** A highlight's new extent, in reading-text offsets, once one of its ends was dragged. */
export type DropExtent = (id: string, start: number, end: number) => void;

/**
 * Dragging either end of the highlight being edited: the knobs drawn at its ends follow the
 * pointer, the highlight is shown at its new extent while dragging, and the drop reports the new
 * extent (the preview stays until the app has saved it and calls `endPreview`). Escape cancels.
 * Returns a function that stops listening.
 */
export function dragHandles(view: EditorView, toOffset: (pos: number) => number, drop: DropExtent): () => void {
  let drag: { id: string; edge: 'start' | 'end'; start: number; end: number; pointer: number } | null = null;
  const preview = (extent: { id: string; start: number; end: number } | null) => view.dispatch(highlightTransaction(view.state, { type: 'preview', extent }));

  const down = (event: PointerEvent) => {
    const knob = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('.hl-handle') : null;
    const id = knob?.dataset.annotationId;
    const highlight = id ? highlightKey.getState(view.state)?.all.get(id) : undefined;
    if (!knob || !highlight || event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    view.dom.setPointerCapture(event.pointerId);
    drag = { id: highlight.id, edge: knob.dataset.handle === 'start' ? 'start' : 'end', start: highlight.start, end: highlight.end, pointer: event.pointerId };
  };
  const move = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
    if (pos === undefined) return;
    const offset = toOffset(pos);
    // An end never passes the other: a highlight keeps at least one character.
    if (drag.edge === 'start') drag.start = Math.min(offset, drag.end - 1);
    else drag.end = Math.max(offset, drag.start + 1);
    preview({ id: drag.id, start: drag.start, end: drag.end });
  };
  const up = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const done = drag;
    drag = null;
    const saved = highlightKey.getState(view.state)?.all.get(done.id);
    if (saved && (saved.start !== done.start || saved.end !== done.end)) drop(done.id, done.start, done.end);
    else preview(null);
  };
  const cancel = (event: KeyboardEvent) => {
    if (!drag || event.key !== 'Escape') return;
    drag = null;
    preview(null);
  };
  view.dom.addEventListener('pointerdown', down);
  view.dom.addEventListener('pointermove', move);
  view.dom.addEventListener('pointerup', up);
  view.dom.addEventListener('pointercancel', up);
  view.dom.ownerDocument.addEventListener('keydown', cancel, true);
  return () => {
    view.dom.removeEventListener('pointerdown', down);
    view.dom.removeEventListener('pointermove', move);
    view.dom.removeEventListener('pointerup', up);
    view.dom.removeEventListener('pointercancel', up);
    view.dom.ownerDocument.removeEventListener('keydown', cancel, true);
  };
}
