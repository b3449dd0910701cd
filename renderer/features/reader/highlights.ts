import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { authorColor } from '../../../core/share/author-mark.ts';
import { segmentsIn, type Highlight, type Segment } from './highlight-segments.ts';
import type { Positions } from './positions.ts';

export type { Highlight } from './highlight-segments.ts';

/** A range of the reading text. */
interface Span {
  start: number;
  end: number;
}

/** What can happen to the highlights (ranges of the reading text); the only way to change them. */
export type HighlightAction =
  /** Every highlight anew; with many, `window` is the part of the text on screen, measured beforehand. */
  | { type: 'set'; highlights: readonly Highlight[]; window?: Span }
  | { type: 'add'; highlight: Highlight }
  | { type: 'remove'; id: string }
  | { type: 'recolor'; id: string; color: string }
  | { type: 'select'; id: string | null }
  /** The part of the text on or near the screen; with many highlights only it is drawn. */
  | { type: 'window'; start: number; end: number }
  /** Shows a highlight with another extent while its end is dragged (null: as saved again). */
  | { type: 'preview'; extent: ({ id: string } & Span) | null };

/** What the plugin knows: every highlight, and the decorations drawn for those in range. */
export interface HighlightState {
  all: ReadonlyMap<string, Highlight>;
  selected: string | null;
  preview: ({ id: string } & Span) | null;
  window: Span;
  decorations: DecorationSet;
}

type Known = Omit<HighlightState, 'decorations'>;

interface Spec {
  ids: readonly string[];
}

/**
 * Up to this many highlights, all are drawn; beyond, only those in the window (what is on screen
 * and a little on either side), so a heavily annotated source opens as fast as a bare one.
 */
export const DRAW_ALL_LIMIT = 200;

/** The key of the highlight plugin, for reading its state. */
export const highlightKey = new PluginKey<HighlightState>('highlights');

/**
 * Highlights as decorations derived from annotation data, never written into the document: the
 * source stays as it was cleaned, and annotations live apart. They are kept in reading-text
 * offsets and placed in the document (through `positions`) only when drawn; the document never
 * changes (the reader is read-only), so nothing needs mapping.
 */
export function highlightPlugin(positions: Positions): Plugin<HighlightState> {
  const length = positions.length;

  const segmentDecoration = (segment: Segment, selected: string | null): Decoration => {
    const [color, second] = segment.colors;
    const classes = ['hl', `hl-${color}`];
    if (segment.ids.length > 1) classes.push('hl-overlap', `hl-and-${second ?? color}`);
    if (selected !== null && segment.ids.includes(selected)) classes.push('hl-selected');
    const { from, to } = positions.fromRange(segment.start, segment.end);
    const attributes: Record<string, string> = { 'data-annotation-id': segment.ids[0]! };
    // Another member's highlight keeps its colour and gains an underline in the author's own.
    if (segment.author) {
      classes.push('hl-other', `author-${authorColor(segment.author)}`);
      Object.assign(attributes, { 'data-author': segment.author, title: `Highlighted by ${segment.author}` });
    }
    return Decoration.inline(from, to, { class: classes.join(' '), ...attributes }, { ids: segment.ids } satisfies Spec);
  };

  // A knob at either end of the highlight being edited, to drag that end.
  const knob = (edge: 'start' | 'end', id: string, offset: number): Decoration => {
    const pos = positions.toPos(offset, edge === 'start' ? 'after' : 'before');
    const render = () => {
      const node = document.createElement('span');
      node.className = `hl-handle hl-handle-${edge}`;
      node.dataset.handle = edge;
      node.dataset.annotationId = id;
      node.setAttribute('aria-hidden', 'true');
      return node;
    };
    return Decoration.widget(pos, render, { side: edge === 'start' ? -1 : 1, key: `hl-handle-${edge}-${id}-${pos}`, ignoreSelection: true, handle: true });
  };

  /** The highlights as drawn: a dragged one at its previewed extent. */
  const shown = (state: Known): Iterable<Highlight> => {
    const { all, preview } = state;
    if (!preview || !all.has(preview.id)) return all.values();
    return [...all.values()].map((h) => (h.id === preview.id ? { ...h, start: preview.start, end: preview.end } : h));
  };

  /** The range drawn now: the whole text, or with many highlights the window. */
  const drawn = (state: Pick<Known, 'all' | 'window'>): Span =>
    state.all.size <= DRAW_ALL_LIMIT ? { start: 0, end: length } : { start: Math.max(0, state.window.start), end: Math.min(length, state.window.end) };

  const handles = (state: Known, range: Span): Decoration[] => {
    const highlight = state.selected === null ? undefined : state.all.get(state.selected);
    if (!highlight) return [];
    const { start, end } = state.preview?.id === highlight.id ? state.preview : highlight;
    const knobs: Decoration[] = [];
    if (start >= range.start && start <= range.end) knobs.push(knob('start', highlight.id, start));
    if (end >= range.start && end <= range.end) knobs.push(knob('end', highlight.id, end));
    return knobs;
  };

  // Neighbouring segments drawn alike (the same innermost highlight, colours and selection) are
  // drawn as one: a dense passage needs a third of the elements.
  const segmentsOf = (state: Known, start: number, end: number): Decoration[] => {
    const look = (segment: Segment) => `${segment.ids[0]} ${segment.colors.join(' ')} ${segment.ids.length > 1} ${state.selected !== null && segment.ids.includes(state.selected)} ${segment.author ?? ''}`;
    const merged: Segment[] = [];
    let last = '';
    for (const segment of segmentsIn(shown(state), start, end)) {
      const previous = merged.at(-1);
      const current = look(segment);
      if (previous && previous.end === segment.start && current === last) previous.end = segment.end;
      else merged.push({ ...segment });
      last = current;
    }
    return merged.map((segment) => segmentDecoration(segment, state.selected));
  };

  const draw = (state: Known, doc: Transaction['doc']): DecorationSet => {
    const range = drawn(state);
    return DecorationSet.create(doc, range.start < range.end ? [...segmentsOf(state, range.start, range.end), ...handles(state, range)] : []);
  };

  // Redraws only the stretch `[start, end)` and the segments it touches: adding one highlight to
  // ten thousand costs what its own stretch of text costs.
  const redraw = (state: Known, decorations: DecorationSet, doc: Transaction['doc'], stretch: Span): DecorationSet => {
    const range = drawn(state);
    let start = Math.max(stretch.start, range.start);
    let end = Math.min(stretch.end, range.end);
    const old = decorations.find(undefined, undefined, (spec) => (spec as { handle?: boolean }).handle === true);
    if (start < end) {
      const { from, to } = positions.fromRange(start, end);
      const touched = decorations.find(from, to, (spec) => Array.isArray((spec as Spec).ids));
      for (const d of touched) {
        const span = positions.toRange(d.from, d.to);
        start = Math.min(start, span.start);
        end = Math.max(end, span.end);
      }
      old.push(...touched);
    }
    const fresh = start < end ? segmentsOf(state, start, end) : [];
    return decorations.remove(old).add(doc, [...fresh, ...handles(state, range)]);
  };

  const extentOf = (state: Known, id: string | null): Span | null => {
    const highlight = id === null ? undefined : state.all.get(id);
    if (!highlight) return null;
    const preview = state.preview?.id === id ? state.preview : null;
    return preview ? { start: Math.min(preview.start, highlight.start), end: Math.max(preview.end, highlight.end) } : highlight;
  };

  const apply = (tr: Transaction, value: HighlightState): HighlightState => {
    const action = tr.getMeta(highlightKey) as HighlightAction | undefined;
    if (!action) return value;
    const doc = tr.doc;
    // Moves to `next`, redrawing the stretches named (or everything, when the drawn range moved).
    const update = (next: Known, ...stretches: (Span | null)[]): HighlightState => {
      const before = drawn(value);
      const after = drawn(next);
      if (before.start !== after.start || before.end !== after.end) return { ...next, decorations: draw(next, doc) };
      let decorations = value.decorations;
      for (const stretch of stretches) if (stretch) decorations = redraw(next, decorations, doc, stretch);
      return { ...next, decorations };
    };
    switch (action.type) {
      case 'set': {
        const all = new Map<string, Highlight>();
        for (const h of action.highlights) if (h.end > h.start) all.set(h.id, h);
        const next = { ...value, all, selected: null, preview: null, window: action.window ?? value.window };
        return { ...next, decorations: draw(next, doc) };
      }
      case 'add': {
        const h = action.highlight;
        if (h.end <= h.start) return value;
        return update({ ...value, all: new Map(value.all).set(h.id, h) }, extentOf(value, h.id), h);
      }
      case 'remove': {
        const old = extentOf(value, action.id);
        if (!old) return value;
        const all = new Map(value.all);
        all.delete(action.id);
        const preview = value.preview?.id === action.id ? null : value.preview;
        return update({ ...value, all, preview, selected: value.selected === action.id ? null : value.selected }, old);
      }
      case 'recolor': {
        const h = value.all.get(action.id);
        if (!h) return value;
        return update({ ...value, all: new Map(value.all).set(h.id, { ...h, color: action.color }) }, h);
      }
      case 'select':
        if (action.id === value.selected) return value;
        return update({ ...value, selected: action.id }, extentOf(value, value.selected), extentOf(value, action.id));
      case 'preview': {
        const next = { ...value, preview: action.extent };
        return update(next, value.preview ? extentOf(value, value.preview.id) : null, action.extent ? extentOf(next, action.extent.id) : null);
      }
      case 'window': {
        const next = { ...value, window: { start: action.start, end: action.end } };
        return { ...next, decorations: value.all.size <= DRAW_ALL_LIMIT ? value.decorations : draw(next, doc) };
      }
    }
  };

  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      // Nothing is drawn of many highlights until the view has measured what is on screen.
      init: () => ({ all: new Map(), selected: null, preview: null, window: { start: 0, end: 0 }, decorations: DecorationSet.empty }),
      apply,
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.decorations,
    },
  });
}

/** A transaction that performs a highlight action. */
export function highlightTransaction(state: EditorState, action: HighlightAction): Transaction {
  return state.tr.setMeta(highlightKey, action);
}

/** The ids of the highlights covering a reading-text offset, shortest first (the one a click there means). */
export function highlightsAt(state: EditorState, offset: number): string[] {
  const plugin = highlightKey.getState(state);
  if (!plugin) return [];
  return [...plugin.all.values()]
    .filter((h) => h.start <= offset && offset < h.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start))
    .map((h) => h.id);
}

/** The currently selected highlight, if any. */
export function selectedHighlight(state: EditorState): string | null {
  return highlightKey.getState(state)?.selected ?? null;
}

/** The window of the reading text drawn with highlights (`all` when every highlight is drawn), and how many there are. */
export function highlightWindow(state: EditorState): Span & { all: boolean; count: number } {
  const plugin = highlightKey.getState(state);
  const count = plugin?.all.size ?? 0;
  if (!plugin || count <= DRAW_ALL_LIMIT) return { start: 0, end: Number.MAX_SAFE_INTEGER, all: true, count };
  return { ...plugin.window, all: false, count };
}
