import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName, parseDocName } from '../../../core/share/names.ts';
import { accessTo } from '../../../core/share/roles.ts';
import { readMembers, writeMembers } from '../../../core/share/members-doc.ts';
import { textEdit, setText } from '../../../core/share/text-edit.ts';

describe('shared document names', () => {
  it('round-trips every kind of document and refuses anything else', () => {
    for (const name of ['hist/members', 'hist/tags', 'hist/corpus', 'hist/source/edemskiy-2019', 'hist/raw/memorie-kapo', 'hist/annotations/anna.rossi']) {
      const address = parseDocName(name);
      expect(address).toBeDefined();
      if (address) expect(docName(address)).toBe(name);
    }
    for (const name of ['', 'hist', 'Hist/tags', 'hist/tags/x', 'hist/source/../x', 'hist/annotations/Bob', 'hist/other', '../hist/tags', 'hist/source/']) {
      expect(parseDocName(name)).toBeUndefined();
    }
  });
});

describe('who may write what', () => {
  const group = 'hist';
  it('lets editors and owners write the shared documents and their own annotations only', () => {
    for (const role of ['owner', 'editor'] as const) {
      expect(accessTo({ group, kind: 'tags' }, 'anna', role)).toBe('write');
      expect(accessTo({ group, kind: 'source', key: 'x' }, 'anna', role)).toBe('write');
      expect(accessTo({ group, kind: 'annotations', key: 'anna' }, 'anna', role)).toBe('write');
      expect(accessTo({ group, kind: 'annotations', key: 'bob' }, 'anna', role)).toBe('read');
      expect(accessTo({ group, kind: 'members' }, 'anna', role)).toBe('read');
    }
  });

  it('lets readers read everything and write nothing', () => {
    for (const address of [{ group, kind: 'tags' }, { group, kind: 'corpus' }, { group, kind: 'annotations', key: 'anna' }] as const) {
      expect(accessTo(address, 'anna', 'reader')).toBe('read');
    }
  });
});

describe('the member list', () => {
  it('lists exactly the members written, and skips malformed entries', () => {
    const doc = new Y.Doc();
    expect(writeMembers(doc, [{ name: 'anna', role: 'owner' }, { name: 'bob', role: 'reader' }])).toBe(true);
    expect(writeMembers(doc, [{ name: 'anna', role: 'owner' }, { name: 'bob', role: 'reader' }])).toBe(false);
    doc.getMap('members').set('Not A Name', 'owner');
    doc.getMap('members').set('carl', 'emperor');
    expect(readMembers(doc)).toEqual([{ name: 'anna', role: 'owner' }, { name: 'bob', role: 'reader' }]);
    writeMembers(doc, [{ name: 'bob', role: 'editor' }]);
    expect(readMembers(doc)).toEqual([{ name: 'bob', role: 'editor' }]);
  });
});

describe('note edits', () => {
  it('finds the one changed range, never splitting a surrogate pair', () => {
    expect(textEdit('abc', 'abc')).toBeNull();
    expect(textEdit('the base', 'the Vlora base')).toEqual({ start: 4, end: 4, insert: 'Vlora ' });
    expect(textEdit('x😀y', 'x😃y')).toEqual({ start: 1, end: 3, insert: '😃' });
  });

  it('keeps both of two concurrent edits made in different places', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setText(a.getText('note'), 'Soviet submarines at Vlora.');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setText(a.getText('note'), 'Four Soviet submarines at Vlora.');
    setText(b.getText('note'), 'Soviet submarines at Vlora (1960).');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText('note').toString()).toBe('Four Soviet submarines at Vlora (1960).');
    expect(b.getText('note').toString()).toBe(a.getText('note').toString());
  });
});
