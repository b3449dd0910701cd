/**
 * What Mozilla Readability itself gives of a page: its article found on the DOM of the whole page
 * (without its active content), as the corpus text the import writes. The cleaning of web pages,
 * with a DOM or as a stream, is checked against it.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ACTIVE_ELEMENTS, isActiveAttribute } from '../../core/clean/html-stream/html-stream.ts';
import { WORD_LIST_CLASSES } from '../../core/clean/html-stream/word-list.ts';
import type { Block } from '../../core/corpus/model.ts';
import { serializeBodyPieces } from '../../core/corpus/serialize-source.ts';
import { htmlBlocks } from '../../electron/services/import/html-blocks.ts';
import type { DomNode } from '../../electron/services/import/html-dom.ts';

/** Blocks as the corpus format writes them. */
export function corpusText(blocks: readonly Block[]): string {
  return [...serializeBodyPieces(blocks, [])].join('');
}

/** Readability on the DOM of the whole page, without its active content, as corpus text. */
export function readabilityText(html: string): string {
  const { document } = parseHTML(html);
  for (const element of Array.from(document.querySelectorAll([...ACTIVE_ELEMENTS, 'meta[http-equiv]'].join(', ')))) element.remove();
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const { name, value } of Array.from(element.attributes)) if (isActiveAttribute(name, value)) element.removeAttribute(name);
  }
  // Word's list classes kept, as the import keeps them (html-cleaner.ts).
  const options = { serializer: (node: DomNode) => node as unknown as DomNode, classesToPreserve: [...WORD_LIST_CLASSES] };
  const article = new Readability<DomNode>(document as never, options).parse();
  return corpusText(htmlBlocks(article?.content ?? (document.body as unknown as DomNode)));
}
