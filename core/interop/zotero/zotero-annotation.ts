/**
 * Zotero's annotation items (children of a PDF attachment: `itemType: "annotation"`) as
 * annotations to place in the source imported from that PDF. Zotero keeps the highlighted text,
 * the comment, the colour, the tags and the printed page label, but no text around the passage:
 * the page label and the character offset of its sort index say where to look.
 */
import type { Color } from '../../annotate/palette.ts';
import type { ExternalAnnotation, SkippedRecord } from '../annotations/external.ts';
import { datesOf } from '../annotations/external.ts';

// Zotero's eight highlight colours, and ours for each (our palette has no red or grey).
const ZOTERO_COLORS: Record<string, Color> = {
  '#ffd400': 'yellow',
  '#ff6666': 'pink',
  '#5fb236': 'green',
  '#2ea8e5': 'blue',
  '#a28ae5': 'purple',
  '#e56eee': 'pink',
  '#f19837': 'orange',
  '#aaaaaa': 'yellow',
};

const OUR_COLORS: [Color, [number, number, number]][] = [
  ['yellow', [0xff, 0xd4, 0x00]],
  ['green', [0x5f, 0xb2, 0x36]],
  ['blue', [0x2e, 0xa8, 0xe5]],
  ['pink', [0xe5, 0x6e, 0xee]],
  ['purple', [0xa2, 0x8a, 0xe5]],
  ['orange', [0xf1, 0x98, 0x37]],
];

/** Our colour for a Zotero colour: Zotero's own eight by name, any other the nearest. */
export function colorOf(hex: unknown): Color | null {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return null;
  const known = ZOTERO_COLORS[hex.toLowerCase()];
  if (known) return known;
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const distance = (c: [number, number, number]) => c.reduce((sum, part, i) => sum + (part - (rgb[i] as number)) ** 2, 0);
  return [...OUR_COLORS].sort((a, b) => distance(a[1]) - distance(b[1]))[0]?.[0] ?? null;
}

/** The annotation of one Zotero annotation item's `data`, or why it is not imported. */
export function zoteroAnnotation(data: Record<string, unknown>): ExternalAnnotation | SkippedRecord {
  const key = typeof data.key === 'string' ? data.key : '?';
  const label = `Zotero annotation ${key}${typeof data.annotationPageLabel === 'string' ? ` (p. ${data.annotationPageLabel})` : ''}`;
  const type = String(data.annotationType);
  if (type === 'image' || type === 'ink') return { label, reason: `it is an ${type} annotation: it marks a picture or a drawing, not words of the text` };
  const text = typeof data.annotationText === 'string' ? data.annotationText.trim() : '';
  if (text === '') {
    // A highlight or underline without words was made where Zotero could read none (a page
    // without a text layer); calling it a note would send the historian looking for one.
    if (type === 'highlight' || type === 'underline') {
      return { label, reason: `it is ${type === 'highlight' ? 'a highlight' : 'an underline'} without words: Zotero kept none for it (as on a scanned page without a text layer), so there is nothing to place it on` };
    }
    return { label, reason: 'it is a note on the page, not on highlighted words: Apparatus keeps notes on passages' };
  }
  const pageLabel = typeof data.annotationPageLabel === 'string' && data.annotationPageLabel.trim() !== '' ? data.annotationPageLabel.trim() : null;
  // The sort index is "page|offset|top": the offset counts characters from the page's start.
  const offset = typeof data.annotationSortIndex === 'string' ? Number(data.annotationSortIndex.split('|')[1]) : Number.NaN;
  const tags = Array.isArray(data.tags) ? data.tags.flatMap((tag) => (typeof (tag as { tag?: unknown }).tag === 'string' ? [(tag as { tag: string }).tag] : [])) : [];
  return {
    label,
    target: { urls: [], dois: [], sourceIds: [] },
    quote: { exact: text, prefix: '', suffix: '' },
    position: null,
    pageLabel,
    pageOffset: Number.isFinite(offset) ? offset : null,
    note: typeof data.annotationComment === 'string' ? data.annotationComment : '',
    tags,
    color: colorOf(data.annotationColor),
    ...datesOf(data.dateAdded, data.dateModified),
  };
}
