import { describe, expect, it } from 'vitest';
import { citeOptionsFor } from '../../../core/export/cite-style.ts';
import { parseFormat } from '../../../core/export/formats.ts';
import { parseOrder } from '../../../core/export/order.ts';
import { parseScope } from '../../../core/export/scope.ts';

describe('parseScope', () => {
  it('reads all, source:ID and tag:NAME', () => {
    expect(parseScope('all')).toEqual({ kind: 'all' });
    expect(parseScope('source:edemskiy-2019')).toEqual({ kind: 'source', sourceId: 'edemskiy-2019' });
    expect(parseScope('tag:Cold War')).toEqual({ kind: 'tag', tag: 'Cold War' });
  });

  it('refuses anything else, naming the scopes there are', () => {
    expect(() => parseScope('tag:')).toThrow('use all, source:ID (one source) or tag:NAME');
  });
});

describe('export options', () => {
  it('accepts the known formats, orders and styles and refuses others', () => {
    expect(parseFormat('bibtex')).toBe('bibtex');
    expect(() => parseFormat('pdf')).toThrow('“pdf” is not an export format');
    expect(parseOrder('tag')).toBe('tag');
    expect(() => parseOrder('date')).toThrow('use reading, tag or source');
    expect(citeOptionsFor('cmos17-ibid')).toEqual({ edition: 17, ibid: true });
    expect(() => citeOptionsFor('apa')).toThrow('“apa” is not a citation style');
  });
});
