import type { AnnotationImportPreview, AnnotationImportReport } from '../../../core/api.ts';
import { el } from '../../dom.ts';
import { selectInput } from '../../ui/dialogs.ts';
import { listSection, PanelDialog, plural } from '../../ui/panel-dialog.ts';
import { annotationReport } from './annotation-report.ts';

/** A source the user may put the annotations on. */
export interface SourceChoice {
  id: string;
  title: string;
}

/**
 * Shows what an annotation file holds and which sources its annotations name; the user puts each
 * on the source its address names, or all on one source. `commit` imports them (returning the
 * report, or the message of a refusal, shown in the dialog); the dialog then shows the report
 * until closed. Resolves with the report, or null when the user cancelled.
 */
export async function annotationsImportDialog(
  preview: AnnotationImportPreview,
  sources: readonly SourceChoice[],
  titleOf: (sourceId: string) => string,
  commit: (sourceId: string | undefined) => Promise<AnnotationImportReport | string>,
): Promise<AnnotationImportReport | null> {
  const dialog = new PanelDialog('Import annotations', 'annotations-import-dialog');
  const matched = preview.bySource.map((entry) => el('span', '', `${plural(entry.count, 'annotation')} on “${entry.title}”`));
  if (preview.unmatched > 0) matched.push(el('span', '', `${plural(preview.unmatched, 'annotation')} whose address names no source of the corpus`));
  dialog.body.append(el('p', 'panel-intro', `${preview.fileName}, ${preview.format}: ${plural(preview.annotations, 'annotation')} on passages.`));
  const where = listSection('Where their addresses point', matched, 'annotation-targets');
  if (where) dialog.body.append(where);
  const skipped = listSection(`Cannot be imported (${plural(preview.skipped.length, 'record')})`, preview.skipped.map((skip) => el('span', '', `${skip.label}: ${skip.reason}`)), 'skipped-records');
  if (skipped) dialog.body.append(skipped);

  const choice = el('fieldset', 'annotation-target-choice');
  const byAddress = radio('target', 'address', 'Put each on the source its address names');
  const onOne = radio('target', 'one', 'Put all on this source:');
  const source = selectInput(sources.map((s) => [s.id, s.title] as const), preview.bySource[0]?.sourceId ?? sources[0]?.id ?? '');
  source.setAttribute('aria-label', 'The source to put every annotation on');
  byAddress.input.disabled = preview.bySource.length === 0;
  (preview.bySource.length > 0 ? byAddress : onOne).input.checked = true;
  const sync = () => (source.disabled = !onOne.input.checked);
  for (const option of [byAddress, onOne]) option.input.addEventListener('change', sync);
  sync();
  onOne.label.append(source);
  choice.append(el('legend', '', 'Where should they go?'), byAddress.label, onOne.label);
  if (preview.annotations > 0) dialog.body.append(choice);

  let report: AnnotationImportReport | null = null;
  dialog.addButton('Cancel', () => dialog.close());
  if (preview.annotations === 0) {
    dialog.say('The file holds no annotation on a passage that Apparatus can import.');
  } else {
    const confirm = dialog.addButton('Import', () => {
      dialog.busy = confirm.disabled = true;
      void commit(onOne.input.checked ? source.value : undefined).then((result) => {
        dialog.busy = confirm.disabled = false;
        if (typeof result === 'string') return dialog.say(result);
        report = result;
        dialog.body.replaceChildren(...annotationReport(result, titleOf));
        dialog.clearButtons();
        dialog.say('');
        dialog.addButton('Close', () => dialog.close(), true).focus();
      });
    }, true);
    confirm.focus();
  }
  await dialog.closed;
  return report;
}

function radio(name: string, value: string, text: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const input = el('input', '', undefined, { type: 'radio', name, value });
  const label = el('label', 'check-item');
  label.append(input, el('span', 'check-text', text));
  return { label, input };
}
