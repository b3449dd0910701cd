import type { AnnotationImportPreview, AnnotationImportProgress, AnnotationImportReport } from '../../../core/api.ts';
import { button, el } from '../../dom.ts';
import { selectInput } from '../../ui/dialogs.ts';
import { listSection, PanelDialog, plural } from '../../ui/panel-dialog.ts';
import { annotationReport } from './annotation-report.ts';

/** A source the user may put the annotations on. */
export interface SourceChoice {
  id: string;
  title: string;
}

/** What the dialog asks of main. */
export interface AnnotationsImportDeps {
  /** Imports the annotations (onto `sourceId`, or each onto the source its address names): the report, or the message of a refusal. */
  commit(sourceId: string | undefined): Promise<AnnotationImportReport | string>;
  /** Asks main to stop the import before its next annotation. */
  cancel(): void;
}

/** The dialog while it is open: main's progress events are passed to it. */
export interface AnnotationsImportDialog {
  progress(progress: AnnotationImportProgress): void;
  /** The report once the dialog is closed, or null when the user cancelled before importing. */
  done: Promise<AnnotationImportReport | null>;
}

/**
 * Shows what an annotation file holds and which sources its annotations name; the user puts each
 * on the source its address names, or all on one source. While they are imported it shows how
 * many are done, with Stop (or Escape), which keeps those saved; then it shows the report, or the
 * message of a refusal, until closed.
 */
export function annotationsImportDialog(
  preview: AnnotationImportPreview,
  sources: readonly SourceChoice[],
  titleOf: (sourceId: string) => string,
  deps: AnnotationsImportDeps,
): AnnotationsImportDialog {
  const dialog = new PanelDialog('Import annotations', 'annotations-import-dialog');
  const matched = preview.bySource.map((entry) => el('span', '', `${plural(entry.count, 'annotation')} on “${entry.title}”${alreadyThere(entry)}`));
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

  // How far the import has come, with the means to stop it; shown only while it runs.
  const status = el('div', 'annotation-import-status', undefined, { role: 'status' });
  const bar = el('progress', 'annotation-import-progress', undefined, { max: String(Math.max(1, preview.annotations)), value: '0', 'aria-label': 'Annotations imported' });
  const statusText = el('span');
  const stop = button('Stop', () => {
    stop.disabled = true;
    statusText.textContent = 'Stopping after this annotation…';
    deps.cancel();
  });
  status.append(bar, statusText, stop);
  status.hidden = true;
  dialog.body.append(status);
  // Escape stops the import under way; the dialog stays to show what was saved.
  dialog.stopWith(stop);

  let report: AnnotationImportReport | null = null;
  const cancel = dialog.addButton('Cancel', () => dialog.close());
  if (preview.annotations === 0) {
    dialog.say('The file holds no annotation on a passage that Apparatus can import.');
  } else {
    const confirm = dialog.addButton('Import', () => {
      dialog.busy = confirm.disabled = cancel.disabled = true;
      choice.disabled = true;
      dialog.say('');
      status.hidden = false;
      stop.disabled = false;
      progress({ token: preview.token, done: 0, total: preview.annotations });
      stop.focus();
      void deps.commit(onOne.input.checked ? source.value : undefined).then((result) => {
        dialog.busy = confirm.disabled = cancel.disabled = false;
        choice.disabled = false;
        status.hidden = true;
        if (typeof result === 'string') return dialog.say(result);
        report = result;
        dialog.body.replaceChildren(...annotationReport(result, titleOf));
        dialog.clearButtons();
        dialog.say(result.unread ? stoppedMessage(result) : '');
        dialog.addButton('Close', () => dialog.close(), true).focus();
      });
    }, true);
    confirm.focus();
  }
  const progress = (p: AnnotationImportProgress) => {
    if (p.token !== preview.token || status.hidden) return;
    bar.max = Math.max(1, p.total);
    bar.value = p.done;
    if (!stop.disabled) statusText.textContent = `Imported ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} ${p.total === 1 ? 'annotation' : 'annotations'}…`;
  };
  return { progress, done: dialog.closed.then(() => report) };
}

// How many of a source's annotations the import will skip, being in the project already.
function alreadyThere(entry: AnnotationImportPreview['bySource'][number]): string {
  if (entry.present === 0) return '';
  if (entry.present === entry.count) return entry.count === 1 ? ', already in the project' : ', all already in the project';
  return `, ${entry.present.toLocaleString('en')} of them already in the project`;
}

// The import was stopped: what is kept, and how to finish it.
function stoppedMessage(report: AnnotationImportReport): string {
  const unread = report.unread ?? 0;
  const kept = report.imported.length;
  const count = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'annotation' : 'annotations'}`;
  return `Stopped: ${count(unread)} of the file ${unread === 1 ? 'was' : 'were'} not imported. The ${count(kept)} imported ${kept === 1 ? 'is' : 'are'} kept; import the file again to add the rest (those already in the project are skipped).`;
}

function radio(name: string, value: string, text: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const input = el('input', '', undefined, { type: 'radio', name, value });
  const label = el('label', 'check-item');
  label.append(input, el('span', 'check-text', text));
  return { label, input };
}
