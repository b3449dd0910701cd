/**
 * Renderers from citation rich text to HTML, Markdown and plain text. The formatter already put
 * typographic quotes and en dashes into the text; renderers only add markup and escaping.
 */
import type { Rich, Run } from './rich.ts';

/** Options of the HTML renderer. */
export interface HtmlOptions {
  /** Wrap URL runs in `<a href>`; off by default, so the markup is `<i>` and escaped text only. */
  links?: boolean;
}

/** The plain text of a citation: the characters, without any formatting. */
export function toPlainText(rich: Rich): string {
  return rich.map((run) => run.text).join('');
}

/** HTML with `<i>` for italics and `&`, `<`, `>`, `"` escaped; no other tag unless asked. */
export function toHtml(rich: Rich, options: HtmlOptions = {}): string {
  return rich
    .map((run) => {
      const text = escapeHtml(run.text);
      if (run.url && options.links) return `<a href="${text}">${text}</a>`;
      return run.italic ? `<i>${text}</i>` : text;
    })
    .join('');
}

/**
 * CommonMark with `*…*` for italics. Characters Markdown would read as syntax are
 * backslash-escaped; a URL that Markdown could misread is written as an autolink `<…>` instead.
 */
export function toMarkdown(rich: Rich): string {
  const out = rich.map(markdownRun).join('');
  // A note starts a block, where `#`, `>`, `-`, `+` or `1.` would make a heading, quote or list.
  const ordered = /^(\d+)([.)])/.exec(out);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${out.slice(ordered[0].length)}`;
  return /^[#>+-]/.test(out) ? `\\${out}` : out;
}

function markdownRun(run: Run): string {
  if (run.url) return MARKDOWN_UNSAFE_URL.test(run.text) ? `<${run.text}>` : run.text;
  const text = escapeMarkdown(run.text);
  if (!run.italic) return text;
  // Emphasis may not start or end with a space: keep spaces outside the asterisks.
  const m = /^(\s*)(.*?)(\s*)$/s.exec(text);
  return m && m[2] ? `${m[1]}*${m[2]}*${m[3]}` : text;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&');
}

/**
 * URL characters that Markdown could take for markup: emphasis delimiters, code, links, escapes,
 * entities, and an underscore that is not inside a word.
 */
const MARKDOWN_UNSAFE_URL = /[*`\\[\]<>&~]|(^|[^\p{L}\p{N}])_|_($|[^\p{L}\p{N}])/u;
