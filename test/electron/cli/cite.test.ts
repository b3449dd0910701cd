import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citeCommand } from '../../../electron/cli/cite.ts';
import type { CliContext } from '../../../electron/cli/command.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const items = JSON.parse(readFileSync(join(root, 'test/fixtures/export/edemskiy2019.json'), 'utf8'));

let dir: string;
let context: CliContext;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'apparatus-cite-'));
  context = { env: {}, cwd: dir, platform: 'linux' };
  writeFileSync(join(dir, 'items.json'), JSON.stringify(items));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cite(clusters: unknown, style?: string) {
  writeFileSync(join(dir, 'clusters.json'), JSON.stringify(clusters));
  const extra = style ? ['--style', style] : [];
  const outcome = await citeCommand.run(['--items', 'items.json', '--clusters', 'clusters.json', ...extra], context);
  expect(outcome.code).toBe(0);
  return JSON.parse(outcome.stdout);
}

/** Runs the command so that a thrown error becomes a rejection, as cli.ts awaits it. */
const attempt = (args: string[]) => Promise.resolve().then(() => citeCommand.run(args, context));

const at = (locator?: string) => ({ items: [{ id: 'edemskiy2019', ...(locator ? { locator } : {}) }] });

describe('apparatus cite', () => {
  it('formats the worked example of the journal article (docs/citation-rules.md §4) in cmos18', async () => {
    const result = await cite([at('380'), at('380'), at('385-387')]);
    expect(result.notes.map((n: { text: string }) => n.text)).toEqual([
      'Andrey Edemskiy, “Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961,” Balcanica 50 (2019): 380, https://doi.org/10.2298/BALC1950375E.',
      'Edemskiy, “Additional Evidence,” 380.',
      'Edemskiy, “Additional Evidence,” 385–87.',
    ]);
    expect(result.notes[0].html).toContain('<i>Balcanica</i> 50 (2019): 380');
    expect(result.bibliography.entries).toEqual([
      {
        id: 'edemskiy2019',
        text: 'Edemskiy, Andrey. “Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961.” Balcanica 50 (2019): 375–96. https://doi.org/10.2298/BALC1950375E.',
        html: 'Edemskiy, Andrey. “Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961.” <i>Balcanica</i> 50 (2019): 375–96. https://doi.org/10.2298/BALC1950375E.',
      },
    ]);
  });

  it('cites a letter from Zotero’s CSL-JSON, whose type is CSL’s personal_communication, as the archival document it is', async () => {
    const letter = {
      id: 'http://zotero.org/users/local/AbCdEfGh/items/LETTER01',
      type: 'personal_communication',
      title: 'Letter to Nikita Khrushchev',
      author: [{ family: 'Hoxha', given: 'Enver' }],
      recipient: [{ family: 'Khrushchev', given: 'Nikita' }],
      issued: { 'date-parts': [[1961, 3, 15]] },
      archive: 'AQSH',
      archive_location: 'F. 14/AP, D. 3',
    };
    writeFileSync(join(dir, 'items.json'), JSON.stringify([letter]));
    const result = await cite([{ items: [{ id: letter.id }] }]);
    expect(result.notes[0].text).toBe('Enver Hoxha, “Letter to Nikita Khrushchev,” March 15, 1961, F. 14/AP, D. 3, AQSH.');
  });

  it('writes Ibid. in cmos17-ibid and author + page in cmos17', async () => {
    const ibid = await cite([at('380'), at('380'), at('385-387')], 'cmos17-ibid');
    expect(ibid.notes.slice(1).map((n: { text: string }) => n.text)).toEqual(['Ibid.', 'Ibid., 385–87.']);
    const plain = await cite([at('380'), at('385-387')], 'cmos17');
    expect(plain.notes[1].text).toBe('Edemskiy, 385–87.');
  });

  it('treats a gap in the note numbers as a note without a citation, which breaks Ibid.', async () => {
    const result = await cite([{ ...at('380'), noteIndex: 1 }, { ...at('380'), noteIndex: 3 }], 'cmos18-ibid');
    expect(result.notes.map((n: { noteIndex: number }) => n.noteIndex)).toEqual([1, 3]);
    expect(result.notes[1].text).toBe('Edemskiy, “Additional Evidence,” 380.');
  });

  it('cites one corpus source with --source and --locator', async () => {
    const outcome = await citeCommand.run(['--source', 'edemskiy-2019', '--locator', '385-387', '--corpus', join(root, 'corpus')], context);
    const result = JSON.parse(outcome.stdout);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0].text).toMatch(/^Andrey Edemskiy, “Additional Evidence on .*: 385–87, https:/);
  });

  it('cites the translation memorie-kapo with --source, pointing at the article it translates', async () => {
    const corpus = ['--corpus', join(root, 'corpus')];
    const outcome = await citeCommand.run(['--source', 'memorie-kapo', '--locator', '4', '--label', 'paragraph', ...corpus], context);
    const result = JSON.parse(outcome.stdout);
    // The translation renders pp. 375–80 of the original only; its access date stands before the URL.
    const original = '“Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961,” Balcanica 50 (2019): 375–80';
    expect(result.notes[0].text).toMatch(/^Andrey Edemskiy, “‘Hysni Kapo, .*, para\. 4, accessed December 3, 2025, https:\/\/memorie\.al\/\S+, originally published as /);
    expect(result.notes[0].text.endsWith(`, originally published as ${original}.`)).toBe(true);
    expect(result.bibliography.entries.map((e: { id: string }) => e.id)).toEqual(['memorie-kapo']);
    expect(result.bibliography.entries[0].html).toMatch(/ Originally published as “Additional Evidence .*” <i>Balcanica<\/i> 50 \(2019\): 375–80\.$/);
    const paraphrase = JSON.parse((await citeCommand.run(['--source', 'resexcellence-2021', ...corpus], context)).stdout);
    expect(paraphrase.notes[0].text).not.toContain('originally published');
  });

  it('refuses an unknown style, a missing file and mixed forms with a clear message', async () => {
    writeFileSync(join(dir, 'clusters.json'), JSON.stringify([at('1')]));
    await expect(attempt(['--items', 'items.json', '--clusters', 'clusters.json', '--style', 'apa'])).rejects.toMatchObject({
      code: 'unknown-style',
    });
    await expect(attempt(['--items', 'nope.json', '--clusters', 'clusters.json'])).rejects.toThrow('The items file cannot be read');
    await expect(attempt(['--source', 'x', '--items', 'items.json'])).rejects.toThrow('not both');
  });
});
