import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_RAW_BYTES, RAW_CHUNK_BYTES, readCorpus, readRawFile, readSourceText, writeCorpusEntry, writeRawFile, writeSourceText } from '../../../core/share/corpus-doc.ts';
import { ShareError } from '../../../core/share/errors.ts';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
}

describe('the group’s sources', () => {
  it('indexes sources by id with a hash of their text', () => {
    const doc = new Y.Doc();
    const entry = { id: 'edemskiy-2019', title: 'Edemskiy', hash: 'h1', by: 'anna', at: '2026-01-01T00:00:00Z' };
    expect(writeCorpusEntry(doc, entry)).toBe(true);
    expect(writeCorpusEntry(doc, { ...entry })).toBe(false);
    doc.getMap('sources').set('broken', { id: 'broken' });
    expect(readCorpus(doc)).toEqual([entry]);
  });

  it('settles a text written on two replicas one way, and records both in the history', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeSourceText(a, 'text A', 'ha', 'anna', '2026-01-01T00:00:00Z');
    writeSourceText(b, 'text B', 'hb', 'bob', '2026-01-01T00:00:01Z');
    sync(a, b);
    const shared = readSourceText(a);
    expect(shared?.text).toBe(readSourceText(b)?.text);
    expect(['text A', 'text B']).toContain(shared?.text);
    expect(shared?.hash).toBe(shared?.text === 'text A' ? 'ha' : 'hb');
    expect(shared?.history.map((entry) => entry.hash).sort()).toEqual(['ha', 'hb']);
    expect(writeSourceText(a, shared?.text ?? '', shared?.hash ?? '', 'anna', 'x')).toBe(false);
  });

  it('sends a raw file in chunks and puts it back together byte for byte', () => {
    const bytes = new Uint8Array(RAW_CHUNK_BYTES * 2 + 17).map((_, i) => (i * 31) % 256);
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeRawFile(a, { name: 'kapo.pdf', hash: 'hr', bytes });
    sync(a, b);
    const file = readRawFile(b);
    expect(file?.name).toBe('kapo.pdf');
    expect(file?.bytes).toEqual(bytes);
    expect(writeRawFile(b, { name: 'kapo.pdf', hash: 'hr', bytes })).toBe(false);
  });

  it('keeps a raw file larger than the limit on this computer, saying so', () => {
    const doc = new Y.Doc();
    const huge = new Uint8Array(MAX_RAW_BYTES + 1);
    expect(() => writeRawFile(doc, { name: 'scan.pdf', hash: 'h', bytes: huge })).toThrow(ShareError);
    expect(() => writeRawFile(doc, { name: 'scan.pdf', hash: 'h', bytes: huge })).toThrow(/larger than 64 MB/);
    expect(readRawFile(doc)).toBeUndefined();
  });
});
