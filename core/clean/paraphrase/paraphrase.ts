import type { Block, SourceMarker } from '../../corpus/model.ts';
import type { CleanedBody } from '../cleaned-body.ts';
import {
  attachSpacedPunctuation,
  backticksToApostrophes,
  inlinesFromSlots,
  normalizeApostrophes,
  normalizeSpaces,
  pairDoubleQuotes,
  pairSingleQuotes,
  SLOT,
  stripSlots,
} from '../text-rules/text-rules.ts';

/** A reference marker of the paraphrased original, such as Wikipedia's `[63]`. */
const REFERENCE_MARKER = /\[(\d+)\]/g;

/** A paragraph while it is being cleaned: its text, with a slot where each marker stood. */
interface SlottedParagraph {
  text: string;
  markers: SourceMarker[];
}

/**
 * Cleans a paraphrase page (plain text, one paragraph per line): reference markers such as `[63]`
 * leave the text and stay as marker inlines where they stood, bound to the sentence before them;
 * a marker that opens a paragraph was displaced by the line break and moves to the end of the
 * previous paragraph. Typography only: backticks used as apostrophes become `’`, spaces before
 * punctuation go, straight quotes are paired; the wording, curly quotes and ellipses stay as
 * printed, paraphrase errors included. Block ids are left empty.
 */
export function cleanParaphrase(raw: string): CleanedBody {
  const paragraphs = stripSlots(raw)
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(slotMarkers);
  return { blocks: moveLeadingMarkers(paragraphs).map(toBlock), notes: [] };
}

function slotMarkers(line: string): SlottedParagraph {
  const markers: SourceMarker[] = [];
  const text = line.replace(REFERENCE_MARKER, (_marker, label: string) => {
    markers.push({ type: 'marker', label });
    return SLOT;
  });
  return { text, markers };
}

/** Markers at the very start of a paragraph belong to the last sentence of the one before. */
function moveLeadingMarkers(paragraphs: SlottedParagraph[]): SlottedParagraph[] {
  const moved: SlottedParagraph[] = [];
  for (const paragraph of paragraphs) {
    const leading = /^(?:\uE000\s*)+/.exec(paragraph.text)?.[0] ?? '';
    const previous = moved[moved.length - 1];
    const count = leading.split(SLOT).length - 1;
    if (previous === undefined || count === 0) {
      moved.push(paragraph);
      continue;
    }
    moved[moved.length - 1] = {
      text: previous.text + SLOT.repeat(count),
      markers: [...previous.markers, ...paragraph.markers.slice(0, count)],
    };
    const text = paragraph.text.slice(leading.length);
    if (text.trim() !== '') moved.push({ text, markers: paragraph.markers.slice(count) });
  }
  return moved;
}

function toBlock(paragraph: SlottedParagraph): Block {
  let text = backticksToApostrophes(paragraph.text);
  text = normalizeApostrophes(attachSpacedPunctuation(text));
  text = normalizeSpaces(pairSingleQuotes(pairDoubleQuotes(text)));
  return { type: 'paragraph', id: '', content: inlinesFromSlots(text, paragraph.markers) };
}
