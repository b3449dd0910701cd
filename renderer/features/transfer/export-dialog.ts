import type { CallInput, TagSummary } from '../../../core/api.ts';
import { formDialog, formField, selectInput } from '../../ui/dialogs.ts';

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
  ['reading', 'In reading order (each source in text order)'],
  ['source', 'Grouped by source'],
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
export async function exportDialog(currentSource: { id: string; title: string } | null, tags: readonly TagSummary[]): Promise<ExportRequest | null> {
  const format = selectInput(FORMATS);
  const scopes: [string, string][] = [['all', 'All highlights']];
  if (currentSource) scopes.push([`source:${currentSource.id}`, `Highlights in “${currentSource.title}”`]);
  for (const tag of tags) scopes.push([`tag:${tag.name}`, `Highlights tagged “${tag.name}” (${tag.usage})`]);
  const scope = selectInput(scopes);
  const order = selectInput(ORDERS);
  const style = selectInput(STYLES);
  let request: ExportRequest | null = null;
  const chosen = await formDialog({
    title: 'Export annotations',
    fields: [formField('Format', format), formField('Which highlights', scope), formField('Order', order), formField('Citation style', style)],
    submitLabel: 'Export…',
    focus: format,
    submit: () => {
      const [kind, ...rest] = scope.value.split(':');
      const value = rest.join(':');
      request = {
        format: format.value as ExportRequest['format'],
        scope: kind === 'source' ? { kind: 'source', sourceId: value } : kind === 'tag' ? { kind: 'tag', tag: value } : { kind: 'all' },
        order: order.value as NonNullable<ExportRequest['order']>,
        style: style.value as NonNullable<ExportRequest['style']>,
      };
      return null;
    },
  });
  return chosen ? request : null;
}
