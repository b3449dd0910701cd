/**
 * The HTML writer: one standalone page, no scripts and no external resources. Quotations are
 * block quotes, with the source's italics, ending in a footnote reference; headings nest as the
 * groups do; the footnotes are a numbered list with links back
 * to their references; every text is escaped and notes pass through markdown-it without raw HTML.
 */
import { toHtml } from '../cite/render.ts';
import type { Rich } from '../cite/rich.ts';
import type { ExportDocument, ExportEntry } from './export-document.ts';
import { quotationMark, tagLine } from './labels.ts';
import { noteToHtml } from './note-markdown.ts';
import { quotationParagraphs } from './quotation-layout.ts';

/** The HTML page of `doc` (UTF-8, `lang="en"`), ending in a newline. */
export function writeHtml(doc: ExportDocument): string {
  const body: string[] = [`<h1>${escapeHtml(doc.title)}</h1>`];
  for (const group of doc.groups) {
    if (group.heading !== null) {
      const h = `h${Math.min(group.level + 1, 6)}`;
      body.push(`<${h}>${escapeHtml(group.heading)}</${h}>`);
    }
    for (const entry of group.entries) body.push(entryHtml(entry));
  }
  const notes = doc.entries.map(
    (entry) =>
      `<li id="fn${entry.noteIndex}" value="${entry.noteIndex}">${toHtml(entry.citation)} ` +
      `<a href="#fnref${entry.noteIndex}" class="footnote-backref" aria-label="Back to reference ${entry.noteIndex}">↩</a></li>`,
  );
  body.push(`<section class="footnotes">\n<h2>Notes</h2>\n<ol>\n${notes.join('\n')}\n</ol>\n</section>`);
  if (doc.bibliography.length > 0) {
    const entries = doc.bibliography.map((entry) => `<p class="bibliography-entry">${toHtml(entry.rich)}</p>`);
    body.push(`<section class="bibliography">\n<h2>Bibliography</h2>\n${entries.join('\n')}\n</section>`);
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(doc.title)}</title>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function entryHtml(entry: ExportEntry): string {
  const n = entry.noteIndex;
  const paragraphs = quotationParagraphs(entry.quotation.rich).map(richHtml);
  const ref = `<sup class="footnote-ref"><a href="#fn${n}" id="fnref${n}">${n}</a></sup>`;
  paragraphs[paragraphs.length - 1] += ref;
  const parts = [
    `<blockquote>\n${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}\n</blockquote>`,
  ];
  const mark = quotationMark(entry.quotation);
  if (mark) parts.push(`<p class="${mark.kind}"><em>${escapeHtml(mark.text)}</em></p>`);
  for (const line of entry.provenance) parts.push(`<p class="provenance"><em>${escapeHtml(line)}</em></p>`);
  const note = noteToHtml(entry.note);
  if (note !== '') parts.push(`<div class="note">\n${note}</div>`);
  if (entry.tags.length > 0) parts.push(`<p class="tags">${escapeHtml(tagLine(entry.tags))}</p>`);
  return `<article class="annotation">\n${parts.join('\n')}\n</article>`;
}

/** Rich text as HTML: escaped text, `<i>` for the source's italics. */
function richHtml(rich: Rich): string {
  return rich.map((run) => (run.italic ? `<i>${escapeHtml(run.text)}</i>` : escapeHtml(run.text))).join('');
}

/** Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
