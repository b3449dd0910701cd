import { describe, expect, it } from 'vitest';
import { buildExport } from '../../../core/export/build-export.ts';
import { writeDocx } from '../../../core/export/docx.ts';
import { writeHtml } from '../../../core/export/html.ts';
import { writeMarkdown } from '../../../core/export/markdown.ts';
import { writePlainText } from '../../../core/export/plain-text.ts';
import { corpusSource, highlight, offsetOf } from './corpus-fixture.ts';
import { installed, pandocHtml } from './external-tools.ts';
import { unzipText } from './unzip.ts';

const edemskiy = corpusSource('edemskiy-2019');
const kapo = corpusSource('memorie-kapo');

const detenteAt = offsetOf(edemskiy, 'in his course towards achieving détente');
const detente = highlight(edemskiy, detenteAt, detenteAt + 'in his course towards achieving détente with the United States'.length);
const mikoyanAt = offsetOf(kapo, 'Mikoyan added that');
const mikoyan = highlight(kapo, mikoyanAt, mikoyanAt + 'Mikoyan added that “Hoxha speaks worse than Macmillan.”'.length);
const doc = buildExport({ sources: [edemskiy, kapo], annotations: [detente, mikoyan], tags: [], scope: { kind: 'all' }, order: 'reading' });

/** The runs of the DOCX body's paragraph holding `words`: [text, italic] pairs. */
function docxRuns(xml: string, words: string): [string, boolean][] {
  const paragraph = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!).find((p) => p.includes(words)) ?? '';
  return [...paragraph.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].flatMap((r) => {
    const text = /<w:t[^>]*>([^<]*)<\/w:t>/.exec(r[1]!)?.[1];
    return text === undefined ? [] : [[text, r[1]!.includes('<w:i/>')] as [string, boolean]];
  });
}

describe('a quotation keeps the source’s italics', () => {
  it('in the DOCX body', async () => {
    const runs = docxRuns(unzipText(await writeDocx(doc), 'word/document.xml'), 'towards achieving');
    expect(runs).toContainEqual(['détente', true]);
    expect(runs.filter(([, italic]) => italic).map(([text]) => text)).toEqual(['détente']);
  });

  it('in HTML', () => {
    expect(writeHtml(doc)).toContain('in his course towards achieving <i>détente</i> with the United States');
  });

  it.runIf(installed('pandoc'))('in Markdown, as pandoc reads it', () => {
    const markdown = writeMarkdown(doc);
    expect(markdown).toContain('achieving *détente* with');
    expect(pandocHtml(markdown)).toMatch(/in his course towards achieving <em>détente<\/em> with the United States/);
  });
});

describe('a quotation within a quotation', () => {
  it('takes single marks inside the double marks of the DOCX and plain-text quotation', async () => {
    const nested = '“Mikoyan added that ‘Hoxha speaks worse than Macmillan.’”';
    const body = docxRuns(unzipText(await writeDocx(doc), 'word/document.xml'), 'Mikoyan').map(([text]) => text).join('');
    expect(body).toBe(nested);
    expect(writePlainText(doc)).toContain(`${nested} [2]`);
  });

  it.runIf(installed('pandoc'))('keeps its double marks in a Markdown block quotation, which has no marks of its own', () => {
    const html = pandocHtml(writeMarkdown(doc));
    expect(html).toMatch(/<blockquote>\s*<p>Mikoyan added that “Hoxha speaks worse than Macmillan\.”<a href="#fn2"/);
  });
});
