import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CleanerRegistry } from '../../../core/clean/build-source.ts';
import type { CleanedBody } from '../../../core/clean/cleaned-body.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { buildCorpus, formatOutcome } from '../../../corpus/build.ts';

function fakeCleaner(raw: string): CleanedBody {
  const chunks = raw.trim().split('\n\n');
  return {
    blocks: chunks.map((text) => ({
      type: 'paragraph',
      id: '',
      content: [{ type: 'text', text }],
    })),
    notes: [],
  };
}
const cleaners: CleanerRegistry = {
  wikitext: fakeCleaner,
  paraphrase: undefined,
  'pdf-text': undefined,
  'web-page': undefined,
  markdown: undefined,
  plain: undefined,
  html: undefined,
  pdf: undefined,
};

function recipe(id: string, raw: string, form = 'wikitext', corrections = ''): string {
  const metadata = `{ id: ${id}, type: book, title: ${id}, reliability: tertiary }`;
  return `raw: ${raw}\nform: ${form}\nmetadata: ${metadata}\n${corrections}`;
}
/** A `corrections:` list of one correction, in YAML. */
function correction(original: string, replacement: string, reason: string): string {
  const item = `{ original: "${original}", replacement: "${replacement}", reason: ${reason} }`;
  return `corrections:\n  - ${item}\n`;
}

describe('buildCorpus', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'apparatus-corpus-'));
    mkdirSync(join(dir, 'raw'));
    mkdirSync(join(dir, 'recipes'));
    writeFileSync(join(dir, 'raw', 'a.txt'), 'First paragraph.\n\nSecond ? paragraph.\n');
    writeFileSync(
      join(dir, 'recipes', 'alpha.yml'),
      recipe('alpha', 'a.txt', 'wikitext', correction(' ? ', ' – ', 'lost dash')),
    );
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes <id>.md for each recipe, as a cleaned file with the cleaning log', () => {
    expect(buildCorpus(dir, cleaners)).toEqual([
      { id: 'alpha', status: 'written', message: 'alpha.md (2 blocks, 0 notes)' },
    ]);
    const source = parseSource(readFileSync(join(dir, 'alpha.md'), 'utf8'));
    expect(source.blocks.map((b) => b.content)).toEqual([
      [{ type: 'text', text: 'First paragraph.' }],
      [{ type: 'text', text: 'Second – paragraph.' }],
    ]);
    expect(source.meta.cleaning).toEqual([
      { original: ' ? ', replacement: ' – ', reason: 'lost dash' },
    ]);
  });

  it('leaves a file that has not changed untouched, so a rebuild writes nothing', () => {
    buildCorpus(dir, cleaners);
    const before = statSync(join(dir, 'alpha.md')).mtimeMs;
    const text = readFileSync(join(dir, 'alpha.md'), 'utf8');
    expect(buildCorpus(dir, cleaners)).toEqual([
      { id: 'alpha', status: 'unchanged', message: '2 blocks, 0 notes' },
    ]);
    expect(readFileSync(join(dir, 'alpha.md'), 'utf8')).toBe(text);
    expect(statSync(join(dir, 'alpha.md')).mtimeMs).toBe(before);
  });

  it('skips a source whose form has no cleaner yet, and still builds the others', () => {
    writeFileSync(join(dir, 'recipes', 'beta.yml'), recipe('beta', 'a.txt', 'web-page'));
    expect(buildCorpus(dir, cleaners).map((o) => [o.id, o.status, o.message])).toEqual([
      ['alpha', 'written', 'alpha.md (2 blocks, 0 notes)'],
      ['beta', 'skipped', 'there is no cleaner for the form "web-page" yet'],
    ]);
    expect(existsSync(join(dir, 'beta.md'))).toBe(false);
  });

  it('fails a source with a bad recipe, a missing raw file, a wrong id or a bad correction', () => {
    writeFileSync(join(dir, 'recipes', 'b-bad.yml'), 'raw: a.txt\nform: telegram\n');
    writeFileSync(join(dir, 'recipes', 'c-missing.yml'), recipe('c-missing', 'nowhere.txt'));
    writeFileSync(join(dir, 'recipes', 'd-wrong.yml'), recipe('other-id', 'a.txt'));
    writeFileSync(
      join(dir, 'recipes', 'e-correction.yml'),
      recipe('e-correction', 'a.txt', 'wikitext', correction('Ko¢i', 'Koçi', 'OCR')),
    );
    const outcomes = buildCorpus(dir, cleaners);
    expect(outcomes.map((o) => [o.id, o.status])).toEqual([
      ['alpha', 'written'],
      ['b-bad', 'failed'],
      ['c-missing', 'failed'],
      ['d-wrong', 'failed'],
      ['e-correction', 'failed'],
    ]);
    expect(outcomes[1]?.message).toMatch(/`form`: must be one of/);
    expect(outcomes[2]?.message).toBe('the raw file raw/nowhere.txt does not exist');
    expect(outcomes[3]?.message).toMatch(/metadata id is "other-id"/);
    expect(outcomes[4]?.message).toMatch(/^Correction 1 \("Ko¢i" → "Koçi": OCR\) expects/);
  });

  it('prints one line per source', () => {
    const lines = buildCorpus(dir, cleaners).map(formatOutcome);
    expect(lines).toEqual(['written    alpha  alpha.md (2 blocks, 0 notes)']);
  });
});
