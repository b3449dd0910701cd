/**
 * Trimming a quotation by editing it: the historian deletes words from the highlighted passage
 * in a text box, and the cuts are read off a diff (jsdiff) of the two texts' words. Only
 * deletions count: a quotation may be shortened, never reworded. Spacing is not compared, so a
 * line break typed by accident changes nothing.
 */
import { diffArrays } from 'diff';
import { AnnotateError } from './errors.ts';
import type { Omission } from './model.ts';
import { checkOmissions } from './omissions.ts';

interface Token {
  text: string;
  start: number;
  end: number;
}

// A word (letters, digits and their marks) or a single other visible character.
const TOKEN = /[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

/**
 * The cuts that turn `quote` into `edited` by leaving words out. Throws `AnnotateError`
 * (`not-a-shortening`) when the edit adds or changes words, and (`invalid-omission`) when it
 * leaves nothing to quote. An edit that only changes spacing gives no cuts.
 */
export function omissionsFromEdit(quote: string, edited: string): Omission[] {
  const before = tokens(quote);
  const after = tokens(edited);
  const changes = diffArrays(
    before.map((token) => token.text),
    after.map((token) => token.text),
  );
  const added = changes.filter((change) => change.added).map((change) => change.value.join(' '));
  if (added.length > 0) {
    const words = added.map((text) => `“${text}”`).join(', ');
    throw new AnnotateError(
      'not-a-shortening',
      `${words} ${added.length === 1 ? 'is' : 'are'} not in the highlighted passage: a quotation ` +
        'can only be shortened by leaving words out, not reworded.',
    );
  }
  const omissions: Omission[] = [];
  let index = 0;
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed) {
      const first = before[index] as Token;
      const last = before[index + count - 1] as Token;
      omissions.push({ start: first.start, end: last.end });
    }
    index += count;
  }
  const problem = checkOmissions(quote, omissions);
  if (problem !== null) {
    throw new AnnotateError('invalid-omission', `The quotation was not shortened: ${problem}.`);
  }
  return omissions;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}
