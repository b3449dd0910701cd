import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { readingText } from '../../../core/corpus/reading-text.ts';
import { apparatus } from '../../support/cli-process.ts';
import { fingerprint, makeTempCorpus, type TempCorpus } from '../import/temp-corpus.ts';

/** The words of a text: runs of letters and digits. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

// `apparatus import` as the findings were made: real files, a separate process, its worker thread.
describe('apparatus import never drops text (real files, real processes)', () => {
  let temp: TempCorpus;
  beforeEach(() => {
    temp = makeTempCorpus();
  });
  afterEach(() => temp.remove());
  const run = (...args: string[]) => apparatus([...args, '--corpus', 'corpus'], temp.root);
  const imported = (id: string) => parseSource(readFileSync(join(temp.corpus, `${id}.md`), 'utf8'));
  const importedWords = (id: string) => words(readingText(imported(id)).text);

  it('keeps every item of a 3,000-level Markdown list, flattened below the parser’s depth, and says so', () => {
    const items = Array.from({ length: 3000 }, (_, i) => `item${i} word${i}`);
    const file = temp.input('deep-list.md', `# Deep list\n\n${items.map((item, i) => `${' '.repeat(2 * i)}- ${item}`).join('\n')}\n`);
    const result = run('import', file);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Note: Quotations or lists nested more than \d+ levels deep in the file were flattened: every word of them is kept, in order/);
    expect(importedWords('deep-list')).toEqual(['Deep', 'list', ...items.flatMap(words)]);
    expect(imported('deep-list').meta.caveats?.[0]).toMatch(/were flattened/);
  }, 120_000);

  it('keeps the text of a 100-deep Markdown quotation', () => {
    const file = temp.input('deep-quote.md', `# Deep quote\n\n${'>'.repeat(100)} The innermost words of the letter survive.\n\n${'> '.repeat(3)}Shallow words too.\n`);
    const result = run('import', file);
    expect(result.status).toBe(0);
    expect(importedWords('deep-quote')).toEqual(words('Deep quote The innermost words of the letter survive. Shallow words too.'));
  }, 60_000);

  it('keeps every word of HTML nested 1,000 and 10,000 levels deep, without overflowing the stack', () => {
    for (const depth of [1000, 10_000]) {
      const levels = Array.from({ length: depth }, (_, i) => `level${i}`);
      const html = `<html><body>${levels.map((word) => `<div>${word} `).join('')}<p>The bottom.</p>${'</div>'.repeat(depth)}</body></html>`;
      const result = run('import', temp.input(`deep-${depth}.html`, html), '--title', `Deep ${depth}`, '--id', `deep-${depth}`);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/Note: The page is nested more than 100 levels deep/);
      expect(importedWords(`deep-${depth}`)).toEqual([...levels, 'The', 'bottom']);
    }
    // The page of the finding: a paragraph at the bottom of 1,000 empty div elements.
    const finding = `<html><body>${'<div>'.repeat(1000)}<p>Deep text kept.</p>${'</div>'.repeat(1000)}</body></html>`;
    expect(run('import', temp.input('finding.html', finding), '--title', 'Finding').status).toBe(0);
    expect(importedWords('finding')).toEqual(['Deep', 'text', 'kept']);
  }, 120_000);

  it('keeps every word of a short page that leaves out its <html> or <body> tag, as HTML allows', () => {
    const pages: [string, string][] = [
      ['fragment', '<h2>The minutes</h2><p>The delegation left Moscow early.</p><p>Tirana refused to sign.</p>'],
      ['no-tags', '<!doctype html><title>The minutes</title><p>The delegation left Moscow early.</p><p>Tirana refused to sign.</p>'],
      ['head-and-body', '<head><title>The minutes</title></head><body><p>The delegation left Moscow early.</p><p>Tirana refused to sign.</p></body>'],
      ['html-only', '<html><head><title>The minutes</title></head><p>The delegation left Moscow early.</p><p>Tirana refused to sign.</p></html>'],
    ];
    for (const [id, html] of pages) {
      const result = run('import', temp.input(`${id}.html`, html), '--title', 'The minutes', '--id', id);
      expect(result.stderr, id).toBe('');
      expect(result.status, id).toBe(0);
      expect(importedWords(id), id).toEqual(expect.arrayContaining(words('The delegation left Moscow early. Tirana refused to sign.')));
    }
    const text = run('import', temp.input('words.html', 'Only words, and not one tag.'), '--title', 'Words', '--id', 'words');
    expect(text.status).toBe(0);
    expect(importedWords('words')).toEqual(['Only', 'words', 'and', 'not', 'one', 'tag']);
  }, 120_000);

  it('refuses malformed front matter, naming its line, rather than importing it as a heading', () => {
    const file = temp.input('notes.md', '---\ntitle: Notes\nauthor: [Hoxha, Enver\ndate: 1961\n---\n\nThe body.\n');
    const before = fingerprint(temp.corpus);
    const result = run('import', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^apparatus import: “notes\.md” cannot be imported: its front matter \(the block between the --- lines at the top\) is not valid YAML on line \d+: /);
    expect(fingerprint(temp.corpus)).toEqual(before);
  }, 60_000);

  it('turns what the YAML reader passes over into a note, never a raw warning on stderr', () => {
    const file = temp.input('tagged.md', '---\ntitle: !custom A Tagged Title\n---\n\nThe body of the notes.\n');
    const result = run('import', file);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Note: The front matter has a problem on line 2, passed over: Unresolved tag: !custom.');
  }, 60_000);
});

describe('apparatus import reads other encodings once confirmed (real files, real processes)', () => {
  let temp: TempCorpus;
  beforeEach(() => {
    temp = makeTempCorpus();
  });
  afterEach(() => temp.remove());
  const run = (...args: string[]) => apparatus([...args, '--corpus', 'corpus'], temp.root);
  const letter = 'Letter from Tiranë, 1961.\n\n“The delegation left Moscow early” – and nothing was signed.\n';

  function utf16(text: string, order: 'le' | 'be'): Buffer {
    const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
    if (order === 'be') bytes.swap16();
    return bytes;
  }

  it('names UTF-16 (either byte order) instead of calling it binary, and converts it when confirmed', () => {
    for (const order of ['le', 'be'] as const) {
      const file = temp.input(`letter-${order}.txt`, utf16(letter, order));
      const before = fingerprint(temp.corpus);
      const refused = run('import', file, '--title', 'Letter');
      expect(refused.status).toBe(1);
      expect(refused.stderr).not.toContain('binary');
      expect(refused.stderr).toContain(`uses another character encoding, UTF-16 (${order === 'le' ? 'little' : 'big'}-endian)`);
      expect(refused.stderr).toContain(`import it again with --encoding utf-16${order}.`);
      expect(fingerprint(temp.corpus)).toEqual(before);
      const result = run('import', file, '--title', 'Letter', '--id', `letter-${order}`, '--encoding', `utf-16${order}`);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Note: Converted from UTF-16 (${order === 'le' ? 'little' : 'big'}-endian) to UTF-8.`);
      expect(readingText(parseSource(readFileSync(join(temp.corpus, `letter-${order}.md`), 'utf8'))).text).toContain('Letter from Tiranë, 1961.');
      // The raw copy is the converted text, so rebuilding the corpus reads it as the import did.
      expect(readFileSync(join(temp.corpus, 'raw', `letter-${order}.txt`), 'utf8')).toBe(letter);
      expect(readFileSync(join(temp.corpus, 'recipes', `letter-${order}.yml`), 'utf8')).toMatch(/^# Imported from “letter-\w+\.txt” \(converted from UTF-16/);
    }
  }, 120_000);

  it('names Windows-1252 and converts it when confirmed; refuses a wrong confirmation', () => {
    const file = temp.input('letter.txt', Buffer.from(windows1252(letter)));
    const refused = run('import', file, '--title', 'Letter');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('uses another character encoding, Windows-1252. Apparatus can convert it to UTF-8 once you confirm');
    expect(refused.stderr).toContain('--encoding windows-1252.');
    const wrong = run('import', file, '--title', 'Letter', '--encoding', 'utf-16le');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('looks like Windows-1252 text, not UTF-16 (little-endian)');
    const result = run('import', file, '--title', 'Letter', '--id', 'letter', '--encoding', 'windows-1252');
    expect(result.status).toBe(0);
    expect(readingText(parseSource(readFileSync(join(temp.corpus, 'letter.md'), 'utf8'))).text).toContain('“The delegation left Moscow early” – and nothing was signed.');
  }, 120_000);

  it('refuses a file of nothing but spaces of every kind', () => {
    const file = temp.input('blank.txt', '\u2003\u2002\u00a0\u3000\n\u200b\u2060\uFEFF \t\n');
    const result = run('import', file, '--title', 'Blank');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('apparatus import: This file is empty: “blank.txt” holds no text to import.\n');
  }, 60_000);

  it('refuses a symbolic link, naming what it points to, and copies nothing', () => {
    const secret = join(temp.root, 'secret.txt');
    writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
    const link = join(temp.root, 'in', 'innocent.txt');
    symlinkSync(secret, link);
    const before = fingerprint(temp.corpus);
    const result = run('import', link, '--title', 'Innocent');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`“innocent.txt” is a link to another file (${secret})`);
    expect(fingerprint(temp.corpus)).toEqual(before);
    expect(readdirSync(join(temp.corpus, 'raw')).some((name) => name.startsWith('innocent'))).toBe(false);
  }, 60_000);
});

/** `text` in Windows-1252 (its curly quotes and dashes included). */
function windows1252(text: string): number[] {
  const extra: Record<string, number> = { '“': 0x93, '”': 0x94, '–': 0x96 };
  return [...text].map((char) => extra[char] ?? (char.charCodeAt(0) < 0x100 ? char.charCodeAt(0) : 0x3f));
}
