/**
 * A historian's note (Markdown) read for the writers that cannot embed Markdown: HTML (escaped,
 * no raw HTML, only safe links) and DOCX or plain text (paragraphs of runs with italics and bold).
 */
import markdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** A stretch of note text with its emphasis. */
export interface NoteRun {
  text: string;
  italic?: true;
  bold?: true;
}

// Raw HTML stays text; markdown-it refuses javascript:, vbscript: and data: links by default.
const parser = markdownIt({ html: false, linkify: false, typographer: false });

/** The note as HTML: raw HTML escaped, never passed through; empty string for an empty note. */
export function noteToHtml(markdown: string): string {
  return markdown.trim() === '' ? '' : parser.render(markdown);
}

/** A line opening or closing a fenced code block. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The note as blocks of an exported Markdown document: as the historian wrote it, except what
 * would reach outside the note and change the document around it, which is backslash-escaped
 * so that it prints as typed: footnote references and definitions (`[^1]`), link reference
 * definitions, headings (they would enter the document's outline), raw HTML (Pandoc would render
 * it; the app shows it as text), and a code fence left open (it would swallow the rest).
 */
export function noteToMarkdown(markdown: string): string {
  const lines = markdown.trim().replace(/\r\n?/g, '\n').split('\n');
  const fences = lines.flatMap((line, i) => (FENCE.test(line) ? [i] : []));
  const unclosed = fences.length % 2 === 1 ? fences.at(-1) : undefined;
  let inCode = false;
  return lines
    .map((line, i) => {
      if (i === unclosed) return line.replace(/^( {0,3})([`~])/, '$1\\$2');
      // Inside a closed code fence everything is code and stays in the note.
      if (FENCE.test(line)) inCode = !inCode;
      if (inCode || FENCE.test(line)) return line;
      return line
        .replace(/(?<!\\)\[\^/g, '\\[^')
        .replace(/(?<!\\)<(?![a-z][a-z0-9+.-]{1,31}:[^\s<>]*>|[^\s<>@]+@[^\s<>@]+>)(?=[a-z/!?])/gi, '\\<')
        .replace(/^( {0,3})(#{1,6})(?=\s|$)/, '$1\\$2')
        .replace(/^( {0,3})(=+|-+)[ \t]*$/, '$1\\$2')
        .replace(/^( {0,3})(\[)(?=[^\]]+\]:)/, '$1\\$2');
    })
    .join('\n');
}

/** The note as paragraphs of runs (headings, list items and quotes become plain paragraphs). */
export function noteParagraphs(markdown: string): NoteRun[][] {
  const paragraphs: NoteRun[][] = [];
  for (const token of parser.parse(markdown, {})) {
    if (token.type === 'inline') paragraphs.push(inlineRuns(token.children ?? []));
  }
  return paragraphs.filter((runs) => runs.length > 0);
}

function inlineRuns(tokens: Token[]): NoteRun[] {
  const runs: NoteRun[] = [];
  let italic = 0;
  let bold = 0;
  for (const token of tokens) {
    if (token.type === 'em_open') italic += 1;
    else if (token.type === 'em_close') italic -= 1;
    else if (token.type === 'strong_open') bold += 1;
    else if (token.type === 'strong_close') bold -= 1;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') push(runs, ' ', italic, bold);
    else if (token.type === 'text' || token.type === 'code_inline' || token.type === 'html_inline') {
      push(runs, token.content, italic, bold);
    }
  }
  return runs;
}

function push(runs: NoteRun[], text: string, italic: number, bold: number): void {
  if (text === '') return;
  runs.push({
    text,
    ...(italic > 0 ? { italic: true as const } : {}),
    ...(bold > 0 ? { bold: true as const } : {}),
  });
}
