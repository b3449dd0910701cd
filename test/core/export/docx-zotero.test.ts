import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { toPlainText } from '../../../core/cite/render.ts';
import { writeDocx } from '../../../core/export/docx.ts';
import { CSL_CITATION_SCHEMA } from '../../../core/export/zotero-fields.ts';
import { installed, runTool } from './external-tools.ts';
import { sampleExport } from './sample-export.ts';
import { unzipText } from './unzip.ts';

const doc = sampleExport();
const bytes = await writeDocx(doc, { zoteroFields: true });
const folder = mkdtempSync(join(tmpdir(), 'apparatus-docx-zotero-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The field characters, instructions and shown text of some WordprocessingML, in document order. */
function fieldTokens(xml: string): { kind: 'begin' | 'separate' | 'end' | 'instr' | 'text'; value: string }[] {
  return [...xml.matchAll(/<w:fldChar w:fldCharType="(begin|separate|end)"(?:\/>|><\/w:fldChar>)|<w:instrText[^>]*>([^<]*)<\/w:instrText>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    m[1] ? { kind: m[1] as 'begin', value: '' } : m[2] !== undefined ? { kind: 'instr' as const, value: unescapeXml(m[2]) } : { kind: 'text' as const, value: unescapeXml(m[3] ?? '') },
  );
}

/** Each complete field: its instruction and the text it shows; throws unless begin/separate/end nest. */
function fields(xml: string): { instruction: string; shown: string }[] {
  const out: { instruction: string; shown: string }[] = [];
  const stack: { instruction: string; shown: string; separated: boolean }[] = [];
  for (const token of fieldTokens(xml)) {
    const top = stack.at(-1);
    if (token.kind === 'begin') stack.push({ instruction: '', shown: '', separated: false });
    else if (token.kind === 'instr') {
      if (!top || top.separated) throw new Error('instruction outside a field’s code');
      top.instruction += token.value;
    } else if (token.kind === 'separate') {
      if (!top || top.separated) throw new Error('separate without begin');
      top.separated = true;
    } else if (token.kind === 'end') {
      if (!top || !top.separated) throw new Error('end without begin and separate');
      stack.pop();
      out.push({ instruction: top.instruction, shown: top.shown });
    } else if (top?.separated) top.shown += token.value;
  }
  if (stack.length > 0) throw new Error('a field is never ended');
  return out;
}

describe('DOCX with Zotero citation fields', () => {
  const footnotes = unzipText(bytes, 'word/footnotes.xml');
  const notes = [...footnotes.matchAll(/<w:footnote w:id="([1-9]\d*)">([\s\S]*?)<\/w:footnote>/g)].map((m) => ({ id: Number(m[1]), xml: m[2] as string }));

  it('makes every footnote one complete Zotero citation field whose JSON has the shape Zotero writes', () => {
    expect(notes).toHaveLength(doc.entries.length);
    for (const note of notes) {
      const entry = doc.entries.find((e) => e.noteIndex === note.id);
      const [field, ...more] = fields(note.xml);
      expect(more).toEqual([]);
      const m = /^ ADDIN ZOTERO_ITEM CSL_CITATION (\{.*\}) $/s.exec(field?.instruction ?? '');
      expect(m).not.toBeNull();
      const json = JSON.parse(m?.[1] ?? '');
      expect(Object.keys(json).sort()).toEqual(['citationID', 'citationItems', 'properties', 'schema']);
      expect(json.citationID).toMatch(/^[23456789A-Z]{8}$/);
      expect(json.schema).toBe(CSL_CITATION_SCHEMA);
      expect(json.properties.noteIndex).toBe(note.id);
      expect(json.properties.plainCitation).toBe(toPlainText(entry?.citation ?? []));
      expect(json.properties.formattedCitation).toMatch(/^\{\\rtf .*\}$/);
      // Until Zotero refreshes it, the field shows our Chicago text, which is its plainCitation.
      expect(field?.shown).toBe(json.properties.plainCitation);
      expect(json.citationItems).toHaveLength(1);
      const [item] = json.citationItems;
      expect(typeof item.id).toBe('number');
      expect(item.uris).toEqual([expect.stringMatching(/^http:\/\/zotero\.org\/users\/local\/[23456789A-Z]{8}\/items\/[23456789A-Z]{8}$/)]);
      expect(item.itemData).toMatchObject({ id: item.id, type: entry?.item.type, title: entry?.item.title });
      // Zotero's labels are CSL's: a section heading ("under “Origins”") is the nearest it has.
      if (entry?.locator) expect(item).toMatchObject({ locator: entry.locator.locator, label: entry.locator.label === 'under' ? 'section' : entry.locator.label });
    }
  });

  it('cites the same source with the same item id and URI in every note, and a page as Zotero labels it', () => {
    const items = notes.map((note) => JSON.parse(/CSL_CITATION (\{.*\}) $/s.exec(fields(note.xml)[0]?.instruction ?? '')?.[1] ?? '{}').citationItems[0]);
    const bySource = new Map<string, Set<string>>();
    doc.entries.forEach((entry, i) => bySource.set(entry.item.id, (bySource.get(entry.item.id) ?? new Set()).add(JSON.stringify([items[i].id, items[i].uris]))));
    for (const ids of bySource.values()) expect(ids.size).toBe(1);
    expect(items.some((item) => item.label === 'page' && /^\d/.test(item.locator))).toBe(true);
  });

  it('wraps the bibliography in one ZOTERO_BIBL field showing our entries, and names the Chicago notes style with footnotes', () => {
    const body = unzipText(bytes, 'word/document.xml');
    const all = fields(body);
    expect(all).toHaveLength(1);
    expect(all[0]?.instruction).toBe(' ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY ');
    expect(all[0]?.shown).toBe(doc.bibliography.map((entry) => toPlainText(entry.rich)).join(''));
    const custom = unzipText(bytes, 'docProps/custom.xml');
    const pieces = [...custom.matchAll(/name="ZOTERO_PREF_(\d+)"><vt:lpwstr>([^<]*)<\/vt:lpwstr>/g)];
    expect(pieces.map((m) => Number(m[1]))).toEqual(pieces.map((_m, i) => i + 1));
    for (const piece of pieces) expect(unescapeXml(piece[2] ?? '').length).toBeLessThanOrEqual(255);
    const prefs = pieces.map((m) => unescapeXml(m[2] ?? '')).join('');
    expect(prefs).toMatch(/^<data data-version="3"><session id="[23456789A-Z]{8}"\/><style id="http:\/\/www\.zotero\.org\/styles\/chicago-notes-bibliography" hasBibliography="1" bibliographyStyleHasBeenSet="1"\/><prefs><pref name="fieldType" value="Field"\/><pref name="noteType" value="1"\/><\/prefs><\/data>$/);
  });

  it('names the 17th edition’s Zotero style for a document written to CMOS 17, so that refreshing it in Word keeps its edition', async () => {
    const styleOf = async (style: typeof doc.style) => {
      const custom = unzipText(await writeDocx({ ...doc, style }, { zoteroFields: true }), 'docProps/custom.xml');
      const prefs = [...custom.matchAll(/name="ZOTERO_PREF_\d+"><vt:lpwstr>([^<]*)<\/vt:lpwstr>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');
      return /<style id="([^"]+)"/.exec(prefs)?.[1];
    };
    expect(await styleOf('cmos17')).toBe('http://www.zotero.org/styles/chicago-notes-bibliography-17th-edition');
    expect(await styleOf('cmos17-ibid')).toBe('http://www.zotero.org/styles/chicago-notes-bibliography-17th-edition');
    expect(await styleOf('cmos18')).toBe('http://www.zotero.org/styles/chicago-notes-bibliography');
    expect(await styleOf('cmos18-ibid')).toBe('http://www.zotero.org/styles/chicago-notes-bibliography');
  });

  it('writes plain footnotes, without fields or Zotero properties, when not asked', async () => {
    const plain = await writeDocx(doc);
    expect(unzipText(plain, 'word/footnotes.xml')).not.toContain('fldChar');
    expect(unzipText(plain, 'word/document.xml')).not.toContain('fldChar');
    expect(unzipText(plain, 'docProps/custom.xml')).not.toContain('ZOTERO_PREF');
  });

  it.runIf(installed('soffice') && installed('pdftotext'))('opens in LibreOffice, which prints our citations', () => {
    const docx = join(folder, 'zotero.docx');
    writeFileSync(docx, bytes);
    const profile = pathToFileURL(join(folder, 'profile')).href;
    runTool('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, docx]);
    runTool('pdftotext', [join(folder, 'zotero.pdf'), join(folder, 'zotero.txt')]);
    const printed = readFileSync(join(folder, 'zotero.txt'), 'utf8').replace(/\s+/g, ' ');
    expect(printed).toContain('Edemskiy, “Additional Evidence');
    expect(printed).toContain('Bibliography');
    expect(printed).not.toContain('ADDIN');
  }, 120_000);

  // Zotero's plugins find a citation by its field code: LibreOffice must read each one as a field,
  // not as text, and a document saved again in LibreOffice must still hold them for Word's plugin.
  it.runIf(installed('soffice'))('is read by LibreOffice as Word fields with our codes, which it keeps when it saves the document again', () => {
    const docx = join(folder, 'fields.docx');
    writeFileSync(docx, bytes);
    const profile = pathToFileURL(join(folder, 'profile')).href;
    runTool('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'odt', '--outdir', folder, docx]);
    const content = unzipText(readFileSync(join(folder, 'fields.odt')), 'content.xml');
    const codes = [...content.matchAll(/<field:fieldmark-start [^>]*>\s*<field:param field:name="vnd\.oasis\.opendocument\.field\.code" field:value="([^"]*)"/g)].map((m) => unescapeXml(m[1] ?? ''));
    const ours = [...fields(unzipText(bytes, 'word/footnotes.xml')), ...fields(unzipText(bytes, 'word/document.xml'))].map((f) => f.instruction.trim());
    expect(codes).toEqual(ours);
    expect(codes.filter((code) => code.startsWith('ADDIN ZOTERO_ITEM CSL_CITATION {'))).toHaveLength(doc.entries.length);

    mkdirSync(join(folder, 'again'), { recursive: true });
    runTool('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(folder, 'again'), docx]);
    const again = readFileSync(join(folder, 'again', 'fields.docx'));
    const trimmed = (list: { instruction: string; shown: string }[]) => list.map((f) => ({ instruction: f.instruction.trim(), shown: f.shown }));
    expect(trimmed(fields(unzipText(again, 'word/footnotes.xml')))).toEqual(trimmed(fields(unzipText(bytes, 'word/footnotes.xml'))));
    expect(trimmed(fields(unzipText(again, 'word/document.xml')))).toEqual(trimmed(fields(unzipText(bytes, 'word/document.xml'))));
    const prefs = (docxBytes: Uint8Array) => [...unzipText(docxBytes, 'docProps/custom.xml').matchAll(/name="(ZOTERO_PREF_\d+)"><vt:lpwstr>([^<]*)</g)].map((m) => [m[1], m[2]]);
    expect(prefs(again)).toEqual(prefs(bytes));
  }, 240_000);
});
