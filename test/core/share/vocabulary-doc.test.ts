import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../core/annotate/model.ts';
import { DocReplica, syncAll } from './replicas.ts';

function group() {
  const members = ['alice', 'bob'];
  const alice = new DocReplica('alice', 'alice', members, 1);
  const bob = new DocReplica('bob', 'bob', members, 2);
  return { alice, bob, all: [alice, bob] };
}

const tag = (id: string, name: string, parent?: string): Tag => (parent ? { id, name, color: 'blue', parent } : { id, name, color: 'blue' });

describe('the group’s tag vocabulary', () => {
  it('settles a tag renamed on both sides the same way everywhere and records both renames', () => {
    const { alice, bob, all } = group();
    alice.apply({ type: 'tag.created', tag: tag('t1', 'Vlora') });
    syncAll(all);
    alice.apply({ type: 'tag.updated', tag: tag('t1', 'Vlora base') });
    bob.apply({ type: 'tag.updated', tag: tag('t1', 'Pashaliman') });
    syncAll(all);
    const [shared] = alice.view().vocabulary.tags;
    expect(['Vlora base', 'Pashaliman']).toContain(shared?.name);
    expect(bob.view().vocabulary.tags[0]?.name).toBe(shared?.name);
    const renames = shared?.history.filter((entry) => entry.action === 'renamed').map((entry) => [entry.by, entry.from, entry.to]);
    expect(renames).toEqual(expect.arrayContaining([['alice', 'Vlora', 'Vlora base'], ['bob', 'Vlora', 'Pashaliman']]));
  });

  it('resolves a merge into the target and records it; a merge chain ends at the last target', () => {
    const { alice, bob, all } = group();
    for (const [id, name] of [['a', 'Navy'], ['b', 'Fleet'], ['c', 'Submarines']] as const) alice.apply({ type: 'tag.created', tag: tag(id, name) });
    syncAll(all);
    alice.apply({ type: 'tag.merged', from: 'a', into: 'b' });
    bob.apply({ type: 'tag.merged', from: 'b', into: 'c' });
    syncAll(all);
    const vocabulary = alice.view().vocabulary;
    expect(vocabulary.tags.map((t) => t.id)).toEqual(['c']);
    expect(vocabulary.aliases).toEqual({ a: 'c', b: 'c' });
  });

  it('breaks a cycle of merges made concurrently at its smallest id', () => {
    const { alice, bob, all } = group();
    alice.apply({ type: 'tag.created', tag: tag('x', 'One') });
    alice.apply({ type: 'tag.created', tag: tag('y', 'Two') });
    syncAll(all);
    alice.apply({ type: 'tag.merged', from: 'x', into: 'y' });
    bob.apply({ type: 'tag.merged', from: 'y', into: 'x' });
    syncAll(all);
    expect(alice.view().vocabulary.tags.map((t) => t.id)).toEqual(['x']);
    expect(alice.view().vocabulary.aliases).toEqual({ y: 'x' });
  });

  it('counts two tags created with one name on two replicas as one, the older keeping its id', () => {
    const { alice, bob, all } = group();
    alice.apply({ type: 'tag.created', tag: tag('t-alice', 'Cold War') });
    bob.apply({ type: 'tag.created', tag: tag('t-bob', 'cold  war') });
    syncAll(all);
    const vocabulary = bob.view().vocabulary;
    expect(vocabulary.tags.map((t) => t.id)).toEqual(['t-alice']);
    expect(vocabulary.aliases).toEqual({ 't-bob': 't-alice' });
  });

  // Both made "Cold War" offline and each tagged a passage with it; after syncing, bob's tag
  // counts as alice's. Changing the one kept must take bob's along, not leave it behind under the
  // old name on bob's highlight.
  const namesakes = () => {
    const { alice, bob, all } = group();
    alice.apply({ type: 'tag.created', tag: tag('t-alice', 'Cold War') });
    alice.apply({ type: 'tag.created', tag: tag('t-other', 'Détente') });
    bob.apply({ type: 'tag.created', tag: tag('t-bob', 'Cold War') });
    bob.apply({
      type: 'annotation.created',
      annotation: {
        id: '33333333-3333-4333-8333-333333333333', sourceId: 'memorie-kapo', quote: { exact: 'split', prefix: '', suffix: '' },
        position: { start: 0, end: 5 }, color: 'yellow', tags: ['t-bob'], note: '', omissions: [], created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z', anchor: 'anchored',
      },
    });
    syncAll(all);
    expect(alice.view().annotations[0]?.tags).toEqual(['t-alice']);
    return { alice, bob, all };
  };

  it('keeps namesakes made on two replicas together when the one kept is deleted', () => {
    const { alice, bob, all } = namesakes();
    bob.apply({ type: 'tag.deleted', id: 't-alice' });
    syncAll(all);
    expect(alice.view().vocabulary.tags.map((t) => t.name)).toEqual(['Détente']);
    expect(alice.view().annotations[0]?.tags).toEqual([]);
    bob.apply({ type: 'tag.restored', tag: tag('t-alice', 'Cold War') });
    syncAll(all);
    expect(alice.view().annotations[0]?.tags).toEqual(['t-alice']);
  });

  it('keeps namesakes made on two replicas together when the one kept is merged into another tag', () => {
    const { alice, bob, all } = namesakes();
    bob.apply({ type: 'tag.merged', from: 't-alice', into: 't-other' });
    syncAll(all);
    expect(alice.view().vocabulary.tags.map((t) => t.name)).toEqual(['Détente']);
    expect(alice.view().annotations[0]?.tags).toEqual(['t-other']);
  });

  it('keeps namesakes made on two replicas together when the one kept is renamed', () => {
    const { alice, bob, all } = namesakes();
    alice.apply({ type: 'tag.updated', tag: tag('t-alice', 'Sino-Soviet split') });
    syncAll(all);
    expect(bob.view().vocabulary.tags.map((t) => t.name)).toEqual(['Détente', 'Sino-Soviet split']);
    expect(bob.view().annotations[0]?.tags).toEqual(['t-alice']);
  });

  it('hands the children of a deleted tag to its parent, and of a merged tag to the target', () => {
    const { alice, bob, all } = group();
    alice.apply({ type: 'tag.created', tag: tag('top', 'Albania') });
    alice.apply({ type: 'tag.created', tag: tag('mid', 'Vlora', 'top') });
    alice.apply({ type: 'tag.created', tag: tag('leaf', 'Base', 'mid') });
    alice.apply({ type: 'tag.created', tag: tag('other', 'Other') });
    alice.apply({ type: 'tag.created', tag: tag('kid', 'Kid', 'other') });
    syncAll(all);
    bob.apply({ type: 'tag.deleted', id: 'mid' });
    bob.apply({ type: 'tag.merged', from: 'other', into: 'top' });
    syncAll(all);
    const byId = new Map(alice.view().vocabulary.tags.map((t) => [t.id, t]));
    expect(byId.get('leaf')?.parent).toBe('top');
    expect(byId.get('kid')?.parent).toBe('top');
    expect(alice.view().vocabulary.aliases).toEqual({ mid: null, other: 'top' });
  });

  it('breaks a loop of parents made by concurrent moves', () => {
    const { alice, bob, all } = group();
    alice.apply({ type: 'tag.created', tag: tag('p', 'P') });
    alice.apply({ type: 'tag.created', tag: tag('q', 'Q') });
    syncAll(all);
    alice.apply({ type: 'tag.updated', tag: tag('p', 'P', 'q') });
    bob.apply({ type: 'tag.updated', tag: tag('q', 'Q', 'p') });
    syncAll(all);
    const byId = new Map(alice.view().vocabulary.tags.map((t) => [t.id, t]));
    expect(byId.get('p')?.parent).toBeUndefined();
    expect(byId.get('q')?.parent).toBe('p');
  });

  it('gives a deleted tag back to its annotations when it is restored', () => {
    const { alice, bob, all } = group();
    alice.apply({ type: 'tag.created', tag: tag('t', 'Treaty') });
    alice.apply({
      type: 'annotation.created',
      annotation: {
        id: '22222222-2222-4222-8222-222222222222', sourceId: 'memorie-kapo', quote: { exact: 'treaty', prefix: '', suffix: '' },
        position: { start: 0, end: 6 }, color: 'yellow', tags: ['t'], note: '', omissions: [], created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z', anchor: 'anchored',
      },
    });
    syncAll(all);
    bob.apply({ type: 'tag.deleted', id: 't' });
    syncAll(all);
    expect(alice.view().annotations[0]?.tags).toEqual([]);
    bob.apply({ type: 'tag.restored', tag: tag('t', 'Treaty') });
    syncAll(all);
    expect(alice.view().annotations[0]?.tags).toEqual(['t']);
  });
});
