import type { CallInput, ImportPreview } from '../../core/api.ts';
import { button, el } from '../dom.ts';

type ImportMetadata = CallInput<'corpus.importCommit'>['metadata'];

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
const RELIABILITY: [string, string][] = [
  ['primary', 'Primary source'],
  ['secondary', 'Secondary (scholarship)'],
  ['tertiary', 'Tertiary (reference work)'],
  ['derivative', 'Derivative (paraphrase, translation)'],
];

/**
 * Asks for the metadata of a file being imported, prefilled with what the file states. Resolves
 * with the metadata, or null if the user cancelled. `submit` may refuse (the main process
 * validates); its message is shown and the dialog stays open.
 */
export function importDialog(preview: ImportPreview, submit: (metadata: ImportMetadata) => Promise<string | null>): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = el('dialog', 'import-dialog', undefined, { 'aria-label': 'Import a source' });
    const form = el('form', 'import-form', undefined, { method: 'dialog' });
    const field = (label: string, control: HTMLElement) => {
      const wrapper = el('label', 'form-field');
      wrapper.append(el('span', '', label), control);
      return wrapper;
    };
    const input = (value: string, attributes: Record<string, string> = {}) => {
      const node = el('input', '', undefined, { type: 'text', ...attributes });
      node.value = value;
      return node;
    };
    const choice = (options: [string, string][], value: string) => {
      const node = el('select');
      for (const [optionValue, text] of options) {
        const option = el('option', '', text, { value: optionValue });
        option.selected = optionValue === value;
        node.append(option);
      }
      return node;
    };
    const s = preview.suggested;
    const title = input(s.title, { required: '', 'aria-required': 'true' });
    const authors = el('textarea', '', undefined, { rows: '3' });
    authors.value = s.authors.join('\n');
    const issued = input(s.issued, { placeholder: '1961 or 1961-12-03' });
    const type = choice(TYPES, s.type);
    const container = input(s.containerTitle, { placeholder: 'Journal, website or book' });
    const url = input(s.url, { type: 'url', placeholder: 'https://…' });
    const reliability = choice(RELIABILITY, 'secondary');
    const id = input(s.id, { pattern: '[a-z0-9][a-z0-9._\\-]*' });
    const error = el('p', 'form-error', '', { role: 'alert' });

    form.append(
      el('h2', '', 'Import a source'),
      el('p', 'import-summary', `${preview.fileName}: ${preview.blocks} paragraphs and headings${preview.notes ? `, ${preview.notes} notes` : ''}, read as ${preview.form}.`),
      field('Title', title),
      field('Authors (one per line, “Family, Given”, or an institution)', authors),
      field('Date', issued),
      field('Type', type),
      field('Published in', container),
      field('Web address', url),
      field('Reliability', reliability),
      field('Id in the corpus', id),
      error,
    );
    const finish = (imported: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(imported);
    };
    const buttons = el('div', 'dialog-buttons');
    const importButton = el('button', 'primary', 'Import', { type: 'submit' });
    buttons.append(button('Cancel', () => finish(false)), importButton);
    form.append(buttons);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      importButton.disabled = true;
      const problem = await submit({
        title: title.value,
        authors: authors.value.split('\n').map((line) => line.trim()).filter(Boolean),
        issued: issued.value,
        type: type.value,
        containerTitle: container.value,
        url: url.value,
        reliability: reliability.value as ImportMetadata['reliability'],
        id: id.value,
      });
      importButton.disabled = false;
      if (problem === null) finish(true);
      else error.textContent = problem;
    });
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
    title.focus();
  });
}
