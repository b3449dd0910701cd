import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/annotate/model.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { fromReadingOffset, readingText } from '../../../core/corpus/reading-text.ts';
import { apparatus } from '../../support/cli-process.ts';
import { CORPUS_DIR } from '../../support/services.ts';
import { unzipText } from '../../core/export/unzip.ts';

// The finding as it was made: highlights added from the command line, the source's text changed
// by another program, then `annotate list`, `export` and `search` run as separate processes,
// without the app ever opening the source. Each must see the passages where they are now.
describe('every command sees highlights re-anchored after a source changed (real processes)', () => {
  let root: string;
  let corpus: string;
  const file = () => join(corpus, 'edemskiy-2019.md');
  const run = (...args: string[]) => apparatus([...args, '--corpus', 'corpus', '--project', 'project'], root);
  const reworded = 'An opportunity for criticizing the Chinese position presented itself';
  const shifted = 'demonstrated that the Chinese leadership openly, albeit indirectly';
  let rewordedId: string;
  let shiftedId: string;
  let before: Annotation[];

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'apparatus-reanchor-cli-'));
    corpus = join(root, 'corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    const add = (quote: string) => {
      const result = run('annotate', 'add', 'edemskiy-2019', '--quote', quote, '--note', 'Checked.');
      expect(result.stderr).toBe('');
      return result.stdout.split('\t')[0] as string;
    };
    rewordedId = add(reworded);
    shiftedId = add(shifted);
    before = JSON.parse(run('annotate', 'list', '--json').stdout) as Annotation[];
    // Another program re-cleans the source: a paragraph before both passages removed (so every
    // later offset moves), and one word of the first passage respelt.
    const lines = readFileSync(file(), 'utf8').split('\n');
    const removed = lines.findIndex((line) => line.startsWith('The Soviet-Albanian differences that arose in the mid-1950s'));
    expect(removed).toBeGreaterThan(0);
    lines.splice(removed, 2);
    const edited = lines.join('\n').replace('An opportunity for criticizing the Chinese', 'An opportunity for criticising the Chinese');
    writeFileSync(file(), edited);
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const text = () => readingText(parseSource(readFileSync(file(), 'utf8'))).text;

  it('export (a read-only process) quotes the passages where they are now and marks the changed wording, in every format', () => {
    const now = text();
    const newStart = now.indexOf('An opportunity for criticising the Chinese position presented itself');
    expect(newStart).toBeGreaterThan(0);
    const stale = before.find((a) => a.id === rewordedId)!;
    expect(now.slice(stale.position.start, stale.position.end)).not.toContain('criticising the Chinese position');

    const out = (name: string) => join(root, name);
    const exported = (format: string, name: string) => {
      const result = run('export', '--format', format, '--out', out(name));
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      return format === 'docx' ? unzipText(readFileSync(out(name)), 'word/document.xml') : readFileSync(out(name), 'utf8');
    };
    const mark = `The source’s wording has changed since this passage was highlighted; it then read: “${reworded}”.`;
    const plain = exported('txt', 'a.txt');
    expect(plain).toContain('“An opportunity for criticising the Chinese position presented itself” [');
    expect(plain).toContain(`(${mark})`);
    expect(plain.match(/wording has changed/g)).toHaveLength(1);
    expect(exported('md', 'a.md')).toContain(`*${mark}*`);
    expect(exported('html', 'a.html')).toContain(`<p class="changed"><em>${mark}</em></p>`);
    expect(exported('docx', 'a.docx')).toContain(mark);
    const csv = exported('csv', 'a.csv').split('\r\n');
    expect(csv[0]).toBe('note_number,annotation_id,source_id,quotation,note,tags,locator,citation,wording_changed,highlighted_as');
    const row = (id: string) => csv.find((line) => line.includes(id)) ?? '';
    expect(row(rewordedId)).toMatch(/,yes,An opportunity for criticizing the Chinese position presented itself$/);
    expect(row(shiftedId)).toMatch(/,no,$/);
    const web = JSON.parse(exported('jsonld', 'a.jsonld')) as { first: { items: Record<string, unknown>[] } };
    const item = (id: string) => web.first.items.find((entry) => entry.id === `urn:uuid:${id}`)!;
    expect(item(rewordedId)['urn:apparatus:wordingChanged']).toBe(true);
    expect(item(shiftedId)['urn:apparatus:wordingChanged']).toBeUndefined();
    const obsidian = run('export', '--format', 'obsidian', '--out', out('vault'));
    expect(obsidian.status).toBe(0);
    expect(readFileSync(join(out('vault'), 'edemskiy-2019.md'), 'utf8')).toContain(`*${mark}*`);
  }, 120_000);

  it('search places the highlight where its passage is now', () => {
    const result = run('search', 'criticizing', '--json');
    expect(result.status).toBe(0);
    const hit = (JSON.parse(result.stdout) as { annotationId?: string; blockId: string | null }[]).find((h) => h.annotationId === rewordedId);
    const source = parseSource(readFileSync(file(), 'utf8'));
    const reading = readingText(source);
    const start = reading.text.indexOf('An opportunity for criticising');
    const stale = before.find((a) => a.id === rewordedId)!;
    expect(fromReadingOffset(reading, stale.position.start)?.blockId).not.toBe(fromReadingOffset(reading, start)?.blockId);
    expect(hit?.blockId).toBe(fromReadingOffset(reading, start)?.blockId);
    // The hit shows the quotation as highlighted, and says the source no longer reads so.
    expect(hit).toMatchObject({ anchor: 'moved' });
    const text = run('search', 'criticizing');
    expect(text.stdout).toContain(`annotation ${rewordedId} · wording changed: the source no longer reads as quoted`);
    // A highlight whose passage only moved reads as quoted: no mark.
    const shiftedHit = (JSON.parse(run('search', '"albeit indirectly"', '--json').stdout) as { annotationId?: string; anchor?: string }[]).find((h) => h.annotationId === shiftedId);
    expect(shiftedHit).toBeDefined();
    expect(shiftedHit?.anchor).toBeUndefined();
  }, 120_000);

  it('annotate list --json reports each highlight re-anchored, at offsets that hold its passage now', () => {
    const listed = JSON.parse(run('annotate', 'list', '--json').stdout) as Annotation[];
    const now = text();
    const moved = listed.find((a) => a.id === rewordedId)!;
    expect(moved.anchor).toBe('moved');
    expect(moved.quote.exact).toBe(reworded);
    expect(now.slice(moved.position.start, moved.position.end)).toContain('criticising the Chinese position');
    const anchored = listed.find((a) => a.id === shiftedId)!;
    expect(anchored.anchor).toBe('anchored');
    expect(anchored.position.start).toBeLessThan(before.find((a) => a.id === shiftedId)!.position.start);
    expect(now.slice(anchored.position.start, anchored.position.end)).toBe(shifted);
  }, 60_000);

  it('annotate list prints the moved highlight as moved', () => {
    const listed = run('annotate', 'list').stdout;
    expect(listed).toMatch(new RegExp(`${rewordedId}\\tedemskiy-2019\\t\\d+–\\d+\\tyellow \\[moved\\]`));
    expect(listed).toMatch(new RegExp(`${shiftedId}\\tedemskiy-2019\\t\\d+–\\d+\\tyellow\\n`));
  }, 60_000);
});

// A source taken out of the corpus (moved away, deleted by a sync tool) while the project keeps its
// highlights: every command says so, rather than report them at offsets in a text that is gone.
describe('highlights whose source has left the corpus (real processes)', () => {
  let root: string;
  const run = (...args: string[]) => apparatus([...args, '--corpus', 'corpus', '--project', 'project'], root);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'apparatus-source-gone-'));
    cpSync(CORPUS_DIR, join(root, 'corpus'), { recursive: true });
    const added = run('annotate', 'add', 'pilaca-nako-2021', '--quote', 'would make a damning speech', '--tag', 'Archive leads', '--note', 'Check the Shkodër branch.');
    expect(added.status).toBe(0);
    rmSync(join(root, 'corpus', 'pilaca-nako-2021.md'));
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('annotate list marks them, in text and in --json', () => {
    expect(run('annotate', 'list').stdout).toMatch(/\tpilaca-nako-2021\t\d+–\d+\tyellow \[its source is no longer in the corpus\]\n/);
    const [listed] = JSON.parse(run('annotate', 'list', '--json').stdout) as (Annotation & { sourceMissing?: boolean })[];
    expect(listed).toMatchObject({ sourceId: 'pilaca-nako-2021', sourceMissing: true });
  }, 120_000);

  it('search finds them and says their source is no longer in the corpus', () => {
    const text = run('search', 'tag:"Archive leads"');
    expect(text.stdout).toContain('pilaca-nako-2021 (pilaca-nako-2021) — no longer in the corpus\n');
    const [hit] = JSON.parse(run('search', 'tag:"Archive leads"', '--json').stdout) as { sourceMissing?: boolean }[];
    expect(hit).toMatchObject({ sourceMissing: true });
  }, 120_000);
});
