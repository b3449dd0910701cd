import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../../core/export/build-export.ts';
import { writeDocx } from '../../../core/export/docx.ts';
import { writeHtml } from '../../../core/export/html.ts';
import { writeMarkdown } from '../../../core/export/markdown.ts';
import { writePlainText } from '../../../core/export/plain-text.ts';
import { provenanceNotes } from '../../../core/export/provenance-note.ts';
import { corpusSource, highlight, offsetOf, textOf } from './corpus-fixture.ts';
import { unzipText } from './unzip.ts';

const paraphrase = corpusSource('resexcellence-2021');
const wikipedia = corpusSource('wikipedia-split');
const pilaca = corpusSource('pilaca-nako-2021');

/** A highlight of `words` and `around` characters on either side. */
function over(source: typeof pilaca, words: string, around = 20) {
  const at = offsetOf(source, words);
  return highlight(source, Math.max(0, at - around), at + words.length + around);
}

describe('notes on the words of a quotation', () => {
  it('says that a quotation from a paraphrase is not the original’s wording', () => {
    const annotation = over(paraphrase, 'his pro-Soviet sympathies');
    expect(provenanceNotes(paraphrase, textOf(paraphrase), annotation, 'Soviet–Albanian split')).toEqual([
      'Quoted from a machine paraphrase of parts of “Soviet–Albanian split”, not from the original text.',
    ]);
  });

  it('names the correction made in the quoted passage, and none elsewhere', () => {
    const corrected = over(pilaca, 'Koço Tashko');
    expect(provenanceNotes(pilaca, textOf(pilaca), corrected, null)).toEqual([
      'The source’s text was corrected here in cleaning: “Kogo Tashko” became “Koço Tashko” (OCR slip: g for ç in the name Koço Tashko).',
    ]);
    const untouched = over(pilaca, 'Following such a situation');
    expect(provenanceNotes(pilaca, textOf(pilaca), untouched, null)).toEqual([]);
  });

  it('finds a correction the cleaner respaced, and shows a lost passage as a gap', () => {
    const dash = over(wikipedia, 'Soviet–Albanian split refers', 0);
    expect(provenanceNotes(wikipedia, textOf(wikipedia), dash, null)).toContain(
      'The source’s text was corrected here in cleaning: “Soviet ? Albanian” became “Soviet – Albanian” (Lost en dash printed as “?”: en dash joining the two nations (Soviet–Albanian)).',
    );
    const lost = over(pilaca, 'It was on July', 30);
    expect(provenanceNotes(pilaca, textOf(pilaca), lost, null).join('\n')).toContain('became “It was on July […], during”');
  });

  it('prints the notes under the quotation in every document format', async () => {
    const doc = buildExport({
      sources: [paraphrase, wikipedia, pilaca],
      annotations: [over(paraphrase, 'his pro-Soviet sympathies'), over(pilaca, 'Koço Tashko')],
      tags: [],
      scope: { kind: 'all' },
      order: 'reading',
    });
    const paraphraseNote = 'Quoted from a machine paraphrase of parts of “Soviet–Albanian split”, not from the original text.';
    expect(doc.entries.map((entry) => entry.provenance.length)).toEqual([1, 1]);

    // Markdown, as a Markdown reader renders it: an emphasised paragraph of its own.
    const html = markdownIt().render(writeMarkdown(doc));
    expect(html).toContain(`<p><em>${paraphraseNote}</em></p>`);
    expect(html).toContain('<p><em>The source’s text was corrected here in cleaning: “Kogo Tashko” became “Koço Tashko”');

    expect(writeHtml(doc)).toContain(`<p class="provenance"><em>${paraphraseNote}</em></p>`);
    expect(writePlainText(doc)).toContain(`(${paraphraseNote})`);

    const body = unzipText(await writeDocx(doc), 'word/document.xml');
    const italicRuns = [...body.matchAll(/<w:r>\s*<w:rPr>\s*<w:i\/>[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(italicRuns).toContain(paraphraseNote);
  });
});
