import type { CallInput, ImportPreview } from '../../../core/api.ts';
import { RELIABILITIES, type Reliability } from '../../../core/corpus/model.ts';
import { el } from '../../dom.ts';
import { formDialog, formField, selectInput, textInput } from '../../ui/dialogs.ts';
import { pdfPart } from './pdf-preview.ts';

type ImportMetadata = CallInput<'corpus.importCommit'>['metadata'];

/** What the user chose beyond the metadata: for a PDF with pages without text, to import those that have some. */
export interface ImportChoices {
  textPagesOnly?: boolean;
}

const TYPES: [string, string][] = [
  ['', 'Choose a type…'],
  ['article-journal', 'Journal article'],
  ['article-magazine', 'Magazine or online article'],
  ['article-newspaper', 'Newspaper article'],
  ['book', 'Book'],
  ['chapter', 'Chapter in an edited book'],
  ['entry-encyclopedia', 'Encyclopedia entry'],
  ['webpage', 'Web page'],
  ['manuscript', 'Archival document or manuscript'],
  ['letter', 'Letter'],
  ['thesis', 'Thesis'],
  ['document', 'Other document'],
];
// The values come from the model; only their wording is here.
const RELIABILITY_LABELS: Record<Reliability, string> = {
  primary: 'Primary source',
  secondary: 'Secondary (scholarship)',
  tertiary: 'Tertiary (reference work)',
  derivative: 'Derivative (paraphrase, translation)',
};

/**
 * Asks for the metadata of a file being imported, prefilled with what the file states (for a PDF,
 * also its pages and where it appeared). Resolves with the metadata, or null if the user
 * cancelled. `submit` may refuse (the main process validates); its message is shown and the
 * dialog stays open.
 */
export function importDialog(preview: ImportPreview, submit: (metadata: ImportMetadata, choices: ImportChoices) => Promise<string | null>): Promise<boolean> {
  const s = preview.suggested;
  const title = textInput(s.title, { required: '', 'aria-required': 'true' });
  const authors = el('textarea', '', undefined, { rows: '3' });
  authors.value = s.authors.join('\n');
  const issued = textInput(s.issued, { placeholder: '1961 or 1961-12-03' });
  const type = selectInput(TYPES, s.type);
  const container = textInput(s.containerTitle, { placeholder: 'Journal, website or book' });
  const url = textInput(s.url, { type: 'url', placeholder: 'https://…' });
  const reliability = selectInput(
    RELIABILITIES.map((value) => [value, RELIABILITY_LABELS[value]] as const),
    'secondary',
  );
  const id = textInput(s.id, { pattern: '[a-z0-9][a-z0-9._\\-]*' });
  const pdf = pdfPart(preview);
  return formDialog({
    title: 'Import a source',
    intro: [el('p', 'import-summary', `${preview.fileName}: ${preview.blocks} paragraphs and headings${preview.notes ? `, ${preview.notes} notes` : ''}, read as ${preview.form}.`), ...(pdf?.intro ?? [])],
    fields: [
      formField('Title', title),
      formField('Authors (one per line, “Family, Given”, or an institution)', authors),
      formField('Date', issued),
      formField('Type', type),
      formField('Published in', container),
      formField('Web address', url),
      ...(pdf?.fields ?? []),
      formField('Reliability', reliability),
      formField('Id in the corpus', id),
    ],
    submitLabel: 'Import',
    focus: title,
    submit: () =>
      submit({
        title: title.value,
        authors: authors.value.split('\n').map((line) => line.trim()).filter(Boolean),
        issued: issued.value,
        type: type.value,
        containerTitle: container.value,
        url: url.value,
        reliability: RELIABILITIES.find((value) => value === reliability.value) ?? 'secondary',
        id: id.value,
        ...pdf?.values(),
      }, pdf?.textPagesOnly() === undefined ? {} : { textPagesOnly: pdf.textPagesOnly() }),
  });
}
