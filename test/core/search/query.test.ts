import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CLAUSES, MAX_QUERY_LENGTH, parseQuery } from '../../../core/search/query.ts';

describe('parseQuery', () => {
  it('reads plain words as required words', () => {
    expect(parseQuery('Hoxha  Tito')).toEqual({
      clauses: [
        { kind: 'word', text: 'Hoxha', match: 'word', distance: 0, exclude: false },
        { kind: 'word', text: 'Tito', match: 'word', distance: 0, exclude: false },
      ],
      messages: [],
    });
  });

  it('reads a quoted phrase, curly quotes included', () => {
    expect(parseQuery('“Party of Labour” Tirana').clauses).toEqual([
      { kind: 'phrase', text: 'Party of Labour', exclude: false },
      { kind: 'word', text: 'Tirana', match: 'word', distance: 0, exclude: false },
    ]);
  });

  it('reads prefix, fuzzy and excluded words', () => {
    expect(parseQuery('Rankovi* Hrushov~ Hrushov~2 -Tito –Stalin').clauses).toEqual([
      { kind: 'word', text: 'Rankovi', match: 'prefix', distance: 0, exclude: false },
      { kind: 'word', text: 'Hrushov', match: 'fuzzy', distance: 1, exclude: false },
      { kind: 'word', text: 'Hrushov', match: 'fuzzy', distance: 2, exclude: false },
      { kind: 'word', text: 'Tito', match: 'word', distance: 0, exclude: true },
      { kind: 'word', text: 'Stalin', match: 'word', distance: 0, exclude: true },
    ]);
  });

  it('reads an excluded phrase', () => {
    expect(parseQuery('-"Secret Speech"').clauses).toEqual([
      { kind: 'phrase', text: 'Secret Speech', exclude: true },
    ]);
  });

  it('reads NOT in capitals as a minus, and drops AND and OR in capitals, saying what was done', () => {
    const word = (text: string, exclude = false) => ({ kind: 'word', text, match: 'word', distance: 0, exclude });
    expect(parseQuery('Hoxha NOT Tito')).toEqual({ clauses: [word('Hoxha'), word('Tito', true)], messages: ['"NOT Tito" was searched as -Tito: passages with it are left out.'] });
    expect(parseQuery('Hoxha NOT "Secret Speech"').clauses).toEqual([word('Hoxha'), { kind: 'phrase', text: 'Secret Speech', exclude: true }]);
    const either = parseQuery('Hoxha OR Tito');
    expect(either.clauses).toEqual([word('Hoxha'), word('Tito')]);
    expect(either.messages).toEqual([
      '"OR" was ignored: every word of a search is required, so passages with all the words were found. To find passages with either word, search for each on its own.',
    ]);
    expect(parseQuery('Hoxha AND Tito').messages).toEqual(['"AND" was ignored: every word of a search is required already.']);
    // In lower case they are words: historians search for "not guilty".
    expect(parseQuery('not guilty').clauses).toEqual([word('not'), word('guilty')]);
    expect(parseQuery('Hoxha NOT').messages).toEqual(['A "NOT" with nothing after it was ignored: to leave out a word, write NOT or a minus before it, as in NOT Tito or -Tito.']);
  });

  it('reads source:, author:, tag: and in: with plain and quoted values', () => {
    const query = 'source:balcanica author:"Jovanka Kalić" tag:famine tag:"Soviet aid" in:notes';
    expect(parseQuery(query).clauses).toEqual([
      { kind: 'source', value: 'balcanica', prefix: false, exclude: false },
      { kind: 'author', value: 'Jovanka Kalić', prefix: false, exclude: false },
      { kind: 'word', text: 'famine', match: 'word', distance: 0, exclude: false, field: 'tags' },
      { kind: 'phrase', text: 'Soviet aid', exclude: false, field: 'tags' },
      { kind: 'scope', scope: 'notes', exclude: false },
    ]);
  });

  it('reads excluded filters, prefixed filter values and keys in any case', () => {
    expect(parseQuery('-SOURCE:split Author:Kal* -in:footnotes tag:sov*').clauses).toEqual([
      { kind: 'source', value: 'split', prefix: false, exclude: true },
      { kind: 'author', value: 'Kal', prefix: true, exclude: false },
      { kind: 'scope', scope: 'footnotes', exclude: true },
      { kind: 'word', text: 'sov', match: 'prefix', distance: 0, exclude: false, field: 'tags' },
    ]);
  });

  it('treats an unknown key as an ordinary word', () => {
    expect(parseQuery('Note:important 12:30').clauses).toEqual([
      { kind: 'word', text: 'Note:important', match: 'word', distance: 0, exclude: false },
      { kind: 'word', text: '12:30', match: 'word', distance: 0, exclude: false },
    ]);
  });
});

describe('parseQuery on malformed input', () => {
  it('searches an unbalanced quote as a phrase to the end, and says so', () => {
    const parsed = parseQuery('Hoxha "Party of Labour');
    expect(parsed.clauses[1]).toEqual({ kind: 'phrase', text: 'Party of Labour', exclude: false });
    expect(parsed.messages).toEqual([
      'The closing quotation mark was missing, so "Party of Labour" was searched as a phrase.',
    ]);
  });

  it('ignores a lone minus with an explanation', () => {
    const parsed = parseQuery('Hoxha - Tito');
    expect(parsed.clauses.map((c) => c.kind === 'word' && c.text)).toEqual(['Hoxha', 'Tito']);
    expect(parsed.messages[0]).toMatch(/A "-" on its own was ignored/);
  });

  it('ignores a ~ without a word with an explanation', () => {
    for (const input of ['~', '~1', 'Hoxha ~2']) {
      const parsed = parseQuery(input);
      expect(parsed.clauses.every((c) => c.kind === 'word' && c.text === 'Hoxha')).toBe(true);
      expect(parsed.messages[0]).toMatch(/A "~" on its own was ignored/);
    }
  });

  it('ignores a lone * and repairs a * inside a word', () => {
    expect(parseQuery('*').messages[0]).toMatch(/A "\*" on its own was ignored/);
    const inside = parseQuery('Ko*i');
    expect(inside.clauses).toEqual([
      { kind: 'word', text: 'Koi', match: 'word', distance: 0, exclude: false },
    ]);
    expect(inside.messages[0]).toMatch(/only works at the end of a word/);
  });

  it('caps the typo allowance at two', () => {
    const parsed = parseQuery('Hrushov~5');
    expect(parsed.clauses[0]).toMatchObject({ match: 'fuzzy', distance: 2 });
    expect(parsed.messages[0]).toMatch(/at most 2 typing errors/);
  });

  it('shortens a 10,000-character query and says so', () => {
    const parsed = parseQuery('Hoxha '.repeat(2000));
    expect(parsed.clauses).toHaveLength(MAX_CLAUSES);
    expect(parsed.messages).toContain(
      'The search was too long, so only its first 1,000 characters were used.',
    );
    expect(parsed.messages).toContain(
      `Only the first ${MAX_CLAUSES} words, phrases and filters were used.`,
    );
  });

  it('never reads past the length limit, even inside one long word', () => {
    const parsed = parseQuery('x'.repeat(10_000));
    expect(parsed.clauses).toHaveLength(1);
    expect((parsed.clauses[0] as { text: string }).text).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('explains empty or unknown filter values and drops them', () => {
    const parsed = parseQuery('tag: in:everywhere source: in: Hoxha');
    expect(parsed.clauses).toEqual([
      { kind: 'word', text: 'Hoxha', match: 'word', distance: 0, exclude: false },
    ]);
    expect(parsed.messages).toEqual([
      '"tag:" needs a tag name after it, as in tag:collectivisation.',
      '"in:everywhere" was ignored: you can search in:text, in:footnotes, in:headings, ' +
        'in:annotations, in:notes, in:quotes, in:tags.',
      '"source:" needs a value after it, as in source:Balcanica.',
      '"in:" needs a place after it: in:text, in:footnotes, in:headings, in:annotations, ' +
        'in:notes, in:quotes, in:tags.',
    ]);
  });

  it('ignores empty quotation marks', () => {
    expect(parseQuery('"" Hoxha')).toEqual({
      clauses: [{ kind: 'word', text: 'Hoxha', match: 'word', distance: 0, exclude: false }],
      messages: ['An empty pair of quotation marks was ignored.'],
    });
  });

  it('does not take inherited property names for keys or places', () => {
    const parsed = parseQuery('in:constructor constructor:x in:__proto__ toString:y');
    expect(parsed.clauses).toEqual([
      { kind: 'word', text: 'constructor:x', match: 'word', distance: 0, exclude: false },
      { kind: 'word', text: 'toString:y', match: 'word', distance: 0, exclude: false },
    ]);
    expect(parsed.messages).toHaveLength(2);
  });

  it('never throws, whatever is typed', () => {
    const syntax = fc.constantFrom('"', '-', '+', '*', '~', '~2', ':', 'tag:', 'in:', ' ', '“');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), syntax), { maxLength: 40 }), (parts) => {
        const parsed = parseQuery(parts.join(''));
        expect(Array.isArray(parsed.clauses)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
