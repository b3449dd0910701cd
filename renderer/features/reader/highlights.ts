import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** A highlight as the reader draws it: a ProseMirror range and how to paint it. */
export interface Highlight {
  id: string;
  from: number;
  to: number;
  color: string;
}

/** What can happen to the highlights; the only way to change them. */
export type HighlightAction =
  | { type: 'set'; highlights: Highlight[] }
  | { type: 'add'; highlight: Highlight }
  | { type: 'remove'; id: string }
  | { type: 'recolor'; id: string; color: string }
  | { type: 'select'; id: string | null };

interface HighlightState {
  decorations: DecorationSet;
  selected: string | null;
}

interface Spec {
  highlightId: string;
  color: string;
}

/** The key of the highlight plugin, for reading its state. */
export const highlightKey = new PluginKey<HighlightState>('highlights');

function decoration(highlight: Highlight, selected: boolean): Decoration {
  const classes = `hl hl-${highlight.color}${selected ? ' hl-selected' : ''}`;
  return Decoration.inline(highlight.from, highlight.to, { class: classes, 'data-annotation-id': highlight.id }, { highlightId: highlight.id, color: highlight.color } satisfies Spec);
}

function findById(set: DecorationSet, id: string): Decoration[] {
  return set.find(undefined, undefined, (spec) => (spec as Spec).highlightId === id);
}

function restyle(state: HighlightState, doc: Transaction['doc'], id: string | null, selected: boolean, color?: string): DecorationSet {
  if (id === null) return state.decorations;
  const old = findById(state.decorations, id);
  if (old.length === 0) return state.decorations;
  const replacement = old.map((d) => decoration({ id, from: d.from, to: d.to, color: color ?? (d.spec as Spec).color }, selected));
  return state.decorations.remove(old).add(doc, replacement);
}

function apply(tr: Transaction, value: HighlightState): HighlightState {
  const action = tr.getMeta(highlightKey) as HighlightAction | undefined;
  const mapped = tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
  if (!action) return mapped;
  switch (action.type) {
    case 'set':
      return {
        selected: null,
        decorations: DecorationSet.create(tr.doc, action.highlights.filter((h) => h.to > h.from).map((h) => decoration(h, false))),
      };
    case 'add':
      if (action.highlight.to <= action.highlight.from) return mapped;
      return { ...mapped, decorations: mapped.decorations.add(tr.doc, [decoration(action.highlight, action.highlight.id === mapped.selected)]) };
    case 'remove':
      return {
        selected: mapped.selected === action.id ? null : mapped.selected,
        decorations: mapped.decorations.remove(findById(mapped.decorations, action.id)),
      };
    case 'recolor':
      return { ...mapped, decorations: restyle(mapped, tr.doc, action.id, action.id === mapped.selected, action.color) };
    case 'select': {
      const cleared = { ...mapped, decorations: restyle(mapped, tr.doc, mapped.selected, false) };
      return { selected: action.id, decorations: restyle(cleared, tr.doc, action.id, true) };
    }
  }
}

/**
 * Highlights as decorations derived from annotation data, mapped through every transaction and
 * never written into the document: the source stays as it was cleaned, and annotations live apart.
 */
export function highlightPlugin(): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, selected: null }),
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

/** The ids of the highlights covering a position, shortest first (the most specific one a click means). */
export function highlightsAt(state: EditorState, pos: number): string[] {
  const set = highlightKey.getState(state)?.decorations;
  if (!set) return [];
  return set
    .find(pos, pos)
    .filter((d) => d.from <= pos && pos < d.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from))
    .map((d) => (d.spec as Spec).highlightId)
    .filter((id, index, all) => all.indexOf(id) === index);
}

/** The currently selected highlight, if any. */
export function selectedHighlight(state: EditorState): string | null {
  return highlightKey.getState(state)?.selected ?? null;
}
