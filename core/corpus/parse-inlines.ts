import type { Token } from 'markdown-it';
import { TOKEN } from './markdown-parser.ts';
import type { Inline, TextRun } from './model.ts';
import { normalizeInlines } from './inline-runs.ts';
import { SourceFormatError } from './source-format-error.ts';

const UNSUPPORTED: Record<string, string> = {
  softbreak: 'the paragraph continues on the next line; a paragraph must be a single line',
  hardbreak: 'a line break inside a paragraph is not allowed; a paragraph must be a single line',
  code_inline: 'code spans (`…`) are not part of the format; write \\` for a literal backtick',
  image: 'images are not part of the format; write \\! or \\[ for literal brackets',
  html_inline: 'raw HTML is not part of the format',
};

/**
 * Converts the children of one markdown-it `inline` token into our inlines (normalised: runs
 * merged, NFC). `line` is the file line of the block, used in error messages.
 */
export function parseInlines(children: readonly Token[], line: number): Inline[] {
  const out: Inline[] = [];
  let em = 0;
  let strong = 0;
  let href: string | undefined;
  for (const token of children) {
    switch (token.type) {
      case 'text': {
        const run: TextRun = { type: 'text', text: token.content };
        if (em > 0) run.em = true;
        if (strong > 0) run.strong = true;
        if (href !== undefined) run.href = href;
        out.push(run);
        break;
      }
      case 'em_open':
        em++;
        break;
      case 'em_close':
        em--;
        break;
      case 'strong_open':
        strong++;
        break;
      case 'strong_close':
        strong--;
        break;
      case 'link_open':
        if (token.attrGet('title') !== null) {
          const message = 'link titles ("…" after the address) are not part of the format';
          throw new SourceFormatError('markdown', message, line);
        }
        href = String(token.attrGet('href') ?? '');
        break;
      case 'link_close':
        href = undefined;
        break;
      case TOKEN.noteRef:
        out.push({ type: 'noteRef', label: (token.meta as { label: string }).label });
        break;
      case TOKEN.page:
        out.push({ type: 'page', label: (token.meta as { label: string }).label });
        break;
      case TOKEN.marker:
        out.push({ type: 'marker', label: (token.meta as { label: string }).label });
        break;
      case TOKEN.gap: {
        const reason = (token.meta as { reason?: string }).reason;
        out.push(reason === undefined ? { type: 'gap' } : { type: 'gap', reason });
        break;
      }
      case TOKEN.error:
        throw new SourceFormatError('directive', token.content, line);
      default:
        throw new SourceFormatError(
          'markdown',
          UNSUPPORTED[token.type] ?? `unexpected Markdown (${token.type})`,
          line,
        );
    }
  }
  return normalizeInlines(out);
}
