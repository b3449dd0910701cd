import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** The search matches shown in the reader, and which one is current. */
export interface SearchMarks {
  ranges: { from: number; to: number }[];
  current: number;
}

/** The key of the search-match plugin. */
export const searchMarksKey = new PluginKey<DecorationSet>('search-marks');

function decorations(state: Transaction['doc'], marks: SearchMarks): DecorationSet {
  return DecorationSet.create(
    state,
    marks.ranges
      .filter((range) => range.to > range.from)
      .map((range, index) => Decoration.inline(range.from, range.to, { class: index === marks.current ? 'search-match current' : 'search-match' })),
  );
}

/** Marks every match of the current search in the reader (decorations, never document marks). */
export function searchMarksPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: searchMarksKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const marks = tr.getMeta(searchMarksKey) as SearchMarks | undefined;
        if (marks) return decorations(tr.doc, marks);
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: { decorations: (state) => searchMarksKey.getState(state) },
  });
}

/** A transaction that shows these search marks. */
export function searchMarksTransaction(state: EditorState, marks: SearchMarks): Transaction {
  return state.tr.setMeta(searchMarksKey, marks);
}
