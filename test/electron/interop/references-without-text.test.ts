import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CslItem } from '../../../core/corpus/model.ts';
import { citeCommand } from '../../../electron/cli/cite.ts';
import { CitationService, type Citation } from '../../../electron/services/citation-service.ts';
import { CorpusService } from '../../../electron/services/corpus-service.ts';
import { Emitter, type ServiceEvents } from '../../../electron/services/events.ts';
import { tempCorpus } from '../../support/reading.ts';

const GRIFFITH: CslItem = {
  id: 'griffith1963',
  type: 'book',
  title: 'Albania and the Sino-Soviet Rift',
  author: [{ family: 'Griffith', given: 'William E.' }],
  publisher: 'MIT Press',
  'publisher-place': 'Cambridge, MA',
  issued: { 'date-parts': [[1963]] },
};
const HALLIDAY: CslItem = { id: 'halliday1986', type: 'book', title: 'The Artful Albanian', author: [{ family: 'Halliday', given: 'Jon' }], issued: { 'date-parts': [[1986]] } };

describe('references without text: cited, edited and removed through the services', () => {
  let corpus: ReturnType<typeof tempCorpus>;
  let events: Emitter<ServiceEvents>;
  let service: CorpusService;
  let citations: CitationService;
  let clipboard: Citation[];
  let announced: number;

  beforeEach(() => {
    corpus = tempCorpus('apparatus-references-');
    events = new Emitter<ServiceEvents>();
    announced = 0;
    events.on('references.changed', () => announced++);
    service = new CorpusService(corpus.folder, events);
    clipboard = [];
    citations = new CitationService(service, () => undefined, (citation) => clipboard.push(citation));
    service.saveReferences([GRIFFITH, HALLIDAY]);
  });
  afterEach(() => {
    service.close();
    corpus.remove();
  });

  // What `apparatus cite --source ID` prints for the same work: the command line's own path.
  async function cliCite(id: string): Promise<{ notes: { text: string; html: string }[]; bibliography: { entries: { text: string }[] } }> {
    const outcome = await citeCommand.run(['--source', id, '--corpus', corpus.folder], { env: {}, cwd: corpus.folder, platform: 'linux' });
    expect(outcome.code).toBe(0);
    return JSON.parse(outcome.stdout);
  }

  it('announces every save of the list', () => {
    expect(announced).toBe(1);
  });

  it('copies a reference’s full note, short note and bibliography entry, the full note as `apparatus cite --source` gives it', async () => {
    const note = citations.copyWork('griffith1963', { form: 'note', style: 'cmos18' });
    const short = citations.copyWork('griffith1963', { form: 'short', style: 'cmos18' });
    const entry = citations.copyWork('griffith1963', { form: 'bibliography', style: 'cmos18' });
    expect(note.text).toBe('William E. Griffith, Albania and the Sino-Soviet Rift (MIT Press, 1963).');
    expect(note.html).toBe('William E. Griffith, <i>Albania and the Sino-Soviet Rift</i> (MIT Press, 1963).');
    // A shortened note keeps a title of five words whole when a cut would end inside its last phrase.
    expect(short.text).toBe('Griffith, Albania and the Sino-Soviet Rift.');
    expect(entry.text).toBe('Griffith, William E. Albania and the Sino-Soviet Rift. MIT Press, 1963.');
    expect(clipboard).toEqual([note, short, entry]);
    const cli = await cliCite('griffith1963');
    expect(cli.notes[0]!.text).toBe(note.text);
    expect(cli.bibliography.entries[0]!.text).toBe(entry.text);
  });

  it('follows the style asked for: CMOS 17 names the place of publication', () => {
    expect(citations.copyWork('griffith1963', { form: 'note', style: 'cmos17' }).text).toBe('William E. Griffith, Albania and the Sino-Soviet Rift (Cambridge, MA: MIT Press, 1963).');
  });

  it('cites a source of the corpus by the same call, and refuses an id that names neither', async () => {
    const note = citations.copyWork('edemskiy-2019', { form: 'note', style: 'cmos18' });
    expect(note.text).toBe((await cliCite('edemskiy-2019')).notes[0]!.text);
    expect(() => citations.copyWork('nobody-1900', { form: 'note', style: 'cmos18' })).toThrow(expect.objectContaining({ kind: 'not-found' }));
    expect(clipboard).toEqual([note]);
  });

  it('removes a reference, keeping the others, and says when there is none of that id', () => {
    expect(service.removeReference('griffith1963')).toEqual(GRIFFITH);
    expect(service.references()).toEqual([HALLIDAY]);
    expect(JSON.parse(readFileSync(join(corpus.folder, 'references.json'), 'utf8'))).toEqual([HALLIDAY]);
    expect(announced).toBe(2);
    expect(() => service.removeReference('griffith1963')).toThrow(expect.objectContaining({ kind: 'not-found', message: expect.stringContaining('griffith1963') }));
    expect(announced).toBe(2);
  });

  it('edits a reference’s details as a source’s are edited, refusing a bad date without writing', () => {
    const saved = service.updateReference('halliday1986', { title: 'The Artful Albanian: Memoirs of Enver Hoxha', issued: '1986-05', publisher: 'Chatto & Windus' });
    expect(saved).toMatchObject({ id: 'halliday1986', title: 'The Artful Albanian: Memoirs of Enver Hoxha', issued: { 'date-parts': [[1986, 5]] }, publisher: 'Chatto & Windus' });
    expect(service.references()[1]).toEqual(saved);
    const before = readFileSync(join(corpus.folder, 'references.json'), 'utf8');
    expect(() => service.updateReference('halliday1986', { issued: 'last spring' })).toThrow(expect.objectContaining({ code: 'invalid-metadata' }));
    expect(readFileSync(join(corpus.folder, 'references.json'), 'utf8')).toBe(before);
    expect(() => service.updateReference('nobody-1900', { title: 'X' })).toThrow(expect.objectContaining({ kind: 'not-found' }));
  });

  it('announces a list another program writes, once the folder is watched, but not its own writes twice', async () => {
    service.watch(() => {});
    // Let the watcher take its first look.
    await new Promise((resolve) => setTimeout(resolve, 300));
    service.removeReference('halliday1986');
    expect(announced).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(announced).toBe(2);
    writeFileSync(join(corpus.folder, 'references.json'), JSON.stringify([GRIFFITH, HALLIDAY]));
    await expect.poll(() => announced, { timeout: 5000 }).toBe(3);
    expect(service.references().map((item) => item.id)).toEqual(['griffith1963', 'halliday1986']);
  });
});
