/**
 * The page side of `bench:reader`, bundled to an IIFE and run in Chromium: builds either the
 * Apparatus reader or a bare ProseMirror view of the same Source and times it to the first paint.
 */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Source } from '../../core/corpus/model.ts';
import { readingText, type BlockSpan } from '../../core/corpus/reading-text.ts';
import { ReaderView, type ReaderEvents } from '../../renderer/features/reader/reader-view.ts';
import { sourceToDoc } from '../../renderer/features/reader/source-doc.ts';
import type { AddTiming, BenchHighlight, PageBench, ViewKind } from './protocol.ts';

const noEvents: ReaderEvents = {
  selection: () => undefined,
  activateHighlight: () => undefined,
  activateLink: () => undefined,
  activateNoteRef: () => undefined,
  adjustHighlight: () => undefined,
};

let source: Source | undefined;
let spans: BlockSpan[] = [];
let highlights: BenchHighlight[] = [];
let reader: ReaderView | undefined;
let bare: EditorView | undefined;

/** Resolves after the frame following the current one was painted (two animation frames). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

function mountPoint(): HTMLElement {
  const mount = document.getElementById('mount');
  if (!mount) throw new Error('The benchmark page has no #mount element.');
  return mount;
}

function prepare(sourceJson: string, highlightsJson: string): void {
  source = JSON.parse(sourceJson) as Source;
  highlights = JSON.parse(highlightsJson) as BenchHighlight[];
  // The app computes the spans before it opens the reader, so they are not part of the timing.
  spans = readingText(source).blocks;
}

function build(kind: ViewKind, current: Source): void {
  if (kind === 'reader') {
    reader = new ReaderView(mountPoint(), current, spans, noEvents);
    reader.setHighlights(highlights);
  } else {
    // The peer: the same document in the same schema, with no plugins and no listeners.
    bare = new EditorView(mountPoint(), {
      state: EditorState.create({ doc: sourceToDoc(current) }),
      editable: () => false,
      attributes: { class: 'reading' },
    });
  }
}

async function mount(kind: ViewKind): Promise<{ firstPaintMs: number; highlightElements: number }> {
  if (!source) throw new Error('prepare() must run before mount().');
  // Start on a fresh frame so both views begin from the same point in the frame cycle.
  await nextPaint();
  const start = performance.now();
  build(kind, source);
  await nextPaint();
  const firstPaintMs = performance.now() - start;
  return { firstPaintMs, highlightElements: document.querySelectorAll('.hl').length };
}

async function addOne(highlight: BenchHighlight): Promise<AddTiming> {
  await nextPaint();
  const start = performance.now();
  if (reader) reader.addHighlight(highlight);
  else if (bare) bare.dispatch(bare.state.tr);
  else throw new Error('mount() must run before addOne().');
  const dispatchMs = performance.now() - start;
  await nextPaint();
  return { dispatchMs, paintMs: performance.now() - start };
}

const api: PageBench = { prepare, mount, addOne };
(window as unknown as { bench: PageBench }).bench = api;
