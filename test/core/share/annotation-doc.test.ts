import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/annotate/model.ts';
import { ShareError } from '../../../core/share/errors.ts';
import type { LocalChange } from '../../../core/share/model.ts';
import { toAnnotation } from '../../support/share-actions.ts';
import { DocReplica, syncAll } from './replicas.ts';

const ID = '11111111-1111-4111-8111-111111111111';

function highlight(patch: Partial<Annotation> = {}): Annotation {
  return {
    id: ID,
    sourceId: 'edemskiy-2019',
    quote: { exact: 'the Vlora base', prefix: 'about ', suffix: ' in' },
    position: { start: 10, end: 24 },
    color: 'yellow',
    tags: [],
    note: 'Soviet submarines at Vlora.',
    omissions: [],
    created: '2026-01-01T10:00:00.000Z',
    modified: '2026-01-01T10:00:00.000Z',
    anchor: 'anchored',
    ...patch,
  };
}

function group() {
  const members = ['alice', 'bob'];
  const laptop = new DocReplica('laptop', 'alice', members, 1);
  const desktop = new DocReplica('desktop', 'alice', members, 2);
  const bob = new DocReplica('bob', 'bob', members, 3);
  const reader = new DocReplica('carol', 'carol', [...members, 'carol'], 4, 'reader');
  return { laptop, desktop, bob, reader, all: [laptop, desktop, bob] };
}

function shared(replica: DocReplica) {
  const annotation = replica.view().annotations.find((a) => a.id === ID);
  if (!annotation) throw new Error('the annotation is missing');
  return annotation;
}

function update(replica: DocReplica, patch: Partial<Annotation>, type: LocalChange['type'] = 'annotation.updated') {
  return replica.apply({ type, annotation: { ...toAnnotation(shared(replica)), ...patch } } as LocalChange);
}

describe('one annotation edited on two replicas of its author', () => {
  it('keeps both notes’ edits when they were made offline at the same time', () => {
    const { laptop, desktop, all } = group();
    laptop.apply({ type: 'annotation.created', annotation: highlight() });
    syncAll(all);
    update(laptop, { note: 'Soviet submarines at Vlora, 1960.' });
    update(desktop, { note: 'Four Soviet submarines at Vlora.' });
    syncAll(all);
    expect(shared(laptop).note).toBe('Four Soviet submarines at Vlora, 1960.');
    expect(shared(desktop).note).toBe(shared(laptop).note);
  });

  it('settles a colour changed on both sides the same way everywhere, and keeps the losing colour in the history', () => {
    const { laptop, desktop, bob, all } = group();
    laptop.apply({ type: 'annotation.created', annotation: highlight() });
    syncAll(all);
    update(laptop, { color: 'green' });
    update(desktop, { color: 'pink' });
    syncAll(all);
    const winner = shared(laptop).color;
    expect(['green', 'pink']).toContain(winner);
    expect(shared(desktop).color).toBe(winner);
    expect(shared(bob).color).toBe(winner);
    const colours = shared(bob).history.filter((entry) => entry.action === 'color').map((entry) => entry.value);
    expect(colours.sort()).toEqual(['green', 'pink']);
  });

  it('resurfaces an annotation for review when it was deleted on one side while edited on the other', () => {
    const { laptop, desktop, all } = group();
    laptop.apply({ type: 'annotation.created', annotation: highlight() });
    syncAll(all);
    laptop.apply({ type: 'annotation.deleted', id: ID });
    update(desktop, { note: 'Soviet submarines at Vlora: see the 1961 note.' });
    syncAll(all);
    expect(shared(laptop).status).toBe('review');
    expect(shared(laptop).note).toBe('Soviet submarines at Vlora: see the 1961 note.');
    // Deleting it again, having now seen the edit, confirms the deletion.
    desktop.apply({ type: 'annotation.deleted', id: ID });
    syncAll(all);
    expect(shared(laptop).status).toBe('deleted');
  });

  it('deletes without review when nothing was edited concurrently, and restores', () => {
    const { laptop, desktop, all } = group();
    laptop.apply({ type: 'annotation.created', annotation: highlight() });
    syncAll(all);
    laptop.apply({ type: 'annotation.deleted', id: ID });
    syncAll(all);
    expect(shared(desktop).status).toBe('deleted');
    desktop.apply({ type: 'annotation.restored', annotation: toAnnotation(shared(desktop)) });
    syncAll(all);
    expect(shared(laptop).status).toBe('live');
    expect(shared(laptop).history.map((entry) => entry.action)).toEqual(['created', 'deleted', 'restored']);
  });

  it('keeps a tag added on one side when the other side removed it concurrently (add wins)', () => {
    const { laptop, desktop, all } = group();
    laptop.apply({ type: 'tag.created', tag: { id: 'tag-vlora', name: 'Vlora', color: 'blue' } });
    laptop.apply({ type: 'annotation.created', annotation: highlight({ tags: ['tag-vlora'] }) });
    syncAll(all);
    update(laptop, { tags: [] });
    update(desktop, { tags: [] });
    update(desktop, { tags: ['tag-vlora'] });
    syncAll(all);
    expect(shared(laptop).tags).toEqual(['tag-vlora']);
  });

  it('moves the anchor only on a re-attachment, never on an ordinary edit', () => {
    const { laptop, desktop, all } = group();
    laptop.apply({ type: 'annotation.created', annotation: highlight() });
    syncAll(all);
    update(desktop, { position: { start: 99, end: 113 }, note: 'moved by re-anchoring only' });
    syncAll(all);
    expect(shared(laptop).position).toEqual({ start: 10, end: 24 });
    update(desktop, { quote: { exact: 'Sazan island', prefix: '', suffix: '' }, position: { start: 400, end: 412 } }, 'annotation.reattached');
    syncAll(all);
    expect(shared(laptop).quote.exact).toBe('Sazan island');
    expect(shared(laptop).history.at(-1)?.action).toBe('selectors');
  });

  it('writes nothing when the change says what the documents already say', () => {
    const { laptop } = group();
    laptop.apply({ type: 'annotation.created', annotation: highlight() });
    expect(update(laptop, {})).toBe(false);
    expect(laptop.apply({ type: 'annotation.created', annotation: toAnnotation(shared(laptop)) })).toBe(false);
  });
});

describe('the group’s rules on other members’ annotations', () => {
  it('lets a member add their own tag to another’s annotation, and only that member remove it', () => {
    const { laptop, bob, all } = group();
    laptop.apply({ type: 'tag.created', tag: { id: 'tag-navy', name: 'Navy', color: 'blue' } });
    laptop.apply({ type: 'annotation.created', annotation: highlight() });
    syncAll(all);
    update(bob, { tags: ['tag-navy'] });
    syncAll(all);
    expect(shared(laptop).tags).toEqual(['tag-navy']);
    expect(shared(laptop).taggedBy).toEqual({ 'tag-navy': 'bob' });
    expect(() => update(laptop, { tags: [] })).toThrow(/Only bob, who added that tag/);
    update(bob, { tags: [] });
    syncAll(all);
    expect(shared(laptop).tags).toEqual([]);
  });

  it('keeps a member’s own tag on another’s annotation when the author also gave it that tag and then removed it', () => {
    const { laptop, desktop, bob, all } = group();
    laptop.apply({ type: 'tag.created', tag: { id: 'tag-a', name: 'Treaty', color: 'blue' } });
    laptop.apply({ type: 'tag.created', tag: { id: 'tag-b', name: 'Base', color: 'green' } });
    laptop.apply({ type: 'annotation.created', annotation: highlight({ tags: ['tag-a'] }) });
    syncAll(all);
    update(bob, { tags: ['tag-a', 'tag-b'] });
    // Bob merges the author's tag into his own, then tags the annotation again.
    bob.apply({ type: 'tag.merged', from: 'tag-a', into: 'tag-b' });
    update(bob, { tags: ['tag-b'] });
    // Meanwhile, offline, the author removes her tag.
    update(desktop, { tags: [] });
    syncAll(all);
    expect(shared(laptop).tags).toEqual(['tag-b']);
    expect(shared(laptop).taggedBy).toEqual({ 'tag-b': 'bob' });
  });

  it('refuses another member’s edit of the note, colour, cuts, place or existence of an annotation', () => {
    const { laptop, bob, all } = group();
    laptop.apply({ type: 'annotation.created', annotation: highlight() });
    syncAll(all);
    const refusals = [
      () => update(bob, { note: 'not mine' }),
      () => update(bob, { color: 'pink' }),
      () => update(bob, { omissions: [{ start: 0, end: 4 }] }),
      () => update(bob, { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 1, end: 2 } }, 'annotation.reattached'),
      () => bob.apply({ type: 'annotation.deleted', id: ID }),
    ];
    for (const refuse of refusals) {
      expect(refuse).toThrow(ShareError);
      expect(refuse).toThrow(/Only alice, who made this highlight/);
    }
    syncAll(all);
    expect(shared(laptop).note).toBe('Soviet submarines at Vlora.');
    expect(shared(laptop).status).toBe('live');
  });

  it('refuses every change from a reader, naming the role', () => {
    const { reader } = group();
    expect(() => reader.apply({ type: 'annotation.created', annotation: highlight() })).toThrow(/You are a reader in this group/);
    expect(() => reader.apply({ type: 'tag.created', tag: { id: 't', name: 'T', color: 'blue' } })).toThrow(ShareError);
  });

  it('takes the author from the document an annotation lives in, never from its content', () => {
    const { bob, laptop, all } = group();
    bob.apply({ type: 'annotation.created', annotation: highlight() });
    syncAll(all);
    expect(shared(laptop).author).toBe('bob');
  });
});
