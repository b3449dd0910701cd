/**
 * The cleaner for PDF-extracted text (journal articles): one set of general rules for cover
 * removal, page tops, footnote groups, line unwrapping and hyphenation, page milestones, ordinal
 * damage, emphasis and quotation marks. What no rule can know comes from `PdfTextOptions`.
 */
import type { Block, Note } from '../../corpus/model.ts';
import type { CleanedBody } from '../cleaned-body.ts';
import { assignBlockTypes, type TypedDraft } from './block-types.ts';
import { classifyBlocks } from './block-kinds.ts';
import { dropCover } from './cover.ts';
import { assembleFlow } from './flow.ts';
import { buildWordIndex } from '../text-rules/text-rules.ts';
import { parseInlines } from './inlines.ts';
import { pageLabeler, type PdfTextOptions } from './options.ts';
import { findPageTops } from './page-tops.ts';
import { polishText } from './polish.ts';
import { renderDraft, renderNoteLines } from './render-draft.ts';
import { groupBlocks, splitSourceLines } from './source-lines.ts';
import { typicalLineWidth } from './text-shape.ts';

export type { PdfTextOptions } from './options.ts';
export { PdfTextError } from './errors.ts';

/**
 * Cleans a PDF-extracted text into body blocks and notes. Deterministic and pure. The body has no
 * hard line wraps; every printed page begins with a `page` milestone labelled from
 * `options.firstPage` on; footnotes become notes labelled as printed, in order of first reference,
 * each referenced by a `noteRef` where its marker stood. Throws `PdfTextError` on invalid options.
 */
export function cleanPdfText(raw: string, options?: PdfTextOptions): CleanedBody {
  const nextPageLabel = pageLabeler(options);
  const blocks = classifyBlocks(dropCover(groupBlocks(splitSourceLines(raw))));
  const flow = assembleFlow(blocks, findPageTops(blocks), typicalLineWidth(blocks));
  const index = buildWordIndex(blocks.flatMap((block) => block.lines.map((line) => line.text)));
  const noteLabels = new Set(flow.notes.map((note) => note.label));
  const context = { noteLabels, nextPageLabel };
  const drafts: TypedDraft[] = flow.drafts.map((draft) => ({
    role: draft.role,
    content: parseInlines(polishText(renderDraft(draft, index)), context),
  }));
  const notes: Note[] = flow.notes.map((note) => ({
    label: note.label,
    blocks: [
      {
        type: 'paragraph',
        id: '',
        content: parseInlines(polishText(renderNoteLines(note.lines, index)), context),
      },
    ],
  }));
  const body = assignBlockTypes(drafts);
  return { blocks: body, notes: inReferenceOrder(notes, body) };
}

/** Orders notes by first reference in the body; unreferenced notes follow in printed order. */
function inReferenceOrder(notes: readonly Note[], body: readonly Block[]): Note[] {
  const order = new Map<string, number>();
  for (const block of body) {
    for (const inline of block.content) {
      if (inline.type === 'noteRef' && !order.has(inline.label)) {
        order.set(inline.label, order.size);
      }
    }
  }
  const rank = (note: Note): number => order.get(note.label) ?? order.size + notes.indexOf(note);
  return [...notes].sort((a, b) => rank(a) - rank(b));
}
