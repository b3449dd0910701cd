import type { CallInput, SourceProvenance } from '../../../core/api.ts';
import type { CslItem, CslName } from '../../../core/corpus/model.ts';
import { el } from '../../dom.ts';
import { formDialog, formField, textInput } from '../../ui/dialogs.ts';
import { hasProvenance, provenanceDetails, provenanceSummary } from '../../ui/provenance-details.ts';

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

const LABELS: Record<string, string> = Object.fromEntries([...FIELDS, ['author', 'Authors'], ['authors', 'Authors'], ['genre', 'Genre'], ['archive', 'Archive'], ['accessed', 'Date accessed'], ['editor', 'Editors'], ['translator', 'Translators'], ['collection-editor', 'Series editors']]);

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
 * Edits a source's metadata (or a reference's, under another `title`). Fields Chicago needs but
 * the source lacks are flagged, and what is known to be wrong with the source (caveats, rights,
 * cleaning log) is shown above them; `save` returns null when saved or the message of a refusal,
 * which is shown in the dialog.
 */
export function metadataDialog(item: CslItem, missing: readonly string[], provenance: SourceProvenance | null, save: (patch: Patch) => Promise<string | null>, title = 'Source details'): Promise<boolean> {
  const needs = new Set(missing.flatMap((m) => m.split('|')));
  const field = (label: string, control: HTMLElement, variable: string) =>
    needs.has(variable) ? formField(`${label} — needed`, control, 'form-field needed') : formField(label, control);
  const authors = el('textarea', '', undefined, { rows: '3' });
  authors.value = (item.author ?? []).map(nameLine).join('\n');
  const inputs = new Map(FIELDS.map(([name]) => [name, textInput(name === 'issued' ? dateText(item) : String(item[name] ?? ''))]));
  return formDialog({
    title,
    intro: [
      ...(missing.length > 0 ? [el('p', 'form-error', `Chicago needs: ${missing.map(fieldLabel).join(', ')}.`)] : []),
      ...(provenance && hasProvenance(provenance) ? [el('p', 'form-hint', provenanceSummary(provenance)), provenanceDetails(provenance, 3)] : []),
    ],
    fields: [
      field('Authors (one per line, “Family, Given”, or an institution)', authors, 'author'),
      ...FIELDS.map(([name, label]) => field(label, inputs.get(name)!, name)),
    ],
    submitLabel: 'Save',
    focus: inputs.get('title'),
    submit: () => {
      const patch: Patch = { authors: authors.value.split('\n').map((line) => line.trim()).filter(Boolean) };
      for (const [name, input] of inputs) (patch as Record<string, string>)[name] = input.value;
      return save(patch);
    },
  });
}
