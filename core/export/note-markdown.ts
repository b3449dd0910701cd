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
