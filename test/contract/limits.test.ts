import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { contract } from '../../core/api.ts';
import { MAX_NOTE_LENGTH, MAX_TAG_NAME_LENGTH, MAX_TAGS_PER_ANNOTATION } from '../../core/annotate/limits.ts';
import { parseAnnotation, parseTag } from '../../core/annotate/schema.ts';
import { highlight, nthId, storePerTest } from '../support/store-temp.ts';

// One vocabulary: the page's contract, the project store and the model's validator draw the line
// for a note, a tag name and a tag list at the same place.
describe('annotation limits', () => {
  const temp = storePerTest();

  const contractTakes = (input: unknown) => v.safeParse(contract['annotations.update'].input, input).success;
  const tagNameTaken = (name: string) => v.safeParse(contract['tags.rename'].input, { id: nthId(1), name }).success;

  it('accept a note of exactly the limit everywhere, and refuse one character more everywhere', () => {
    const store = temp.store();
    const saved = store.create(highlight());
    const longest = 'n'.repeat(MAX_NOTE_LENGTH);
    const tooLong = `${longest}n`;
    expect(contractTakes({ id: saved.id, note: longest })).toBe(true);
    expect(contractTakes({ id: saved.id, note: tooLong })).toBe(false);
    expect(store.update(saved.id, { note: longest }).note).toHaveLength(MAX_NOTE_LENGTH);
    expect(() => store.update(saved.id, { note: tooLong })).toThrow(/note is longer than 200,000 characters/);
    expect(parseAnnotation({ ...saved, note: longest }).ok).toBe(true);
    expect(parseAnnotation({ ...saved, note: tooLong }).ok).toBe(false);
  });

  it('draw the same line for a tag name and for the number of tags on a highlight', () => {
    const store = temp.store();
    const longest = 't'.repeat(MAX_TAG_NAME_LENGTH);
    expect(tagNameTaken(longest)).toBe(true);
    expect(tagNameTaken(`${longest}t`)).toBe(false);
    expect(store.createTag(longest).name).toHaveLength(MAX_TAG_NAME_LENGTH);
    expect(() => store.createTag(`${longest}t`)).toThrow(/at most 200 characters/);
    expect(parseTag({ id: nthId(9), name: `${longest}t`, color: 'blue' }).ok).toBe(false);
    const many = Array.from({ length: MAX_TAGS_PER_ANNOTATION + 1 }, (_, n) => nthId(1000 + n));
    expect(contractTakes({ id: nthId(1), tags: many })).toBe(false);
    expect(contractTakes({ id: nthId(1), tags: many.slice(1) })).toBe(true);
    expect(() => store.update(store.create(highlight()).id, { tags: many })).toThrow(/at most 500 tags/);
  });
});
