import type { CallInput, ImportPdfPreview, ImportPreview } from '../../../core/api.ts';
import { el } from '../../dom.ts';
import { formField, textInput } from '../../ui/dialogs.ts';

type ImportMetadata = CallInput<'corpus.importCommit'>['metadata'];

/** What the import form shows and asks about a PDF, beyond what it asks of every file. */
export interface PdfPart {
  /** What the PDF holds: its pages, where their numbers come from, pages without text. */
  intro: HTMLElement[];
  /** Where it appeared (volume, issue, pages, DOI, ISSN), and the choice about pages without text. */
  fields: HTMLElement[];
  /** The publication details as the user confirmed them (blank ones too: the user emptied them). */
  values(): Pick<ImportMetadata, 'volume' | 'issue' | 'page' | 'DOI' | 'ISSN'>;
  /** Whether the user chose to import the pages that have text (asked only when some have none). */
  textPagesOnly(): boolean | undefined;
}

const PAGE_NUMBERS: Record<ImportPdfPreview['pageNumbers'], string> = {
  'pdf-labels': 'Page numbers: the PDF’s own page labels, as printed.',
  'printed-numbers': 'Page numbers: read from the numbers printed at the head or foot of its pages.',
  'page-index': 'Page numbers: the PDF gives none, so its pages are counted from 1.',
};

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** The notice about pages without text, its command (between backticks) set as code. */
function notice(text: string): HTMLElement {
  const paragraph = el('p', 'import-notice', undefined, { role: 'note' });
  text.split('`').forEach((piece, i) => paragraph.append(i % 2 === 1 ? el('code', '', piece) : piece));
  return paragraph;
}

/** The PDF part of the import form, or null for a file that is not a PDF. */
export function pdfPart(preview: ImportPreview): PdfPart | null {
  const pdf = preview.pdf;
  if (!pdf) return null;
  const s = preview.suggested;
  const intro: HTMLElement[] = [el('p', 'import-summary', `${plural(pdf.pages, 'page')}. ${PAGE_NUMBERS[pdf.pageNumbers]}`)];
  for (const caveat of pdf.caveats) intro.push(el('p', 'import-caveat', caveat));
  const volume = textInput(s.volume ?? '');
  const issue = textInput(s.issue ?? '');
  const page = textInput(s.page ?? '', { placeholder: '375–97' });
  const doi = textInput(s.DOI ?? '', { placeholder: '10.1080/…' });
  const issn = textInput(s.ISSN ?? '', { placeholder: '1468-2745' });
  const published = el('div', 'form-row');
  published.append(formField('Volume', volume), formField('Issue', issue), formField('Pages', page));
  const identifiers = el('div', 'form-row');
  identifiers.append(formField('DOI', doi), formField('ISSN', issn));
  const fields: HTMLElement[] = [published, identifiers];
  let textOnly: HTMLInputElement | null = null;
  if (pdf.textless.length > 0 && pdf.notice) {
    const withText = pdf.pages - pdf.textless.length;
    intro.push(notice(pdf.notice));
    textOnly = el('input', '', undefined, { type: 'checkbox' });
    const choice = el('label', 'form-check');
    const gaps = plural(pdf.textless.length, 'page');
    choice.append(textOnly, el('span', '', `Import the ${plural(withText, 'page')} that ${withText === 1 ? 'has' : 'have'} text; the ${gaps} without text ${pdf.textless.length === 1 ? 'is' : 'are'} marked as a gap in the text.`));
    fields.push(choice);
  }
  const box = textOnly;
  return {
    intro,
    fields,
    values: () => ({ volume: volume.value, issue: issue.value, page: page.value, DOI: doi.value, ISSN: issn.value }),
    textPagesOnly: () => (box ? box.checked : undefined),
  };
}
