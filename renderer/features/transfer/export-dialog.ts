import type { CallInput, TagSummary } from '../../../core/api.ts';
import { STYLE_NAMES, type StyleName } from '../../../core/cite/style.ts';
import { ALL_FORMATS } from '../../../core/export/formats.ts';
import { ORDERS, type ExportOrder } from '../../../core/export/order.ts';
import { el } from '../../dom.ts';
import { formDialog, formField, selectInput } from '../../ui/dialogs.ts';

type ExportRequest = CallInput<'export.run'>;

// The values come from the modules that own them; only their wording (and the order the dialog
// lists them in) is here.
const FORMAT_LABELS: Record<(typeof ALL_FORMATS)[number], string> = {
  docx: 'Word document with footnotes (.docx)',
  md: 'Markdown with footnotes (.md)',
  html: 'Web page (.html)',
  txt: 'Plain text (.txt)',
  csv: 'Spreadsheet, one row per highlight (.csv)',
  jsonld: 'Web Annotation data (.jsonld)',
  obsidian: 'Obsidian notes: a folder of Markdown files, one per source',
  'csl-json': 'Sources for reference managers: CSL-JSON',
  ris: 'Sources for reference managers: RIS',
  bibtex: 'Sources for reference managers: BibTeX',
};
const ORDER_LABELS: Record<ExportOrder, string> = {
  reading: 'In reading order (each source in text order)',
  source: 'Grouped by source',
  tag: 'By tag',
};
const STYLE_LABELS: Record<StyleName, string> = {
  cmos18: 'Chicago, 18th edition',
  'cmos18-ibid': 'Chicago, 18th edition, with Ibid.',
  cmos17: 'Chicago, 17th edition',
  'cmos17-ibid': 'Chicago, 17th edition, with Ibid.',
};

/** The values as options, in the order of their labels. */
function labelled<K extends string>(values: readonly K[], labels: Record<K, string>): [K, string][] {
  const rank = Object.keys(labels);
  return [...values].sort((a, b) => rank.indexOf(a) - rank.indexOf(b)).map((value) => [value, labels[value]]);
}

/** The value the user chose (a select offers only these). */
function pick<K extends string>(values: readonly K[], chosen: string): K {
  return values.find((value) => value === chosen) ?? values[0]!;
}

/**
 * Asks what to export (format, which highlights, in which order, which style); resolves with the
 * request, or null if the user cancelled. The file name is asked next, by the system's dialog.
 */
export async function exportDialog(currentSource: { id: string; title: string } | null, tags: readonly TagSummary[]): Promise<ExportRequest | null> {
  const format = selectInput(labelled(ALL_FORMATS, FORMAT_LABELS));
  const scopes: [string, string][] = [['all', 'All highlights']];
  if (currentSource) scopes.push([`source:${currentSource.id}`, `Highlights in “${currentSource.title}”`]);
  for (const tag of tags) scopes.push([`tag:${tag.name}`, `Highlights tagged “${tag.name}” (${tag.usage})`]);
  const scope = selectInput(scopes);
  const order = selectInput(labelled(ORDERS, ORDER_LABELS));
  const style = selectInput(labelled(STYLE_NAMES, STYLE_LABELS));
  // Options of one format each, shown only with it.
  const zotero = checkOption('Zotero citation fields (Word)', 'Footnotes Zotero’s Word and LibreOffice plugins can refresh and restyle; until then they read as here.');
  const replace = checkOption('Replace notes already in the folder', 'Notes of the same name that an earlier export wrote are written anew; without this, nothing is written if one exists.');
  const showOptions = () => {
    zotero.label.hidden = format.value !== 'docx';
    replace.label.hidden = format.value !== 'obsidian';
  };
  format.addEventListener('change', showOptions);
  showOptions();
  let request: ExportRequest | null = null;
  const chosen = await formDialog({
    title: 'Export annotations',
    fields: [formField('Format', format), zotero.label, replace.label, formField('Which highlights', scope), formField('Order', order), formField('Citation style', style)],
    submitLabel: 'Export…',
    focus: format,
    submit: () => {
      const [kind, ...rest] = scope.value.split(':');
      const value = rest.join(':');
      request = {
        format: pick(ALL_FORMATS, format.value),
        scope: kind === 'source' ? { kind: 'source', sourceId: value } : kind === 'tag' ? { kind: 'tag', tag: value } : { kind: 'all' },
        order: pick(ORDERS, order.value),
        style: pick(STYLE_NAMES, style.value),
        ...(format.value === 'docx' && zotero.input.checked ? { zoteroFields: true } : {}),
        ...(format.value === 'obsidian' && replace.input.checked ? { replace: true } : {}),
      };
      return null;
    },
  });
  return chosen ? request : null;
}

/** A checkbox option with its label and a line saying what it does. */
function checkOption(text: string, hint: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const input = el('input', '', undefined, { type: 'checkbox' });
  const label = el('label', 'form-check');
  label.append(input, el('span', '', text), el('span', 'form-hint', hint));
  return { label, input };
}
