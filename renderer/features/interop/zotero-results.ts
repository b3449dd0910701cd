import type { ZoteroImportedItem, ZoteroImportReport } from '../../../core/api.ts';
import { button, el } from '../../dom.ts';
import { listSection, plural } from '../../ui/panel-dialog.ts';
import { describeCounts } from './annotation-report.ts';
import { fieldLabel } from '../transfer/metadata-dialog.ts';

/** What a Zotero import did, item by item, with a button to open each source it made or found. */
export function zoteroResults(report: ZoteroImportReport, titleOf: (key: string) => string, open: (sourceId: string) => void): HTMLElement[] {
  const parts: HTMLElement[] = [el('p', 'panel-intro', `Imported ${plural(report.items.length, 'item')} from Zotero${report.failed.length > 0 ? `; ${report.failed.length} could not be imported` : ''}.`)];
  const done = listSection('Imported', report.items.map((item) => itemLine(item, open)), 'zotero-imported');
  if (done) parts.push(done);
  const failed = listSection('Not imported', report.failed.map((failure) => el('span', '', `“${titleOf(failure.key)}”: ${failure.message}`)), 'zotero-failed');
  if (failed) parts.push(failed);
  return parts;
}

function itemLine(item: ZoteroImportedItem, open: (sourceId: string) => void): HTMLElement {
  const line = el('div', 'zotero-result');
  const filled = item.filled.length > 0 ? ` (filled ${item.filled.map(fieldLabel).join(', ')})` : '';
  const what = {
    'pdf-imported': `its PDF is now the source ${item.sourceId}`,
    'matched-source': `the corpus had it already, as ${item.sourceId}${filled}`,
    'reference-added': `added as the reference without text ${item.referenceId}`,
    'reference-filled': `the reference without text ${item.referenceId} had it already${filled}`,
  }[item.how];
  line.append(el('span', 'zotero-result-text', `“${item.title}”: ${what}.`));
  if (item.annotations) line.append(el('span', 'zotero-result-annotations', `Zotero annotations: ${describeCounts(item.annotations)}`));
  for (const note of item.notes) line.append(el('span', 'form-hint', `Note: ${note}.`));
  if (item.sourceId !== null) {
    const id = item.sourceId;
    line.append(button(`Open “${item.title}”`, () => open(id), { className: 'zotero-open' }));
  }
  return line;
}
