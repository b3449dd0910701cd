/**
 * The Markdown writer: CommonMark with footnotes (`[^n]`, as markdown-it-footnote and Pandoc read
 * them). Each highlight is a block quote ending in its footnote reference, then its note (Markdown,
 * as the historian wrote it) and tags; the footnotes and the bibliography follow.
 */
import { toMarkdown } from '../cite/render.ts';
import type { ExportDocument, ExportEntry } from './export-document.ts';
import { ORPHAN_MARK, tagLine } from './labels.ts';

/** The Markdown text of `doc`, ending in a newline; quotations are escaped so they print as is. */
export function writeMarkdown(doc: ExportDocument): string {
  const blocks: string[] = [`# ${escapeMarkdown(doc.title)}`];
  for (const group of doc.groups) {
    if (group.heading !== null) blocks.push(`## ${escapeMarkdown(group.heading)}`);
    for (const entry of group.entries) blocks.push(...entryBlocks(entry));
  }
  for (const entry of doc.entries) {
    blocks.push(`[^${entry.noteIndex}]: ${toMarkdown(entry.citation)}`);
  }
  if (doc.bibliography.length > 0) {
    blocks.push('## Bibliography', ...doc.bibliography.map((entry) => toMarkdown(entry.rich)));
  }
  return `${blocks.join('\n\n')}\n`;
}

function entryBlocks(entry: ExportEntry): string[] {
  const paragraphs = entry.quotation.text.split(/\n\s*\n/).map((p) => escapeMarkdown(p.trim()));
  const last = paragraphs.length - 1;
  paragraphs[last] = `${paragraphs[last]}[^${entry.noteIndex}]`;
  const quote = paragraphs.map((p) => `> ${p.replace(/\n/g, ' ')}`).join('\n>\n');
  const blocks = [quote];
  if (entry.quotation.orphaned) blocks.push(`*${ORPHAN_MARK}*`);
  if (entry.note.trim() !== '') blocks.push(entry.note.trim());
  if (entry.tags.length > 0) blocks.push(escapeMarkdown(tagLine(entry.tags)));
  return blocks;
}

/** Backslash-escapes what CommonMark would read as markup, so text prints character for character. */
export function escapeMarkdown(text: string): string {
  const escaped = text
    .replace(/[\\`*_[\]<>~|!]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&');
  const ordered = /^(\d+)([.)])/.exec(escaped);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${escaped.slice(ordered[0].length)}`;
  return /^[#>+=-]/.test(escaped) ? `\\${escaped}` : escaped;
}
