import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport } from '../../../core/export/build-export.ts';
import { writeDocx } from '../../../core/export/docx.ts';
import { installed, runTool } from './external-tools.ts';
import { edemskiy, first, second, tags, third, wikipedia } from './sample-export.ts';
import { unzipText } from './unzip.ts';

const folder = mkdtempSync(join(tmpdir(), 'apparatus-docx-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Grouped by tag, so the document has headings as well as quotations and footnotes.
const doc = buildExport({ sources: [edemskiy, wikipedia], annotations: [first, second, third], tags, scope: { kind: 'all' }, order: 'tag' });
const bytes = await writeDocx(doc);

describe('Word footnotes as Word sets them', () => {
  it('set every footnote in the “footnote text” style, smaller than the body, with a space after the number', () => {
    const styles = unzipText(bytes, 'word/styles.xml');
    const size = (id: string) => Number(new RegExp(`w:styleId="${id}"[\\s\\S]*?<w:sz w:val="(\\d+)"/>`).exec(styles)?.[1]);
    const body = Number(/<w:docDefaults>[\s\S]*?<w:sz w:val="(\d+)"\/>/.exec(styles)?.[1]);
    expect(body).toBe(24);
    expect(size('FootnoteText')).toBeLessThan(body);
    const notes = [...unzipText(bytes, 'word/footnotes.xml').matchAll(/<w:footnote w:id="[1-9]\d*">([\s\S]*?)<\/w:footnote>/g)].map((m) => m[1]!);
    expect(notes).toHaveLength(doc.entries.length);
    for (const note of notes) {
      expect(note).toMatch(/^<w:p><w:pPr><w:pStyle w:val="FootnoteText"\/><\/w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteRef\/><\/w:r><w:r><w:t xml:space="preserve"> <\/w:t><\/w:r>/);
    }
  });

  it('keeps every heading with the paragraph after it', () => {
    const body = unzipText(bytes, 'word/document.xml');
    const headings = [...body.matchAll(/<w:p><w:pPr>(<w:pStyle w:val="(?:Title|Heading\d)"\/>[\s\S]*?)<\/w:pPr>/g)].map((m) => m[1]!);
    expect(headings.length).toBe(1 + doc.groups.length + 1);
    for (const heading of headings) expect(heading).toContain('<w:keepNext/>');
  });

  describe.runIf(installed('soffice') && installed('pdftotext'))('opened in LibreOffice', () => {
    const docx = join(folder, 'notes.docx');
    beforeAll(() => writeFileSync(docx, bytes));
    const profile = pathToFileURL(join(folder, 'profile')).href;
    const convert = (to: string) => runTool('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', folder, docx]);

    it('prints the footnotes smaller than the quotations', () => {
      convert('pdf');
      runTool('pdftotext', ['-bbox', join(folder, 'notes.pdf'), join(folder, 'words.html')]);
      const words = [...readFileSync(join(folder, 'words.html'), 'utf8').matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({ text: m[3]!, height: Number(m[2]) - Number(m[1]) }),
      );
      const heights = (test: (text: string) => boolean) => words.filter((w) => test(w.text)).map((w) => w.height);
      // Words only the footnotes print (the DOI) against words only the quotations print.
      const notes = heights((text) => text.includes('BALC1950375E'));
      const quoted = first.quote.exact.split(/\s+/).filter((w) => w.length > 6 && !doc.entries.some((e) => e.note.includes(w)));
      const body = heights((text) => quoted.includes(text));
      expect(notes.length).toBeGreaterThan(0);
      expect(body.length).toBeGreaterThan(0);
      expect(Math.max(...notes)).toBeLessThan(Math.min(...body));
      // LibreOffice takes seconds to start, more on a loaded machine than Vitest's 5 s default.
    }, 120_000);

    it('reads the footnote style and the headings’ keep-with-next as Word would', () => {
      convert('fodt');
      const fodt = readFileSync(join(folder, 'notes.fodt'), 'utf8');
      const style = (name: string) => new RegExp(`<style:style style:name="${name}"[^>]*>[\\s\\S]*?</style:style>`).exec(fodt)?.[0] ?? '';
      expect(style('Footnote')).toMatch(/fo:font-size="10pt"/);
      expect(style('Heading_20_1')).toContain('fo:keep-with-next="always"');
    }, 120_000);
  });
});
