import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { TextRun } from '../../corpus/model.ts';

/**
 * Inline text of a web page: emphasis and links as a Markdown-aware copy marks them (`*…*`,
 * `**…**`, `[…](…)`), and typography made consistent (curly quotes, one-character ellipsis).
 *
 * markdown-it parses the emphasis and pairs the quotation marks (its "smartquotes"). Everything
 * that could change wording is switched off: typographic replacements ("(c)" → "©", "--" → "–"),
 * entities, backslash escapes, code spans, strikethrough and images; raw HTML stays text.
 */
const markdown = new MarkdownIt('default', {
  html: false,
  linkify: false,
  typographer: true,
  quotes: '“”‘’',
});
markdown.disable(['replacements', 'strikethrough', 'image', 'entity', 'escape', 'backticks']);

/** "..." is an ellipsis typed on a keyboard; spaced ". . ." is left alone as a deliberate style. */
function prepare(text: string): string {
  return (
    text
      .replace(/(?<!\.)\.\.\.(?!\.)/g, '…')
      // A year cut to two digits ('61) takes an apostrophe, never an opening quotation mark.
      .replace(/(^|[\s(])'(?=\d\d\b)/g, '$1’')
  );
}

/**
 * Quotation marks markdown-it could not pair (an unbalanced quotation, a quote spanning
 * paragraphs): opening after a space or an opening bracket, closing (or apostrophe) elsewhere.
 */
function curlLoneQuotes(text: string, before: string): string {
  let previous = before;
  let out = '';
  for (const char of text) {
    if (char === '"' || char === "'") {
      const opens = previous === '' || /[\s([{“‘«—–/]/u.test(previous);
      if (char === '"') out += opens ? '“' : '”';
      else out += opens ? '‘' : '’';
    } else {
      out += char;
    }
    previous = char;
  }
  return out;
}

interface Marks {
  em: boolean;
  strong: boolean;
  href: string | null;
}

function sameMarks(run: TextRun, marks: Marks): boolean {
  return (
    (run.em === true) === marks.em &&
    (run.strong === true) === marks.strong &&
    (run.href ?? null) === marks.href
  );
}

function pushText(runs: TextRun[], text: string, marks: Marks): void {
  if (text === '') return;
  const last = runs.at(-1);
  if (last && sameMarks(last, marks)) {
    last.text += text;
    return;
  }
  const run: TextRun = { type: 'text', text };
  if (marks.em) run.em = true;
  if (marks.strong) run.strong = true;
  if (marks.href !== null) run.href = marks.href;
  runs.push(run);
}

function childrenOf(text: string): Token[] {
  return markdown.parseInline(prepare(text), {})[0]?.children ?? [];
}

/**
 * Turns one block's text into text runs: emphasis, strong emphasis and links become marks,
 * quotation marks become curly, "..." becomes "…". Adjacent runs with equal marks are merged; the
 * runs' texts joined equal the block's reading text.
 */
export function toTextRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const marks: Marks = { em: false, strong: false, href: null };
  let previous = '';
  for (const token of childrenOf(text)) {
    switch (token.type) {
      case 'em_open':
      case 'em_close':
        marks.em = token.type === 'em_open';
        break;
      case 'strong_open':
      case 'strong_close':
        marks.strong = token.type === 'strong_open';
        break;
      case 'link_open':
        marks.href = String(token.attrGet('href') ?? '');
        break;
      case 'link_close':
        marks.href = null;
        break;
      case 'softbreak':
      case 'hardbreak':
        pushText(runs, ' ', marks);
        previous = ' ';
        break;
      default: {
        const curled = curlLoneQuotes(token.content, previous);
        pushText(runs, curled, marks);
        previous = curled.at(-1) ?? previous;
      }
    }
  }
  return runs;
}

/** The plain text of a line after the same typography as `toTextRuns`, marks dropped. */
export function toPlainText(text: string): string {
  return toTextRuns(text)
    .map((run) => run.text)
    .join('');
}
