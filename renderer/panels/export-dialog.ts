import type { CallInput, TagSummary } from '../../core/api.ts';
import { button, el } from '../dom.ts';

type ExportRequest = CallInput<'export.run'>;

const FORMATS: [ExportRequest['format'], string][] = [
  ['docx', 'Word document with footnotes (.docx)'],
  ['md', 'Markdown with footnotes (.md)'],
  ['html', 'Web page (.html)'],
  ['txt', 'Plain text (.txt)'],
  ['csv', 'Spreadsheet, one row per highlight (.csv)'],
  ['jsonld', 'Web Annotation data (.jsonld)'],
  ['csl-json', 'Sources for reference managers: CSL-JSON'],
  ['ris', 'Sources for reference managers: RIS'],
  ['bibtex', 'Sources for reference managers: BibTeX'],
];
const ORDERS: [NonNullable<ExportRequest['order']>, string][] = [
  ['reading', 'In the order I made them'],
  ['source', 'By source, in reading order'],
  ['tag', 'By tag'],
];
const STYLES: [NonNullable<ExportRequest['style']>, string][] = [
  ['cmos18', 'Chicago, 18th edition'],
  ['cmos18-ibid', 'Chicago, 18th edition, with Ibid.'],
  ['cmos17', 'Chicago, 17th edition'],
  ['cmos17-ibid', 'Chicago, 17th edition, with Ibid.'],
];

/**
 * Asks what to export (format, which highlights, in which order, which style); resolves with the
 * request, or null if the user cancelled. The file name is asked next, by the system's dialog.
 */
export function exportDialog(currentSource: { id: string; title: string } | null, tags: readonly TagSummary[]): Promise<ExportRequest | null> {
  return new Promise((resolve) => {
    const dialog = el('dialog', 'import-dialog', undefined, { 'aria-label': 'Export annotations' });
    const form = el('form', 'import-form', undefined, { method: 'dialog' });
    const select = <T extends string>(options: [T, string][]) => {
      const node = el('select');
      for (const [value, text] of options) node.append(el('option', '', text, { value }));
      return node;
    };
    const field = (label: string, control: HTMLElement) => {
      const wrapper = el('label', 'form-field');
      wrapper.append(el('span', '', label), control);
      return wrapper;
    };
    const format = select(FORMATS);
    const scopes: [string, string][] = [['all', 'All highlights']];
    if (currentSource) scopes.push([`source:${currentSource.id}`, `Highlights in “${currentSource.title}”`]);
    for (const tag of tags) scopes.push([`tag:${tag.name}`, `Highlights tagged “${tag.name}” (${tag.usage})`]);
    const scope = select(scopes);
    const order = select(ORDERS);
    const style = select(STYLES);
    form.append(el('h2', '', 'Export annotations'), field('Format', format), field('Which highlights', scope), field('Order', order), field('Citation style', style));
    const finish = (request: ExportRequest | null) => {
      dialog.close();
      dialog.remove();
      resolve(request);
    };
    const buttons = el('div', 'dialog-buttons');
    buttons.append(button('Cancel', () => finish(null)), el('button', 'primary', 'Export…', { type: 'submit' }));
    form.append(buttons);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const [kind, ...rest] = scope.value.split(':');
      const value = rest.join(':');
      finish({
        format: format.value as ExportRequest['format'],
        scope: kind === 'source' ? { kind: 'source', sourceId: value } : kind === 'tag' ? { kind: 'tag', tag: value } : { kind: 'all' },
        order: order.value as NonNullable<ExportRequest['order']>,
        style: style.value as NonNullable<ExportRequest['style']>,
      });
    });
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(null);
    });
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
    format.focus();
  });
}
