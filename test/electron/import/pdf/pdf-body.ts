/** The body of a cleaned file as the corpus writes it, for comparing with a fixture's expected text. */
import type { CleanedBody } from '../../../../core/clean/cleaned-body.ts';
import { normalizeSource } from '../../../../core/corpus/normalize-source.ts';
import { serializeSource } from '../../../../core/corpus/serialize-source.ts';

/** The Markdown body (without front matter) of a cleaned body. */
export function bodyText(body: CleanedBody): string {
  const text = serializeSource(
    normalizeSource({ id: 'x', meta: { csl: { id: 'x', type: 'document', title: 'x' }, reliability: 'secondary', cleaning: [] }, blocks: body.blocks, notes: body.notes }),
  );
  return fileBody(text);
}

/** The body of a cleaned file's text: everything after the front matter, trimmed. */
export function fileBody(text: string): string {
  return text.slice(text.indexOf('\n---\n') + 5).trim();
}
