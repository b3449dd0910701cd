import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../../core/annotate/describe.ts';
import type { Annotation } from '../../../core/annotate/model.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { readingText } from '../../../core/corpus/reading-text.ts';
import { locate } from '../../../core/corpus/source-index.ts';
import { annotationsCommand } from '../../../electron/cli/annotations-import.ts';
import type { CliContext } from '../../../electron/cli/command.ts';
import { exportCommand } from '../../../electron/cli/export.ts';
import { openProjectStore } from '../../../electron/services/store/index.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const corpus = join(root, 'corpus');
const HYPOTHESIS = join(root, 'test', 'fixtures', 'interop', 'hypothesis-export.json');
const source = (id: string) => parseSource(readFileSync(join(corpus, `${id}.md`), 'utf8'));
const edemskiy = source('edemskiy-2019');
const wikipedia = source('wikipedia-split');
const textOf = (s: ReturnType<typeof source>) => readingText(s).text;

let dir: string;
let context: CliContext;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'apparatus-annotations-import-'));
  context = { env: {}, cwd: dir, platform: 'linux' };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const projectArgs = (name: string) => ['--corpus', corpus, '--project', join(dir, name)];

function annotationsOf(name: string): { annotations: Annotation[]; tagNames: Map<string, string> } {
  const store = openProjectStore(join(dir, name, 'project.sqlite'));
  try {
    return { annotations: store.list(), tagNames: new Map(store.listTags().map((tag) => [tag.id, tag.name])) };
  } finally {
    store.close();
  }
}

describe('apparatus annotations import: a Hypothesis export', () => {
  it('anchors quotes that differ in white space and quotation marks, marks a re-hyphenated one moved, keeps a lost one as an orphan', async () => {
    const outcome = await annotationsCommand.run(['import', HYPOTHESIS, ...projectArgs('p')], context);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^Read 7 annotations from hypothesis-export\.json \(a Hypothesis export\)\.\n/);
    expect(outcome.stdout).toContain('Imported 5: 3 anchored, 1 moved, 1 orphaned. New tags: Comintern, Halliday, Red Army, Moscow, forms of address.\n');
    expect(outcome.stdout).toContain('Hypothesis annotation Tu2f3AnREe-4HZxMyNT3oz: it is a reply to another annotation, not a note on a passage\n');
    expect(outcome.stdout).toContain('Hypothesis annotation Vw3g4AnREe-5IaySzOU4pa: it is a page note: it highlights no words of the text\n');

    const { annotations, tagNames } = annotationsOf('p');
    const wiki = textOf(wikipedia);
    const edem = textOf(edemskiy);
    const on = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const byNote = (note: string) => annotations.find((a) => a.note === note) as Annotation;

    const halliday = byNote('Halliday on the *founding* of the party.');
    const hallidayWords = 'it was set up without any known direct contact with Moscow. It was not at all a ‘Moscow creation’';
    expect(halliday).toMatchObject({ sourceId: 'wikipedia-split', anchor: 'anchored', position: on(wiki, hallidayWords) });
    expect(halliday.quote.exact).toBe(hallidayWords);
    expect(halliday.tags.map((id) => tagNames.get(id))).toEqual(['Comintern', 'Halliday']);
    // When it was made and last changed in Hypothesis, not when it was imported.
    expect(halliday).toMatchObject({ created: '2025-10-02T08:14:05.812Z', modified: '2025-10-02T08:15:31.100Z' });

    const redArmy = annotations.find((a) => a.tags.some((id) => tagNames.get(id) === 'Red Army')) as Annotation;
    expect(redArmy).toMatchObject({ sourceId: 'wikipedia-split', anchor: 'anchored', position: on(wiki, 'Albania furthermore was the only country in Eastern Europe which had liberated itself without the presence of the Red Army') });

    const address = byNote('Note the forms of address.');
    expect(address).toMatchObject({ sourceId: 'edemskiy-2019', anchor: 'anchored', position: on(edem, 'addressing it to the “PLA delegation” and calling them “comrades”.') });
    expect(locate(edemskiy).pageAt(address.position.start)).toBe('380');

    const letter = byNote('The Soviet side tries to *repair* the damage two days later.');
    expect(letter).toMatchObject({ sourceId: 'edemskiy-2019', anchor: 'moved', position: on(edem, 'the Soviet leadership sent a short letter to Albanian leaders') });
    expect(letter.quote.exact).toBe('the Soviet leadership sent a short let-\nter to Albanian leaders');

    const lost = byNote('Where did I read this? Check the footnotes.');
    expect(lost).toMatchObject({ sourceId: 'edemskiy-2019', anchor: 'orphaned' });
    expect(lost.quote.exact).toBe('The Soviet ambassador was recalled from Tirana in the spring of 1962');
  });

  it('does not import the same annotations twice', async () => {
    await annotationsCommand.run(['import', HYPOTHESIS, ...projectArgs('p')], context);
    const again = await annotationsCommand.run(['import', HYPOTHESIS, ...projectArgs('p')], context);
    expect(again.stdout).toContain('Imported 0: 0 anchored, 0 moved, 0 orphaned.');
    expect(again.stdout.match(/it is already in the project/g)).toHaveLength(5);
    expect(annotationsOf('p').annotations).toHaveLength(5);
  });

  it('puts every annotation on the source named with --source, and says when an address matches no source', async () => {
    const file = join(dir, 'one.json');
    const only = JSON.parse(readFileSync(HYPOTHESIS, 'utf8'));
    only.annotations = only.annotations.slice(0, 1).map((a: { uri: string; target: { source: string }[] }) => ({ ...a, uri: 'https://example.org/elsewhere', target: a.target.map((t) => ({ ...t, source: 'https://example.org/elsewhere' })) }));
    writeFileSync(file, JSON.stringify(only));
    const unmatched = await annotationsCommand.run(['import', file, ...projectArgs('q')], context);
    expect(unmatched.stdout).toContain('no source of the corpus has its address (https://example.org/elsewhere); name the source with --source ID');
    const chosen = await annotationsCommand.run(['import', file, '--source', 'wikipedia-split', ...projectArgs('q')], context);
    expect(chosen.stdout).toContain('Imported 1: 1 anchored, 0 moved, 0 orphaned.');
    await expect(annotationsCommand.run(['import', file, '--source', 'no-such-source', ...projectArgs('q')], context)).rejects.toThrow('There is no source “no-such-source” in the corpus');
  });

  it('says that an annotation recorded only by its position needs its quoted words, not that it is a page note', async () => {
    const file = join(dir, 'position.json');
    const wiki = 'https://en.wikipedia.org/wiki/Soviet%E2%80%93Albanian_split';
    writeFileSync(file, JSON.stringify({ annotations: [{ id: 'P1', uri: wiki, text: 'position only', tags: [], target: [{ source: wiki, selector: [{ type: 'TextPositionSelector', start: 492, end: 503 }] }] }] }));
    const outcome = await annotationsCommand.run(['import', file, ...projectArgs('p')], context);
    expect(outcome.stdout).toContain('Hypothesis annotation P1: it does not quote the words it highlights (a TextQuoteSelector is needed to find the passage; its position alone cannot place it)\n');
  });

  it('reads an export saved as UTF-16 with a byte-order mark', async () => {
    const file = join(dir, 'utf16.json');
    writeFileSync(file, Buffer.from(`\uFEFF${readFileSync(HYPOTHESIS, 'utf8')}`, 'utf16le'));
    const outcome = await annotationsCommand.run(['import', file, ...projectArgs('p')], context);
    expect(outcome.stdout).toContain('Imported 5: 3 anchored, 1 moved, 1 orphaned.');
  });

  it('refuses a file that is not annotations, naming what it reads', async () => {
    const file = join(dir, 'x.json');
    writeFileSync(file, '{"hello": "world"}');
    await expect(annotationsCommand.run(['import', file, ...projectArgs('p')], context)).rejects.toThrow('holds no annotations Apparatus can read: it is neither a Hypothesis export nor W3C Web Annotations (JSON-LD)');
  });

  it('says why a file cannot be read: there is none by that name, or it is a folder', async () => {
    const missing = join(dir, 'nothere.json');
    await expect(annotationsCommand.run(['import', missing, ...projectArgs('p')], context)).rejects.toThrow(
      `The file “nothere.json” cannot be read: there is no such file (was it moved, renamed or deleted?). (${missing})`,
    );
    await expect(annotationsCommand.run(['import', dir, ...projectArgs('p')], context)).rejects.toThrow('cannot be read: it is a folder, not a file: choose a file inside it.');
  });
});

describe('apparatus annotations import: W3C Web Annotations written by another tool', () => {
  it('reads every page of a collection, matches targets by URL and DOI, takes tagging and commenting bodies, and treats a position as a hint only', async () => {
    const wikiWords = 'Albania furthermore was the only country in Eastern Europe which had liberated itself without the presence of the Red Army';
    const edemWords = 'addressing it to the “PLA delegation” and calling them “comrades”.';
    const file = join(dir, 'elsewhere.jsonld');
    // The shapes of the model's own examples: a collection whose second page follows the first by
    // `next`, a body list with purposes, HTML in a comment, `bodyValue`, a single selector object.
    writeFileSync(
      file,
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'https://annotations.example.org/collection/7',
        type: 'AnnotationCollection',
        total: 3,
        first: {
          id: 'https://annotations.example.org/collection/7/page1',
          type: 'AnnotationPage',
          items: [
            {
              id: 'https://annotations.example.org/anno/1',
              type: 'Annotation',
              motivation: 'commenting',
              body: [
                { type: 'TextualBody', value: '<p>Halliday, <b>again</b> &amp; again.</p>', format: 'text/html', purpose: 'commenting' },
                { type: 'TextualBody', value: 'Red Army', purpose: 'tagging' },
              ],
              target: {
                source: 'https://en.wikipedia.org/wiki/Soviet%E2%80%93Albanian_split',
                selector: [
                  { type: 'TextQuoteSelector', exact: wikiWords.replace('Eastern Europe ', 'Eastern Europe\n  '), prefix: '', suffix: '' },
                  { type: 'TextPositionSelector', start: 5, end: 5 + wikiWords.length },
                ],
              },
            },
            { id: 'https://annotations.example.org/anno/2', type: 'Annotation', bodyValue: 'Only a part of the page.', target: { source: 'https://en.wikipedia.org/wiki/Soviet%E2%80%93Albanian_split', selector: { type: 'FragmentSelector', value: 'xywh=0,0,10,10' } } },
          ],
          next: {
            id: 'https://annotations.example.org/collection/7/page2',
            type: 'AnnotationPage',
            items: [{ id: 'https://annotations.example.org/anno/3', type: 'Annotation', bodyValue: 'The forms of address.', target: { source: 'https://doi.org/10.2298/BALC1950375E', selector: { type: 'TextQuoteSelector', exact: edemWords } } }],
          },
        },
      }),
    );
    const outcome = await annotationsCommand.run(['import', file, ...projectArgs('w3c')], context);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^Read 3 annotations from elsewhere\.jsonld /);
    expect(outcome.stdout).toContain('Imported 2: 2 anchored, 0 moved, 0 orphaned. New tags: Red Army.\n');
    expect(outcome.stdout).toContain('annotation https://annotations.example.org/anno/2: its target quotes no words (a TextQuoteSelector is needed to find the passage)');

    const { annotations, tagNames } = annotationsOf('w3c');
    const wiki = textOf(wikipedia);
    const edem = textOf(edemskiy);
    const redArmy = annotations.find((a) => a.sourceId === 'wikipedia-split') as Annotation;
    expect(redArmy).toMatchObject({ anchor: 'anchored', note: 'Halliday, again & again.', position: { start: wiki.indexOf(wikiWords), end: wiki.indexOf(wikiWords) + wikiWords.length } });
    expect(redArmy.tags.map((id) => tagNames.get(id))).toEqual(['Red Army']);
    const address = annotations.find((a) => a.sourceId === 'edemskiy-2019') as Annotation;
    expect(address).toMatchObject({ anchor: 'anchored', note: 'The forms of address.', tags: [], position: { start: edem.indexOf(edemWords), end: edem.indexOf(edemWords) + edemWords.length } });
  });
});

describe('our JSON-LD export, imported into an empty project', () => {
  it('gives back the same annotations: quote, position, tags and note, and an orphan as an orphan', async () => {
    const store = openProjectStore(join(dir, 'from', 'project.sqlite'));
    const moscow = store.createTag('Moscow');
    const letters = store.createTag('letters');
    const edem = textOf(edemskiy);
    const wiki = textOf(wikipedia);
    const at = (text: string, words: string) => describeRange(text, text.indexOf(words), text.indexOf(words) + words.length);
    store.create({ sourceId: 'edemskiy-2019', ...at(edem, 'the Soviet leadership sent a short letter to Albanian leaders'), tags: [moscow.id, letters.id], note: 'Two days *later*.' });
    store.create({ sourceId: 'edemskiy-2019', ...at(edem, 'Albanian'), note: '' });
    store.create({ sourceId: 'wikipedia-split', ...at(wiki, 'Albania furthermore was the only country in Eastern Europe'), tags: [letters.id], note: 'Line one.\n\nLine two.' });
    store.create({ sourceId: 'wikipedia-split', quote: { exact: 'words this article never had', prefix: '', suffix: '' }, position: { start: 10, end: 38 }, anchor: 'orphaned', note: 'lost' });
    const before = store.list();
    store.close();

    const exported = await exportCommand.run(['--format', 'jsonld', '--out', 'all.jsonld', ...projectArgs('from')], context);
    expect(exported.code).toBe(0);
    const imported = await annotationsCommand.run(['import', join(dir, 'all.jsonld'), ...projectArgs('to')], context);
    expect(imported.stdout).toContain('Imported 4: 3 anchored, 0 moved, 1 orphaned. New tags: Moscow, letters.');

    const after = annotationsOf('to');
    const shape = (list: Annotation[], names: Map<string, string>) =>
      list
        .map((a) => ({ sourceId: a.sourceId, quote: a.quote, position: a.anchor === 'orphaned' ? null : a.position, tags: a.tags.map((id) => names.get(id)), note: a.note, anchor: a.anchor, created: a.created, modified: a.modified }))
        .sort((a, b) => `${a.sourceId}${a.quote.exact}`.localeCompare(`${b.sourceId}${b.quote.exact}`));
    const original = openProjectStore(join(dir, 'from', 'project.sqlite'));
    const names = new Map(original.listTags().map((tag) => [tag.id, tag.name]));
    original.close();
    expect(shape(after.annotations, after.tagNames)).toEqual(shape(before, names));
  });

  it('keeps when each highlight was made, so the export lists the sources in the order they were first highlighted', async () => {
    let clock = '2024-01-01T00:00:00.000Z';
    const store = openProjectStore(join(dir, 'from', 'project.sqlite'), { now: () => new Date(clock) });
    const edem = textOf(edemskiy);
    const wiki = textOf(wikipedia);
    const at = (text: string, words: string) => describeRange(text, text.indexOf(words), text.indexOf(words) + words.length);
    // Wikipedia first, then Edemskiy: an export in reading order puts Wikipedia's source first.
    store.create({ sourceId: 'wikipedia-split', ...at(wiki, 'Albania furthermore was the only country in Eastern Europe'), note: 'first' });
    clock = '2024-01-02T00:00:00.000Z';
    store.create({ sourceId: 'edemskiy-2019', ...at(edem, 'the Soviet leadership sent a short letter to Albanian leaders'), note: 'second' });
    store.close();
    await exportCommand.run(['--format', 'jsonld', '--out', 'all.jsonld', ...projectArgs('from')], context);
    await annotationsCommand.run(['import', join(dir, 'all.jsonld'), ...projectArgs('to')], context);

    expect(annotationsOf('to').annotations.map((a) => [a.note, a.created, a.modified]).sort()).toEqual([
      ['first', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'],
      ['second', '2024-01-02T00:00:00.000Z', '2024-01-02T00:00:00.000Z'],
    ]);
    await exportCommand.run(['--format', 'md', '--order', 'reading', '--out', 'again.md', ...projectArgs('to')], context);
    const markdown = readFileSync(join(dir, 'again.md'), 'utf8');
    expect(markdown.indexOf('first')).toBeGreaterThan(-1);
    expect(markdown.indexOf('first')).toBeLessThan(markdown.indexOf('second'));
  });
});

describe('our JSON-LD export, imported into the project it came from', () => {
  it('adds nothing: each highlight is known by its id, an orphan (exported without its position) included', async () => {
    const store = openProjectStore(join(dir, 'p', 'project.sqlite'));
    const wiki = textOf(wikipedia);
    const words = 'Albania furthermore was the only country in Eastern Europe';
    store.create({ sourceId: 'wikipedia-split', ...describeRange(wiki, wiki.indexOf(words), wiki.indexOf(words) + words.length), note: 'kept' });
    const orphan = store.create({ sourceId: 'wikipedia-split', quote: { exact: 'words this article never had', prefix: '', suffix: '' }, position: { start: 10, end: 38 }, anchor: 'orphaned', note: 'lost' });
    store.close();
    await exportCommand.run(['--format', 'jsonld', '--out', 'all.jsonld', ...projectArgs('p')], context);
    const again = await annotationsCommand.run(['import', join(dir, 'all.jsonld'), ...projectArgs('p')], context);
    expect(again.stdout).toContain(`annotation urn:uuid:${orphan.id}: it is already in the project (highlight ${orphan.id})\n`);
    expect(again.stdout).toContain('Imported 0: 0 anchored, 0 moved, 0 orphaned.');
    expect(annotationsOf('p').annotations).toHaveLength(2);
  });
});

describe('apparatus annotations import: a record the project cannot hold', () => {
  const WIKI = 'https://en.wikipedia.org/wiki/Soviet%E2%80%93Albanian_split';
  const words = ['Albania furthermore was the only country in Eastern Europe', 'the Soviet Union', 'Khrushchev', 'Tito', 'Enver Hoxha'];
  const hypothesis = (id: string, exact: string, extra: Record<string, unknown> = {}, quote: Record<string, string> = {}) => ({
    id,
    uri: WIKI,
    text: `note ${id}`,
    tags: [],
    target: [{ source: WIKI, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '', ...quote }] }],
    ...extra,
  });
  const importFile = async (name: string, annotations: unknown[]) => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify({ annotations }));
    return annotationsCommand.run(['import', file, ...projectArgs(name)], context);
  };

  it('skips an annotation whose note or tags are over the limits, names it, imports the ones after it and makes none of its tags', async () => {
    const list = words.map((w, i) => hypothesis(`A${i + 1}`, w));
    list[1] = hypothesis('A2', words[1] as string, { text: 'x'.repeat(200_001) });
    list[3] = hypothesis('A4', words[3] as string, { tags: Array.from({ length: 501 }, (_, i) => `tag ${i}`) });
    const outcome = await importFile('limits', list);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('Skipped 2:\n');
    expect(outcome.stdout).toContain('  Hypothesis annotation A2: its note is longer than the 200,000 characters a note can hold\n');
    expect(outcome.stdout).toContain('  Hypothesis annotation A4: it carries 501 tags; a highlight can carry at most 500\n');
    expect(outcome.stdout).toContain('Imported 3: 3 anchored, 0 moved, 0 orphaned.\n');
    const { annotations, tagNames } = annotationsOf('limits');
    expect(annotations.map((a) => a.note).sort()).toEqual(['note A1', 'note A3', 'note A5']);
    expect(tagNames.size).toBe(0);
  });

  it('dates a record as the tool does, a date still to come as now, and a record whose date is not one as imported now', async () => {
    const before = new Date().toISOString();
    const outcome = await importFile('dates', [
      hypothesis('A1', words[0] as string, { created: '2023-05-04T10:11:12.345678+02:00', updated: '2023-06-01T00:00:00Z' }),
      hypothesis('A2', words[1] as string, { created: '2999-01-01T00:00:00Z', updated: '2999-01-02T00:00:00Z' }),
      hypothesis('A3', words[2] as string, { created: 'last Tuesday', updated: '5' }),
    ]);
    expect(outcome.stdout).toContain('Imported 3:');
    const after = new Date().toISOString();
    const byNote = new Map(annotationsOf('dates').annotations.map((a) => [a.note, a]));
    expect(byNote.get('note A1')).toMatchObject({ created: '2023-05-04T08:11:12.345Z', modified: '2023-06-01T00:00:00.000Z' });
    for (const note of ['note A2', 'note A3']) {
      const annotation = byNote.get(note) as Annotation;
      expect(annotation.created >= before && annotation.created <= after).toBe(true);
      expect(annotation.modified).toBe(annotation.created);
    }
  });

  it('keeps the end of a context longer than a project holds, the words nearest the quote', async () => {
    const prefix = `${'far away '.repeat(200)}near`;
    const outcome = await importFile('context', [hypothesis('C1', 'words this article never had', {}, { prefix, suffix: 'after '.repeat(300) })]);
    expect(outcome.stdout).toContain('Imported 1: 0 anchored, 0 moved, 1 orphaned.\n');
    const [orphan] = annotationsOf('context').annotations;
    expect(orphan?.quote.prefix).toBe(prefix.slice(-1000));
    expect(orphan?.quote.suffix).toBe('after '.repeat(300).slice(0, 1000));
  });

  it('imports an annotation without a tag too long to be one, and says so beside the count, not among the skipped', async () => {
    const outcome = await importFile('tag', [hypothesis('T1', words[0] as string, { tags: ['kept', 'L'.repeat(201)] }), hypothesis('T2', words[2] as string)]);
    expect(outcome.stdout).not.toContain('Skipped');
    expect(outcome.stdout).toContain('Tags left out 1 (their annotations were imported without them):\n  Hypothesis annotation T1: the tag “LLL');
    expect(outcome.stdout).toContain(': a tag name can have at most 200 characters\n');
    expect(outcome.stdout).toContain('Imported 2: 2 anchored, 0 moved, 0 orphaned. (1 tag left out.) New tags: kept.\n');
    const { annotations, tagNames } = annotationsOf('tag');
    expect(annotations.find((a) => a.note === 'note T1')?.tags.map((id) => tagNames.get(id))).toEqual(['kept']);
  });
});

describe('apparatus annotations import: Ctrl-C', () => {
  it('stops between records, says on stderr how many were saved and that running it again completes it; the second run does', async () => {
    const wiki = 'https://en.wikipedia.org/wiki/Soviet%E2%80%93Albanian_split';
    const annotations = Array.from({ length: 150 }, (_, i) => ({ id: `K${i}`, uri: wiki, text: `note ${i}`, tags: [], target: [{ source: wiki, selector: [{ type: 'TextQuoteSelector', exact: 'Khrushchev', prefix: '', suffix: '' }] }] }));
    const file = join(dir, 'many.json');
    writeFileSync(file, JSON.stringify({ annotations }));
    // Ctrl-C arrives while the import shows how far it has come.
    const controller = new AbortController();
    const interrupted: CliContext = { ...context, interruption: () => controller.signal, progress: (line) => (line === '' ? undefined : controller.abort('SIGINT')) };
    const stopped = await annotationsCommand.run(['import', file, ...projectArgs('p')], interrupted);
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toBe("apparatus annotations: stopped before the end: 100 annotations were saved, 50 of the file's 150 were not read. Run the same import again to complete it: the annotations already in the project are skipped.\n");
    expect(annotationsOf('p').annotations).toHaveLength(100);
    const again = await annotationsCommand.run(['import', file, ...projectArgs('p')], context);
    expect(again.stdout).toContain('Skipped 100:');
    expect(again.stdout).toContain('Imported 50: 50 anchored, 0 moved, 0 orphaned.');
    expect(annotationsOf('p').annotations).toHaveLength(150);
  });
});
