/**
 * The Markdown writer: CommonMark with footnotes (`[^n]`, as markdown-it-footnote and Pandoc read
 * them). Each highlight is a block quote, with the source's italics, ending in its footnote
 * reference, then its note (Markdown, as the historian wrote it, with whatever would reach outside
 * the note escaped) and tags; the footnotes and the bibliography follow. Headings nest as the
 * groups do (a tag under a tag is one level deeper).
 */
import { toMarkdown } from '../cite/render.ts';
import type { Rich } from '../cite/rich.ts';
import type { ExportDocument, ExportEntry } from './export-document.ts';
import { quotationMark, tagLine } from './labels.ts';
import { noteToMarkdown } from './note-markdown.ts';
import { quotationParagraphs } from './quotation-layout.ts';

/** The Markdown text of `doc`, ending in a newline; quotations are escaped so they print as is. */
export function writeMarkdown(doc: ExportDocument): string {
  const blocks: string[] = [`# ${escapeMarkdown(doc.title)}`];
  for (const group of doc.groups) {
    if (group.heading !== null) {
      blocks.push(`${'#'.repeat(Math.min(group.level + 1, 6))} ${escapeMarkdown(group.heading)}`);
    }
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
  const paragraphs = quotationParagraphs(entry.quotation.rich).map(richMarkdown);
  const last = paragraphs.length - 1;
  paragraphs[last] = `${paragraphs[last] ?? ''}[^${entry.noteIndex}]`;
  const quote = paragraphs.map((p) => `> ${p.replace(/\n/g, ' ')}`).join('\n>\n');
  const blocks = [quote];
  const mark = quotationMark(entry.quotation);
  if (mark) blocks.push(`*${escapeMarkdown(mark.text)}*`);
  for (const line of entry.provenance) blocks.push(`*${escapeMarkdown(line)}*`);
  const note = noteToMarkdown(entry.note);
  if (note !== '') blocks.push(note);
  if (entry.tags.length > 0) blocks.push(escapeMarkdown(tagLine(entry.tags)));
  return blocks;
}

/** One paragraph of rich text: escaped text, `*…*` around italics, spaces kept outside them. */
export function richMarkdown(rich: Rich): string {
  const text = rich
    .map((run) => {
      const escaped = escapeInline(run.text);
      if (!run.italic) return escaped;
      const m = /^(\s*)(.*?)(\s*)$/s.exec(escaped);
      return m && m[2] ? `${m[1]}*${m[2]}*${m[3]}` : escaped;
    })
    .join('');
  return escapeLineStart(text);
}

/** Backslash-escapes what CommonMark would read as markup, so text prints character for character. */
export function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeInline(text));
}

function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>~|!]/g, (c) => `\\${c}`).replace(/&(?=#?\w+;)/g, '\\&');
}

/** A block that starts like a heading, quote, list or numbered list is escaped at its start. */
function escapeLineStart(text: string): string {
  const ordered = /^(\d+)([.)])/.exec(text);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${text.slice(ordered[0].length)}`;
  return /^[#>+=-]/.test(text) ? `\\${text}` : text;
}
