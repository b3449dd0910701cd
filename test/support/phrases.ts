import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { readingText } from '../../core/corpus/reading-text.ts';
import { CORPUS_DIR } from './services.ts';

/** The reading-text range of the first occurrence of `phrase` in a corpus source. */
export function phraseRange(sourceId: string, phrase: string, corpusDir = CORPUS_DIR): { start: number; end: number } {
  const text = readingText(parseSource(readFileSync(join(corpusDir, `${sourceId}.md`), 'utf8'))).text;
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`“${phrase}” is not in ${sourceId}`);
  return { start, end: start + phrase.length };
}

/** The first `count` sentences of a source's body paragraphs, each one a phrase to highlight. */
export function sentences(sourceId: string, count: number, corpusDir = CORPUS_DIR): string[] {
  const text = readingText(parseSource(readFileSync(join(corpusDir, `${sourceId}.md`), 'utf8'))).text;
  const found = text
    .split('\n\n')
    .filter((paragraph) => paragraph.length > 200)
    .flatMap((paragraph) => paragraph.match(/[A-Z][^.!?]{20,80}[.!?]/g) ?? []);
  return [...new Set(found)].filter((sentence) => text.indexOf(sentence) === text.lastIndexOf(sentence)).slice(0, count);
}
