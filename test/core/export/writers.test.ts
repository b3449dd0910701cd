import markdownIt from 'markdown-it';
import markdownItFootnote from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../../core/cite/render.ts';
import { writeCsv } from '../../../core/export/csv.ts';
import { writeDocx } from '../../../core/export/docx.ts';
import { writeHtml } from '../../../core/export/html.ts';
import { ANNO_CONTEXT, writeJsonLd } from '../../../core/export/json-ld.ts';
import { writeMarkdown } from '../../../core/export/markdown.ts';
import { writePlainText } from '../../../core/export/plain-text.ts';
import { textOf } from './corpus-fixture.ts';
import { edemskiy, orphan, sampleExport, wikipedia } from './sample-export.ts';
import { unzipText } from './unzip.ts';

const doc = sampleExport();

/** Every quotation's pieces are slices of the reading text, and each appears in `output`. */
function expectVerbatimQuotations(output: string, normalize: (s: string) => string = (s) => s): void {
  for (const entry of doc.entries) {
    const text = textOf(entry.annotation.sourceId === edemskiy.id ? edemskiy : wikipedia);
    for (const piece of entry.quotation.pieces) {
      if (!entry.quotation.orphaned) expect(text.slice(piece.start, piece.end)).toBe(piece.text);
      for (const paragraph of piece.text.split('\n\n')) expect(normalize(output)).toContain(paragraph);
    }
  }
}

/** Parses RFC 4180 CSV text into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('writeMarkdown', () => {
  const md = writeMarkdown(doc);
  const html = markdownIt().use(markdownItFootnote).render(md);

  it('renders one footnote per highlight with a CommonMark + footnotes parser', () => {
    expect(html.match(/<li id="fn\d+" class="footnote-item">/g)).toHaveLength(doc.entries.length);
    expect(html).toContain('Edemskiy, “Additional Evidence,” 385–86.');
    expect(html).toContain('<em>Balcanica</em> 50 (2019): 380');
  });

  it('keeps each quotation verbatim once the Markdown is read back', () => {
    const paragraphs = [...html.matchAll(/<blockquote>([\s\S]*?)<\/blockquote>/g)].map((m) =>
      m[1]!.replace(/<sup[\s\S]*?<\/sup>/g, '').replace(/<[^>]+>/g, '').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"'),
    );
    expect(paragraphs).toHaveLength(doc.entries.length);
    expectVerbatimQuotations(paragraphs.join('\n').replace(/\s*\n\s*/g, '\n\n'));
  });

  it('includes notes, tags and the bibliography', () => {
    expect(md).toContain('See *Balcanica* for the **full** text');
    expect(md).toContain('Tags: Tirana \\<& co\\>');
    expect(md).toMatch(/## Bibliography\n\nEdemskiy, Andrey\./);
  });
});

describe('writeHtml', () => {
  const html = writeHtml(doc);

  it('lists the footnotes in order with back-links to their references', () => {
    for (const entry of doc.entries) {
      expect(html).toContain(`<a href="#fn${entry.noteIndex}" id="fnref${entry.noteIndex}">`);
      expect(html).toContain(`<li id="fn${entry.noteIndex}" value="${entry.noteIndex}">`);
      expect(html).toContain(`<a href="#fnref${entry.noteIndex}" class="footnote-backref"`);
    }
    expect(html).toContain('<i>Balcanica</i>');
  });

  it('escapes text and notes and has no scripts or raw HTML from the user', () => {
    expect(html).not.toMatch(/<script|<b>context/i);
    expect(html).toContain('&lt;b&gt;context&lt;/b&gt;');
    expect(html).toContain('Tags: Tirana &lt;&amp; co&gt;');
    expect(html).toContain('<em>Balcanica</em>');
  });

  it('keeps each quotation verbatim', () => {
    const unescaped = html.replace(/<[^>]+>/g, '\n').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
    expectVerbatimQuotations(unescaped);
  });
});

describe('writePlainText', () => {
  it('prints quotations, numbered notes and the bibliography', () => {
    const text = writePlainText(doc);
    expectVerbatimQuotations(text);
    expect(text).toContain('\n4. Edemskiy, “Additional Evidence,” 385–86.');
    expect(text).toContain('Quoted as saved');
    expect(text).toMatch(/Bibliography\n-+\nEdemskiy, Andrey\./);
  });
});

describe('writeCsv', () => {
  const rows = parseCsv(writeCsv(doc));

  it('has a header and one row per highlight with its citation and page', () => {
    expect(rows[0]).toEqual(['note_number', 'annotation_id', 'source_id', 'quotation', 'note', 'tags', 'locator', 'citation', 'wording_changed', 'highlighted_as']);
    expect(rows).toHaveLength(doc.entries.length + 1);
    const across = rows.find((r) => r[0] === '4')!;
    expect(across[6]).toBe('385–86');
    expect(across[7]).toMatch(/^Andrey Edemskiy, “Additional Evidence on .*: 385–86, https:/);
    expect(rows.find((r) => r[2] === 'wikipedia-split')![6]).toBe('under “Origins”');
  });

  it('round-trips quotations, notes and tags with commas, quotes and line breaks', () => {
    doc.entries.forEach((entry, i) => {
      expect(rows[i + 1]![3]).toBe(entry.quotation.text);
      expect(rows[i + 1]![4]).toBe(entry.note);
      expect(rows[i + 1]![5]).toBe(entry.tags.join('; '));
    });
    expect(writeCsv(doc).endsWith('\r\n')).toBe(true);
  });

  it('says in wording_changed when a passage is no longer found in the source, not that its wording is unchanged', () => {
    const byId = (id: string) => rows.find((r) => r[1] === id)!;
    expect(byId(orphan.id).slice(8)).toEqual(['no longer found', 'words the source no longer has']);
    expect(byId(doc.entries.find((e) => !e.quotation.orphaned)!.annotation.id).slice(8)).toEqual(['no', '']);
  });

  it('puts an apostrophe before a cell a spreadsheet would run as a formula, and only there', () => {
    const notes = ['=HYPERLINK("https://example.org","click")', '+1', '-1+2', '@SUM(A1:A9)', '\t=1', '\r=1', 'a = 1', '’quoted'];
    const first = doc.entries[0]!;
    const hostile = { ...doc, entries: notes.map((note) => ({ ...first, note, tags: ['-tag'] })) };
    const written = parseCsv(writeCsv(hostile)).slice(1);
    expect(written.map((r) => r[4])).toEqual(["'=HYPERLINK(\"https://example.org\",\"click\")", "'+1", "'-1+2", "'@SUM(A1:A9)", "'\t=1", "'\r=1", 'a = 1', '’quoted']);
    expect(written.map((r) => r[5])).toEqual(notes.map(() => "'-tag"));
  });
});

describe('writeJsonLd', () => {
  const json = JSON.parse(writeJsonLd(doc));

  it('is a W3C Web Annotation collection with quote and position selectors', () => {
    expect(json['@context']).toBe(ANNO_CONTEXT);
    expect(json.type).toBe('AnnotationCollection');
    expect(json.first.items).toHaveLength(doc.entries.length);
    const first = json.first.items[0];
    const annotation = doc.entries[0]!.annotation;
    expect(first).toMatchObject({ id: `urn:uuid:${annotation.id}`, type: 'Annotation', motivation: 'commenting' });
    expect(first.target.selector).toEqual([
      { type: 'TextQuoteSelector', ...annotation.quote },
      { type: 'TextPositionSelector', ...annotation.position },
    ]);
  });

  it('carries the note and each tag as bodies', () => {
    const bodies = json.first.items[0].body;
    expect(bodies).toContainEqual(expect.objectContaining({ purpose: 'commenting', format: 'text/markdown', value: doc.entries[0]!.note }));
    expect(bodies).toContainEqual({ type: 'TextualBody', purpose: 'tagging', value: 'Moscow' });
  });
});

describe('writeDocx', () => {
  it('holds one real Word footnote per highlight with the expected text and italics', async () => {
    const bytes = await writeDocx(doc);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const footnotes = unzipText(bytes, 'word/footnotes.xml');
    const notes = [...footnotes.matchAll(/<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g)];
    expect(notes.map((m) => Number(m[1]))).toEqual(doc.entries.map((e) => e.noteIndex));
    notes.forEach((m, i) => {
      const text = [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
      expect(text.replaceAll('&amp;', '&')).toBe(` ${toPlainText(doc.entries[i]!.citation)}`);
    });
    expect(notes[0]![2]).toMatch(/<w:i\/>[\s\S]*?<w:t[^>]*>Balcanica<\/w:t>/);
    expect(notes[1]![2]).not.toContain('<w:i/>');
  });

  it('references each footnote from the body after its quotation', async () => {
    const body = unzipText(await writeDocx(doc), 'word/document.xml');
    expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(doc.entries.length);
    const text = [...body.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('\n');
    expectVerbatimQuotations(text.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"'), (s) => s.replaceAll('“', '\n'));
    expect(text).toContain(orphan.quote.exact);
  });
});
