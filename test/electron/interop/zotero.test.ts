import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/annotate/model.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { readingText } from '../../../core/corpus/reading-text.ts';
import { locate } from '../../../core/corpus/source-index.ts';
import { citeCommand } from '../../../electron/cli/cite.ts';
import { exportCommand } from '../../../electron/cli/export.ts';
import type { CliContext } from '../../../electron/cli/command.ts';
import { refsCommand } from '../../../electron/cli/refs.ts';
import { zoteroCommand } from '../../../electron/cli/zotero.ts';
import { openProjectStore } from '../../../electron/services/store/index.ts';
import { unzipText } from '../../core/export/unzip.ts';
import { makePdf } from '../../support/make-pdf.ts';
import { article, labelled, twoColumns } from '../../support/pdf-fixtures.ts';
import { deadZoteroUrl, startZoteroServer, type ZoteroServer } from '../../support/zotero-server.ts';
import { fingerprint, makeTempCorpus, type TempCorpus } from '../import/temp-corpus.ts';

let temp: TempCorpus;
let zotero: ZoteroServer;
let context: CliContext;

beforeEach(async () => {
  temp = makeTempCorpus();
  const pdf = temp.input('Lalaj - 2019 - Albania and Moscow.pdf', await article.bytes());
  zotero = await startZoteroServer({ P2F8K2LM: pdf });
  context = { env: { APPARATUS_ZOTERO_URL: zotero.url }, cwd: temp.root, platform: 'linux' };
});
afterEach(async () => {
  await zotero.close();
  temp.remove();
});

const run = (...args: string[]) => zoteroCommand.run([...args, '--corpus', temp.corpus, '--project', join(temp.root, 'project')], context);

function projectAnnotations(): { annotations: Annotation[]; tags: Map<string, string> } {
  const store = openProjectStore(join(temp.root, 'project', 'project.sqlite'));
  try {
    return { annotations: store.list(), tags: new Map(store.listTags().map((t) => [t.id, t.name])) };
  } finally {
    store.close();
  }
}

describe('apparatus zotero, against a server that answers as Zotero 7 does', () => {
  it('lists the collections as a tree, then the items, and the items of one collection', async () => {
    const all = await run('list');
    expect(all.stdout).toBe(
      'Collections:\n  QW8ZC4RT\tAlbania (2)\n  CH4Z8N2K\t  Sino-Soviet split (1)\nItems:\n' +
        'X42A7DEB\tLalaj\t2019\tAlbania and Moscow\tjournalArticle\n' +
        'GR8FTH63\tGriffith\t1963\tAlbania and the Sino-Soviet Rift\tbook\n',
    );
    // The JSON lists the same works, without the library's standalone notes and attachments.
    const json = JSON.parse((await run('list', '--json')).stdout) as { items: { key: string }[] };
    expect(json.items.map((item) => item.key)).toEqual(['X42A7DEB', 'GR8FTH63']);
    const one = await run('list', '--collection', 'CH4Z8N2K');
    expect(one.stdout).toBe('GR8FTH63\tGriffith\t1963\tAlbania and the Sino-Soviet Rift\tbook\n');
    expect(zotero.requests.every((r) => r.headers['zotero-api-version'] === '3')).toBe(true);
  });

  it('says Zotero is not running when nothing answers, and how to turn the local API on when it is off', async () => {
    const dead = await deadZoteroUrl();
    await expect(zoteroCommand.run(['list'], { ...context, env: { APPARATUS_ZOTERO_URL: dead } })).rejects.toThrow(`Zotero is not running: nothing answers at ${dead}. Start Zotero 7 and try again.`);
    await expect(zoteroCommand.run(['send', 'resexcellence-2021', '--corpus', temp.corpus], { ...context, env: { APPARATUS_ZOTERO_URL: dead } })).rejects.toThrow('Zotero is not running');
    zotero.setLocalApi(false);
    const before = fingerprint(temp.corpus);
    await expect(run('import', 'X42A7DEB')).rejects.toThrow(
      'Zotero is running, but its local API is turned off, so other programs cannot read your library. In Zotero, open Settings (Edit ▸ Settings, or Zotero ▸ Settings on a Mac) ▸ Advanced and tick “Allow other applications on this computer to communicate with Zotero”, then try again.',
    );
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('keeps an item without attachment as a reference without text, which can be cited', async () => {
    const outcome = await run('import', 'GR8FTH63');
    expect(outcome.stdout).toBe('GR8FTH63 “Albania and the Sino-Soviet Rift”: added as the reference without text griffith-1963.\n  Note: it has no PDF attachment: kept as a reference without text, which can be cited.\n');
    const listed = await refsCommand.run(['list', '--json', '--corpus', temp.corpus], context);
    expect(JSON.parse(listed.stdout)).toEqual([
      {
        id: 'griffith-1963',
        type: 'book',
        title: 'Albania and the Sino-Soviet Rift',
        'title-short': 'Albania and the Sino-Soviet Rift',
        author: [{ family: 'Griffith', given: 'William E.' }],
        publisher: 'MIT Press',
        'publisher-place': 'Cambridge, MA',
        ISBN: '978-0-262-07005-3',
        language: 'en',
        'number-of-pages': '423',
        issued: { 'date-parts': [[1963]] },
        'zotero-key': 'GR8FTH63',
      },
    ]);
    const cited = await citeCommand.run(['--source', 'griffith-1963', '--locator', '41', '--corpus', temp.corpus, '--project', join(temp.root, 'project')], context);
    expect(JSON.parse(cited.stdout).notes[0].text).toBe('William E. Griffith, Albania and the Sino-Soviet Rift (MIT Press, 1963), 41.');
  });

  it('links the Word citations of a work imported from Zotero to its item there, by its key', async () => {
    expect((await run('import', 'X42A7DEB')).code).toBe(0);
    expect(parseSource(readFileSync(join(temp.corpus, 'lalaj-2019.md'), 'utf8')).meta.csl['zotero-key']).toBe('X42A7DEB');
    const out = join(temp.root, 'chapter.docx');
    const exported = await exportCommand.run(['--format', 'docx', '--zotero-fields', '--out', out, '--corpus', temp.corpus, '--project', join(temp.root, 'project')], context);
    expect(exported.code).toBe(0);
    const footnotes = unzipText(readFileSync(out), 'word/footnotes.xml').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const cited = [...footnotes.matchAll(/CSL_CITATION (\{.*?\}) </g)].map((m) => JSON.parse(m[1] as string).citationItems[0]);
    expect(cited.length).toBeGreaterThan(0);
    for (const item of cited) {
      // Zotero reads a users/local URI as the user's own library, and finds the item by its key.
      expect(item.uris).toEqual([expect.stringMatching(/^http:\/\/zotero\.org\/users\/local\/[23456789A-Z]{8}\/items\/X42A7DEB$/)]);
      expect(item.itemData['zotero-key']).toBeUndefined();
    }
  });

  it('dates an item typed “3 December 1961” to the day, as Zotero reads it, so that a newspaper article is cited with its issue’s date', async () => {
    const outcome = await run('import', 'NE4SPAP7');
    expect(outcome.stdout).toMatch(/^NE4SPAP7 “Albania Defies Moscow Again”: added as the reference without text underwood-1961\.\n/);
    const listed = JSON.parse((await refsCommand.run(['list', '--json', '--corpus', temp.corpus], context)).stdout) as { issued: unknown }[];
    expect(listed[0]?.issued).toEqual({ 'date-parts': [[1961, 12, 3]], raw: '3 December 1961' });
    const cited = await citeCommand.run(['--source', 'underwood-1961', '--corpus', temp.corpus, '--project', join(temp.root, 'project')], context);
    expect(JSON.parse(cited.stdout).notes[0].text).toContain('New York Times, December 3, 1961');
  });

  it('imports an item’s PDF as a source and places its Zotero annotations by their words and page', async () => {
    const outcome = await run('import', 'X42A7DEB');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^X42A7DEB “Albania and Moscow”: imported its PDF as the source lalaj-2019\.\n/);
    expect(outcome.stdout).toContain('  Imported 4: 3 anchored, 0 moved, 1 orphaned. New tags: economy, archives, Central Committee.\n');
    expect(outcome.stdout).toContain("  Zotero annotation AN6IMG5Z (p. 14): it is an image annotation: it marks a picture or a drawing, not words of the text\n");
    expect(outcome.stdout).toContain('  Zotero annotation AN7NOTE6 (p. 14): it is a note on the page, not on highlighted words: Apparatus keeps notes on passages\n');

    const source = parseSource(readFileSync(join(temp.corpus, 'lalaj-2019.md'), 'utf8'));
    expect(source.meta.csl).toMatchObject({
      type: 'article-journal',
      title: 'Albania and Moscow',
      author: [{ family: 'Lalaj', given: 'Ana' }],
      'container-title': 'Cold War History',
      volume: '19',
      issue: '1',
      page: '12-14',
      issued: { 'date-parts': [[2019, 2]] },
      DOI: '10.1080/14682745.2019.1573914',
      ISSN: '1468-2745',
      language: 'en',
    });
    const text = readingText(source).text;
    const index = locate(source);
    const { annotations, tags } = projectAnnotations();
    const byNote = (note: string) => annotations.find((a) => a.note === note) as Annotation;
    const where = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

    const grain = byNote('Dependence on Soviet *grain*.');
    expect(grain).toMatchObject({ sourceId: 'lalaj-2019', anchor: 'anchored', color: 'yellow', created: '2025-09-05T14:00:00.000Z', modified: '2025-09-05T14:02:00.000Z', position: where('which still looked to Moscow for grain and credit.') });
    expect(grain.tags.map((id) => tags.get(id))).toEqual(['economy']);
    const minutes = byNote('Check AQSH, F. 14/AP.');
    expect(minutes).toMatchObject({ anchor: 'anchored', color: 'green', position: where('The archive of the Central Committee holds the minutes.') });
    expect(index.pageAt(minutes.position.start)).toBe('13');
    const underline = annotations.find((a) => a.color === 'purple') as Annotation;
    expect(underline).toMatchObject({ anchor: 'anchored', position: where('Nothing more is known about its claim to self-determination.') });
    expect(underline.quote.exact).toBe('Nothing more is known about its claim to self-determination.');
    const head = byNote('The running head.');
    expect(head).toMatchObject({ anchor: 'orphaned', color: 'pink', quote: { exact: 'COLD WAR HISTORY', prefix: '', suffix: '' } });

    // Importing again finds the source and the annotations already there.
    const again = await run('import', 'X42A7DEB');
    expect(again.stdout).toMatch(/^X42A7DEB “Albania and Moscow”: the corpus has it already: lalaj-2019\.\n/);
    expect(again.stdout).toContain('  Imported 0: 0 anchored, 0 moved, 0 orphaned.\n');
    expect(projectAnnotations().annotations).toHaveLength(4);
  }, 60_000);

  it('keeps the editors, translators, the book’s author and the series editor of an item whose PDF becomes a source', async () => {
    await zotero.close();
    zotero = await startZoteroServer({ PD4CH7ED: temp.input('Hoxha - 1975 - On the Moscow Meeting.pdf', await labelled.bytes()) });
    context = { ...context, env: { APPARATUS_ZOTERO_URL: zotero.url } };
    const outcome = await run('import', 'CH7EDS4T');
    expect(outcome.stdout).toMatch(/^CH7EDS4T “On the Moscow Meeting”: imported its PDF as the source hoxha-1975\.\n/);
    const source = parseSource(readFileSync(join(temp.corpus, 'hoxha-1975.md'), 'utf8'));
    expect(source.meta.csl).toMatchObject({
      type: 'chapter',
      title: 'On the Moscow Meeting',
      author: [{ family: 'Hoxha', given: 'Enver' }],
      editor: [{ family: 'Lalaj', given: 'Ana' }, { literal: 'Institute of Marxist-Leninist Studies' }],
      translator: [{ family: 'Elsie', given: 'Robert' }],
      'container-author': [{ family: 'Hoxha', given: 'Enver' }],
      'collection-editor': [{ family: 'Pano', given: 'Nikolla' }],
      'container-title': 'Selected Works',
      publisher: '8 Nëntori',
      'publisher-place': 'Tirana',
      page: '375-377',
    });
  }, 60_000);

  it('keeps where a letter imported with its PDF is kept, so that its note names the archive and the shelfmark', async () => {
    await zotero.close();
    zotero = await startZoteroServer({ LE7PDF2A: temp.input('Hoxha - 1961 - Letter to Nikita Khrushchev.pdf', await labelled.bytes()) });
    context = { ...context, env: { APPARATUS_ZOTERO_URL: zotero.url } };
    const outcome = await run('import', 'LE7TER9K');
    expect(outcome.stdout).toMatch(/^LE7TER9K “Letter to Nikita Khrushchev”: imported its PDF as the source hoxha-1961\.\n/);
    const source = parseSource(readFileSync(join(temp.corpus, 'hoxha-1961.md'), 'utf8'));
    expect(source.meta.csl).toMatchObject({
      type: 'letter',
      author: [{ family: 'Hoxha', given: 'Enver' }],
      recipient: [{ family: 'Khrushchev', given: 'Nikita' }],
      archive: 'Arkivi Qendror i Shtetit (AQSH)',
      archive_location: 'F. 14/AP, V. 1961, D. 3',
      genre: 'Typescript copy',
      language: 'sq',
    });
    const cited = await citeCommand.run(['--source', 'hoxha-1961', '--locator', '376', '--corpus', temp.corpus, '--project', join(temp.root, 'project')], context);
    const note = JSON.parse(cited.stdout).notes[0].text as string;
    expect(note).toContain('F. 14/AP, V. 1961, D. 3');
    expect(note).toContain('Arkivi Qendror i Shtetit');
  }, 60_000);

  it('keeps a work whose PDF is a scan without any text layer as a reference without text, saying why and how to read it', async () => {
    await zotero.close();
    zotero = await startZoteroServer({ LE7PDF2A: temp.input('Hoxha - 1961 - Letter (scan).pdf', await makePdf([{ scan: true }, { scan: true }])) });
    context = { ...context, env: { APPARATUS_ZOTERO_URL: zotero.url } };
    // No source is added: only the references without text change.
    const sources = () => Object.fromEntries(Object.entries(fingerprint(temp.corpus)).filter(([file]) => file !== 'references.json'));
    const before = sources();
    const outcome = await run('import', 'LE7TER9K');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('its PDF has no text layer (it is a scan, whose words Apparatus cannot read): kept as a reference without text, which can be cited');
    expect(outcome.stdout).toContain('OCRmyPDF');
    expect(outcome.stdout).not.toContain('it has no PDF attachment');
    expect(sources()).toEqual(before);
    const listed = JSON.parse((await refsCommand.run(['list', '--json', '--corpus', temp.corpus], context)).stdout) as { title: string; archive?: string }[];
    expect(listed).toEqual([expect.objectContaining({ title: 'Letter to Nikita Khrushchev', archive: 'Arkivi Qendror i Shtetit (AQSH)' })]);
  }, 60_000);

  it('makes the PDF Zotero opens (the oldest) the source’s text when an item has two, not the one modified last, and says the other stays in Zotero', async () => {
    await zotero.close();
    const main = temp.input('Lalaj - 2020 - Albania, Moscow and the Grain Question.pdf', await article.bytes());
    zotero = await startZoteroServer({ MA3NPDF7: main, SU9PLM3N: temp.input('Lalaj - 2020 - Supplement.pdf', await twoColumns.bytes()) });
    context = { ...context, env: { APPARATUS_ZOTERO_URL: zotero.url } };
    const outcome = await run('import', 'TW2PDF5K');
    expect(outcome.stdout).toContain(
      'TW2PDF5K “Albania, Moscow and the Grain Question”: imported its PDF as the source lalaj-2020.\n' +
        '  Note: it has 2 PDFs: “Full Text PDF”, the one Zotero opens, is the source\'s text; “Supplementary tables” and its annotations stay in Zotero.\n',
    );
    expect(outcome.stdout).toContain('  Imported 1: 1 anchored, 0 moved, 0 orphaned.');
    const source = parseSource(readFileSync(join(temp.corpus, 'lalaj-2020.md'), 'utf8'));
    expect(readingText(source).text).toContain('which still looked to Moscow for grain and credit.');
    expect(zotero.requests.some((r) => r.path.includes('SU9PLM3N'))).toBe(false);
  }, 60_000);

  it('fills the gaps of a source the corpus has already (same title and year) instead of adding the work twice', async () => {
    const before = readFileSync(join(temp.corpus, 'resexcellence-2021.md'), 'utf8');
    expect(parseSource(before).meta.csl.author).toBeUndefined();
    const outcome = await run('import', 'RX5WEB21');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe('RX5WEB21 “Agreement from which Albania withdrew in 1968”: the corpus has it already: resexcellence-2021 (filled author).\n');
    const source = parseSource(readFileSync(join(temp.corpus, 'resexcellence-2021.md'), 'utf8'));
    expect(source.meta.csl.author).toEqual([{ literal: 'Resexcellence Staff' }]);
    // Its Word citations now link to the item in Zotero.
    expect(source.meta.csl['zotero-key']).toBe('RX5WEB21');
    // What the source says already is kept.
    expect(source.meta.csl.title).toBe('Agreement from Which Albania Withdrew in 1968');
    expect(readingText(source).text).toBe(readingText(parseSource(before)).text);
    const listed = await refsCommand.run(['list', '--json', '--corpus', temp.corpus], context);
    expect(JSON.parse(listed.stdout || '[]')).toEqual([]);
  });

  it('imports several items each on its own: one that fails is named on stderr, and the ones before and after it are imported and reported', async () => {
    const outcome = await run('import', 'GR8FTH63', 'P2F8K2LM', 'RX5WEB21');
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe(
      'GR8FTH63 “Albania and the Sino-Soviet Rift”: added as the reference without text griffith-1963.\n  Note: it has no PDF attachment: kept as a reference without text, which can be cited.\n' +
        'RX5WEB21 “Agreement from which Albania withdrew in 1968”: the corpus has it already: resexcellence-2021 (filled author).\n',
    );
    expect(outcome.stderr).toBe('apparatus zotero: P2F8K2LM: The Zotero item “P2F8K2LM” is an attachment, not a work. Import its parent item, X42A7DEB.\n');
    const listed = await refsCommand.run(['list', '--json', '--corpus', temp.corpus], context);
    expect((JSON.parse(listed.stdout) as { id: string }[]).map((item) => item.id)).toEqual(['griffith-1963']);
    // When Zotero goes away, the items not yet read are named.
    zotero.setLocalApi(false);
    const off = await run('import', 'GR8FTH63', 'X42A7DEB', 'RX5WEB21');
    expect(off.code).toBe(1);
    expect(off.stderr).toMatch(/^apparatus zotero: GR8FTH63: Zotero is running, but its local API is turned off.*\napparatus zotero: not imported: X42A7DEB, RX5WEB21\n$/);
  });

  it('refuses an attachment key, naming its parent item', async () => {
    await expect(run('import', 'P2F8K2LM')).rejects.toThrow('The Zotero item “P2F8K2LM” is an attachment, not a work. Import its parent item, X42A7DEB.');
    await expect(run('import', 'NOSUCH22')).rejects.toThrow('Zotero has no item with the key “NOSUCH22” (see apparatus zotero list).');
  });

  it('sends sources’ references to the connector as CSL-JSON, with the headers Zotero asks of other programs', async () => {
    writeFileSync(join(temp.corpus, 'references.json'), JSON.stringify([{ id: 'griffith-1963', type: 'book', title: 'Albania and the Sino-Soviet Rift', issued: { 'date-parts': [[1963]] } }]));
    const outcome = await zoteroCommand.run(['send', 'resexcellence-2021', 'griffith-1963', '--corpus', temp.corpus], context);
    expect(outcome.stdout).toBe('Sent 2 references to Zotero; it saved 1 in the library or collection selected in Zotero.\n');
    const sent = zotero.requests.find((r) => r.path === '/connector/import');
    expect(sent?.method).toBe('POST');
    expect(sent?.headers['x-zotero-connector-api-version']).toBe('3');
    expect(sent?.headers['zotero-allowed-request']).toBe('1');
    const body = JSON.parse(sent?.body ?? '[]') as { id: string; title: string }[];
    expect(body.map((item) => item.id)).toEqual(['resexcellence-2021', 'griffith-1963']);
    expect(body[0]?.title).toBe('Agreement from Which Albania Withdrew in 1968');
    await expect(zoteroCommand.run(['send', 'nothing-here', '--corpus', temp.corpus], context)).rejects.toThrow('There is no source or reference “nothing-here” in the corpus');
  });

  it('tells a read-only library from an error inside Zotero, and another program answering from Zotero saving nothing', async () => {
    const send = () => zoteroCommand.run(['send', 'resexcellence-2021', '--corpus', temp.corpus], context);
    zotero.setConnectorAnswer({ status: 500, type: 'application/json', body: '{"libraryEditable":false}' });
    await expect(send()).rejects.toThrow('Zotero cannot add to the library selected in it (it is read-only): select My Library or one of its collections in Zotero and try again.');
    zotero.setConnectorAnswer({ status: 500, type: 'text/plain', body: 'An error occurred' });
    await expect(send()).rejects.toThrow('Zotero refused the request (500: An error occurred).');
    zotero.setConnectorAnswer({ status: 200, type: 'text/html', body: '<html><body>Welcome</body></html>' });
    await expect(send()).rejects.toThrow(`The program answering at ${zotero.url} is not Zotero's connector (it did not say what it saved), so the references may not have been added. Check that Zotero 7 is running there.`);
    zotero.setConnectorAnswer({ status: 201, type: 'application/json', body: '[]' });
    expect((await send()).stdout).toBe('Sent 1 reference to Zotero; it saved 0 in the library or collection selected in Zotero.\n');
  });

  it('sends a letter as CSL’s personal_communication, a type Zotero’s CSL-JSON import reads (it refuses the whole batch over an unknown one)', async () => {
    const letter = { id: 'hoxha-1961', type: 'letter', title: 'Letter to Nikita Khrushchev', author: [{ family: 'Hoxha', given: 'Enver' }], recipient: [{ family: 'Khrushchev', given: 'Nikita' }], issued: { 'date-parts': [[1961, 3, 15]] }, archive: 'AQSH' };
    writeFileSync(join(temp.corpus, 'references.json'), JSON.stringify([letter]));
    await zoteroCommand.run(['send', 'hoxha-1961', 'resexcellence-2021', '--corpus', temp.corpus], context);
    const body = JSON.parse(zotero.requests.find((r) => r.path === '/connector/import')?.body ?? '[]') as { id: string; type: string }[];
    expect(body.map((item) => [item.id, item.type])).toEqual([['hoxha-1961', 'personal_communication'], ['resexcellence-2021', 'webpage']]);
    expect(body[0]).toEqual({ ...letter, type: 'personal_communication' });
  });
});
