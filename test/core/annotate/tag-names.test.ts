import { describe, expect, it } from 'vitest';
import { AnnotateError } from '../../../core/annotate/errors.ts';
import type { Tag } from '../../../core/annotate/model.ts';
import {
  checkTagName,
  findTagByName,
  normalizeTagName,
  tagNameKey,
} from '../../../core/annotate/tag-names.ts';

const tags: Tag[] = [
  { id: 't1', name: 'Albania', color: 'green' },
  { id: 't2', name: 'Hoxha, Enver', color: 'blue' },
];

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AnnotateError ? error.code : 'not an AnnotateError';
  }
  return undefined;
}

describe('normalizeTagName', () => {
  it('trims and collapses every kind of whitespace to one space', () => {
    expect(normalizeTagName('  Cold\u00a0War \t\n history ')).toBe('Cold War history');
  });

  it('composes accented letters (NFC)', () => {
    expect(normalizeTagName('Kardos\u030cova\u0301')).toBe('Kardošová');
  });
});

describe('tagNameKey', () => {
  it('equates names that differ only in case, spacing or composition', () => {
    expect(tagNameKey(' ALBANIA ')).toBe(tagNameKey('albania'));
    expect(tagNameKey('Straße')).toBe(tagNameKey('STRASSE'));
    expect(tagNameKey('E\u0301MIGRÉS')).toBe(tagNameKey('émigrés'));
  });

  it('keeps names with different letters apart', () => {
    expect(tagNameKey('Kardošová')).not.toBe(tagNameKey('Kardosova'));
  });
});

describe('findTagByName', () => {
  it('finds a tag whatever the capitalisation', () => {
    expect(findTagByName(tags, 'hoxha,  enver')?.id).toBe('t2');
    expect(findTagByName(tags, 'Tirana')).toBeUndefined();
  });
});

describe('checkTagName', () => {
  it('returns the normalised name when it is free', () => {
    expect(checkTagName(tags, '  Tirana ')).toBe('Tirana');
  });

  it('lets a tag keep its own name in another capitalisation', () => {
    expect(checkTagName(tags, 'ALBANIA', 't1')).toBe('ALBANIA');
  });

  it('refuses a blank name and a name another tag has', () => {
    expect(codeOf(() => checkTagName(tags, ' \t '))).toBe('empty-tag-name');
    expect(codeOf(() => checkTagName(tags, 'albania'))).toBe('tag-name-taken');
    expect(() => checkTagName(tags, 'albania', 't2')).toThrow(
      'There is already a tag called “Albania”. Choose another name, or merge the two tags.',
    );
  });
});
