/**
 * The DOCX writer, with the `docx` library: real Word footnotes (one per highlight, referenced from
 * the end of its quotation) whose runs keep the citation's italics, the note and tags under each
 * quotation, and the bibliography at the end. Packing yields bytes without Node's Buffer.
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
import type { ExportDocument, ExportEntry } from './export-document.ts';
import { ORPHAN_MARK, tagLine } from './labels.ts';
import { noteParagraphs } from './note-markdown.ts';

/** The Word document model of `doc`; footnote ids are the note numbers. */
export function docxDocument(doc: ExportDocument): Document {
  const children: Paragraph[] = [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE })];
  for (const group of doc.groups) {
    if (group.heading !== null) {
      children.push(new Paragraph({ text: group.heading, heading: HeadingLevel.HEADING_1 }));
    }
    for (const entry of group.entries) children.push(...entryParagraphs(entry));
  }
  if (doc.bibliography.length > 0) {
    children.push(new Paragraph({ text: 'Bibliography', heading: HeadingLevel.HEADING_1 }));
    for (const entry of doc.bibliography) {
      // Chicago's hanging indent: the first line out, the rest in by half an inch.
      children.push(new Paragraph({ children: richRuns(entry.rich), indent: { left: 720, hanging: 720 } }));
    }
  }
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const entry of doc.entries) {
    footnotes[entry.noteIndex] = { children: [new Paragraph({ children: richRuns(entry.citation) })] };
  }
  return new Document({
    title: doc.title,
    creator: 'Apparatus',
    footnotes,
    sections: [{ children }],
  });
}

/** The packed .docx file of `doc`, as bytes. */
export async function writeDocx(doc: ExportDocument): Promise<Uint8Array> {
  return Packer.pack(docxDocument(doc), 'uint8array');
}

function entryParagraphs(entry: ExportEntry): Paragraph[] {
  const paragraphs = entry.quotation.text.split(/\n\s*\n/).map((p) => p.trim());
  const last = paragraphs.length - 1;
  const quote = paragraphs.map(
    (text, i) =>
      new Paragraph({
        indent: { left: 720 },
        children: [
          new TextRun(i === 0 ? `“${text}` : text),
          ...(i === last ? [new TextRun('”'), new FootnoteReferenceRun(entry.noteIndex)] : []),
        ],
      }),
  );
  const out = [...quote];
  if (entry.quotation.orphaned) {
    out.push(new Paragraph({ children: [new TextRun({ text: ORPHAN_MARK, italics: true })] }));
  }
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
