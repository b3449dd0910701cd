import type { CallInput } from '../../core/api.ts';
import type { CslItem, CslName } from '../../core/corpus/model.ts';
import { button, el } from '../dom.ts';

type Patch = CallInput<'corpus.updateMetadata'>['patch'];

const FIELDS: [keyof Patch & string, string][] = [
  ['title', 'Title'],
  ['title-short', 'Short title (for shortened notes)'],
  ['container-title', 'Journal, website or book'],
  ['volume', 'Volume'],
  ['issue', 'Issue'],
  ['page', 'Pages'],
  ['issued', 'Date (1961 or 1961-12-03)'],
  ['publisher', 'Publisher'],
  ['publisher-place', 'Place of publication'],
  ['DOI', 'DOI'],
  ['URL', 'Web address'],
  ['language', 'Language (en, sq, ru…)'],
];

const LABELS: Record<string, string> = Object.fromEntries([...FIELDS, ['author', 'Authors'], ['authors', 'Authors'], ['genre', 'Genre'], ['archive', 'Archive'], ['accessed', 'Date accessed'], ['editor', 'Editors']]);

/** A CSL variable's name as the metadata form labels it ("issued|accessed" → "Date or Date accessed"). */
export function fieldLabel(variable: string): string {
  return variable
    .split('|')
    .map((name) => (LABELS[name] ?? name).replace(/ \(.*\)$/, ''))
    .join(' or ');
}

function nameLine(name: CslName): string {
  if (name.literal) return name.literal;
  return name.given ? `${name.family ?? ''}, ${name.given}` : (name.family ?? '');
}

function dateText(item: CslItem): string {
  const parts = item.issued?.['date-parts']?.[0];
  if (!parts) return item.issued?.literal ?? '';
  return parts.filter((part) => part !== undefined).map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0'))).join('-');
}

/**
 * Edits a source's metadata. Fields Chicago needs but the source lacks are flagged; `save`
 * returns null when saved or the message of a refusal, which is shown in the dialog.
 */
export function metadataDialog(item: CslItem, missing: readonly string[], save: (patch: Patch) => Promise<string | null>): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = el('dialog', 'import-dialog', undefined, { 'aria-label': 'Source details' });
    const form = el('form', 'import-form', undefined, { method: 'dialog' });
    form.append(el('h2', '', 'Source details'));
    if (missing.length > 0) form.append(el('p', 'form-error', `Chicago needs: ${missing.map(fieldLabel).join(', ')}.`));
    const needs = new Set(missing.flatMap((m) => m.split('|')));
    const inputs = new Map<string, HTMLInputElement>();
    const authors = el('textarea', '', undefined, { rows: '3' });
    authors.value = (item.author ?? []).map(nameLine).join('\n');
    const add = (label: string, control: HTMLElement, variable: string) => {
      const wrapper = el('label', `form-field${needs.has(variable) ? ' needed' : ''}`);
      wrapper.append(el('span', '', needs.has(variable) ? `${label} — needed` : label), control);
      form.append(wrapper);
    };
    add('Authors (one per line, “Family, Given”, or an institution)', authors, 'author');
    for (const [field, label] of FIELDS) {
      const input = el('input', '', undefined, { type: 'text' });
      input.value = field === 'issued' ? dateText(item) : String(item[field] ?? '');
      inputs.set(field, input);
      add(label, input, field);
    }
    const error = el('p', 'form-error', '', { role: 'alert' });
    form.append(error);
    const finish = (saved: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(saved);
    };
    const buttons = el('div', 'dialog-buttons');
    const saveButton = el('button', 'primary', 'Save', { type: 'submit' });
    buttons.append(button('Cancel', () => finish(false)), saveButton);
    form.append(buttons);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const patch: Patch = { authors: authors.value.split('\n').map((line) => line.trim()).filter(Boolean) };
      for (const [field, input] of inputs) (patch as Record<string, string>)[field] = input.value;
      saveButton.disabled = true;
      const problem = await save(patch);
      saveButton.disabled = false;
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
    inputs.get('title')?.focus();
  });
}
