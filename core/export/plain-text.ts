/**
 * The plain-text writer: each quotation in quotation marks (the quotations inside it in single
 * marks) with its note number in brackets, the note and tags, then the numbered notes and the
 * bibliography. Notes are printed as written.
 */
import { toPlainText } from '../cite/render.ts';
import type { ExportDocument, ExportEntry } from './export-document.ts';
import { quotationMark, tagLine } from './labels.ts';
import { nestedQuotes } from './quotation-layout.ts';

/** How group headings are underlined, by level: a tag under a tag gets a lighter rule. */
const UNDERLINES = ['-', '~', '.'];

/** The plain text of `doc`, ending in a newline. */
export function writePlainText(doc: ExportDocument): string {
  const blocks: string[] = [doc.title, '='.repeat(doc.title.length)];
  for (const group of doc.groups) {
    if (group.heading !== null) {
      const rule = UNDERLINES[Math.min(group.level, UNDERLINES.length) - 1] ?? '-';
      blocks.push(`${group.heading}\n${rule.repeat(group.heading.length)}`);
    }
    for (const entry of group.entries) blocks.push(entryText(entry));
  }
  const notes = doc.entries.map((entry) => `${entry.noteIndex}. ${toPlainText(entry.citation)}`);
  blocks.push(`Notes\n-----\n${notes.join('\n')}`);
  if (doc.bibliography.length > 0) {
    const entries = doc.bibliography.map((entry) => toPlainText(entry.rich));
    blocks.push(`Bibliography\n------------\n${entries.join('\n')}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

function entryText(entry: ExportEntry): string {
  const lines = [`“${toPlainText(nestedQuotes(entry.quotation.rich))}” [${entry.noteIndex}]`];
  const mark = quotationMark(entry.quotation);
  if (mark) lines.push(`(${mark.text})`);
  for (const line of entry.provenance) lines.push(`(${line})`);
  if (entry.note.trim() !== '') lines.push(entry.note.trim());
  if (entry.tags.length > 0) lines.push(tagLine(entry.tags));
  return lines.join('\n');
}
