/**
 * The DOCX writer, with the `docx` library: real Word footnotes (one per highlight, referenced from
 * the end of its quotation) set as Word sets them (the "footnote text" style, smaller than the
 * body, and a space after the number), whose runs keep the citation's italics; each quotation with
 * the source's italics and its own quotations in single marks; the note and tags under each
 * quotation; headings kept with what follows them; the bibliography at the end. Packing yields
 * bytes without Node's Buffer.
 */
import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import type { Rich } from '../cite/rich.ts';
import { fieldEnd, fieldStart } from './docx-fields.ts';
import type { ExportDocument, ExportEntry } from './export-document.ts';
import { quotationMark, tagLine } from './labels.ts';
import { noteParagraphs } from './note-markdown.ts';
import { nestedQuotes, quotationParagraphs } from './quotation-layout.ts';
import { BIBLIOGRAPHY_INSTRUCTION, citationInstruction, documentPreferences } from './zotero-fields.ts';

/** How the Word document is written. */
export interface DocxOptions {
  /**
   * Write each footnote's citation and the bibliography as Zotero fields (with the document's
   * Zotero preferences), so that Zotero's Word and LibreOffice plugins can refresh and restyle
   * them; they show our Chicago text until then.
   */
  zoteroFields?: boolean;
}

/** Body text and footnote text, in half-points: 12 pt and 10 pt, as Word's own defaults go. */
const BODY_SIZE = 24;
const NOTE_SIZE = 20;

/** The paragraph style Word gives footnotes. */
const FOOTNOTE_STYLE = 'FootnoteText';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** A heading never ends a page: it stays with the paragraph after it. */
const KEEP_WITH_NEXT = { paragraph: { keepNext: true, keepLines: true } };

/** The Word document model of `doc`; footnote ids are the note numbers. */
export function docxDocument(doc: ExportDocument, options: DocxOptions = {}): Document {
  const zotero = options.zoteroFields === true;
  const children: Paragraph[] = [heading(doc.title, HeadingLevel.TITLE)];
  for (const group of doc.groups) {
    if (group.heading !== null) {
      children.push(heading(group.heading, HEADINGS[Math.min(group.level, HEADINGS.length) - 1] ?? HeadingLevel.HEADING_1));
    }
    for (const entry of group.entries) children.push(...entryParagraphs(entry));
  }
  if (doc.bibliography.length > 0) {
    children.push(heading('Bibliography', HeadingLevel.HEADING_1));
    const last = doc.bibliography.length - 1;
    doc.bibliography.forEach((entry, i) => {
      // One Zotero field holds the whole bibliography: it opens in the first entry, closes after the last.
      const runs = [...(zotero && i === 0 ? fieldStart(BIBLIOGRAPHY_INSTRUCTION) : []), ...richRuns(entry.rich), ...(zotero && i === last ? [fieldEnd()] : [])];
      // Chicago's hanging indent: the first line out, the rest in by half an inch.
      children.push(new Paragraph({ children: runs, indent: { left: 720, hanging: 720 } }));
    });
  }
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const entry of doc.entries) {
    // Word puts the note number itself first; a space separates it from the note, as Word does.
    const citation = richRuns(entry.citation);
    const runs = [new TextRun(' '), ...(zotero ? [...fieldStart(citationInstruction(entry)), ...citation, fieldEnd()] : citation)];
    footnotes[entry.noteIndex] = { children: [new Paragraph({ style: FOOTNOTE_STYLE, children: runs })] };
  }
  return new Document({
    title: doc.title,
    creator: 'Apparatus',
    ...(zotero ? { customProperties: documentPreferences(doc) } : {}),
    styles: {
      default: {
        document: { run: { size: BODY_SIZE } },
        title: KEEP_WITH_NEXT,
        heading1: KEEP_WITH_NEXT,
        heading2: KEEP_WITH_NEXT,
        heading3: KEEP_WITH_NEXT,
        heading4: KEEP_WITH_NEXT,
        heading5: KEEP_WITH_NEXT,
        heading6: KEEP_WITH_NEXT,
        footnoteText: { run: { size: NOTE_SIZE } },
        footnoteTextChar: { run: { size: NOTE_SIZE } },
      },
    },
    footnotes,
    sections: [{ children }],
  });
}

/** The packed .docx file of `doc`, as bytes. */
export async function writeDocx(doc: ExportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  return Packer.pack(docxDocument(doc, options), 'uint8array');
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ text, heading: level, keepNext: true, keepLines: true });
}

function entryParagraphs(entry: ExportEntry): Paragraph[] {
  // The quotation stands in quotation marks, so the quotations inside it take single ones.
  const paragraphs = quotationParagraphs(nestedQuotes(entry.quotation.rich));
  const last = paragraphs.length - 1;
  const quote = paragraphs.map(
    (runs, i) =>
      new Paragraph({
        indent: { left: 720 },
        children: [
          ...(i === 0 ? [new TextRun('“')] : []),
          ...richRuns(runs),
          ...(i === last ? [new TextRun('”'), new FootnoteReferenceRun(entry.noteIndex)] : []),
        ],
      }),
  );
  const out = [...quote];
  const mark = quotationMark(entry.quotation);
  if (mark) out.push(new Paragraph({ children: [new TextRun({ text: mark.text, italics: true })] }));
  for (const line of entry.provenance) out.push(new Paragraph({ children: [new TextRun({ text: line, italics: true })] }));
  for (const runs of noteParagraphs(entry.note)) {
    out.push(
      new Paragraph({
        children: runs.map(
          (run) =>
            new TextRun({
              text: run.text,
              ...(run.italic ? { italics: true } : {}),
              ...(run.bold ? { bold: true } : {}),
            }),
        ),
      }),
    );
  }
  if (entry.tags.length > 0) out.push(new Paragraph({ children: [new TextRun(tagLine(entry.tags))] }));
  return out;
}

function richRuns(rich: Rich): TextRun[] {
  // Roman runs carry no italic property at all, so only real italics write `<w:i/>`.
  return rich.map((run) => new TextRun(run.italic ? { text: run.text, italics: true } : run.text));
}
