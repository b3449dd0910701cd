import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CslItem } from '../../../core/corpus/model.ts';
import { apparatus } from '../../support/cli-process.ts';
import { fingerprint } from '../import/temp-corpus.ts';
import { carried, expectedAfterRoundTrip, type ReferenceFormat } from '../../support/reference-formats.ts';

// As a historian does it, with the command in its own process: export the corpus's references,
// import the file into a corpus that has none of them, and list what it now holds.
const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'apparatus-refs-roundtrip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exported = apparatus(['export', '--format', 'csl-json', '--out', 'original.json', '--corpus', CORPUS, '--project', join(dir, 'project')], dir);
const originals = JSON.parse(readFileSync(join(dir, 'original.json'), 'utf8')) as CslItem[];

describe('apparatus export, then apparatus refs import, gives the same metadata', () => {
  it('exported every source of the corpus', () => {
    expect(exported).toMatchObject({ status: 0, stderr: '' });
    expect(originals.map((item) => item.id)).toEqual(['edemskiy-2019', 'memorie-kapo', 'pilaca-nako-2021', 'resexcellence-2021', 'wikipedia-split']);
  });

  for (const [format, file] of [['csl-json', 'refs.json'], ['bibtex', 'refs.bib'], ['ris', 'refs.ris']] as [ReferenceFormat, string][]) {
    it(`through ${format}: into an empty corpus as references without text, and onto the corpus itself as nothing to change`, () => {
      expect(apparatus(['export', '--format', format, '--out', file, '--corpus', CORPUS, '--project', join(dir, 'project')], dir).status).toBe(0);
      const empty = join(dir, `empty-${format}`);
      mkdirSync(empty);
      const imported = apparatus(['refs', 'import', file, '--yes', '--corpus', empty], dir);
      expect(imported).toMatchObject({ status: 0, stderr: '' });
      expect(imported.stdout).toContain('Done: added 5 references without text.\n');
      expect(imported.stdout).not.toContain('Skipped');
      const listed = apparatus(['refs', 'list', '--json', '--corpus', empty], dir);
      expect(listed.status).toBe(0);
      const back = JSON.parse(listed.stdout) as CslItem[];
      expect(back.map((item) => item.id)).toEqual(originals.map((item) => item.id));
      for (const original of originals) expect(carried(back.find((item) => item.id === original.id) as CslItem, format)).toEqual(expectedAfterRoundTrip(original, format));

      const before = fingerprint(CORPUS);
      const onto = apparatus(['refs', 'import', file, '--dry-run', '--corpus', CORPUS], dir);
      expect(onto.status).toBe(0);
      expect(onto.stdout).toContain('Matches 5 sources that already have everything the file gives:\n');
      expect(onto.stdout).toMatch(/Nothing to change\.\n$/);
      expect(fingerprint(CORPUS)).toEqual(before);
    }, 180_000);
  }
});
