import type { ReferenceImportDone, ReferenceImportPreview } from '../../../core/api.ts';
import type { KeptField, ReferencePlan } from '../../../core/interop/references/plan-import.ts';
import { describeReference, planChanges, planRecords } from '../../../core/interop/references/plan-summary.ts';
import { el } from '../../dom.ts';
import { listSection, PanelDialog, plural } from '../../ui/panel-dialog.ts';
import { fieldLabel } from '../transfer/metadata-dialog.ts';

const FORMAT_NAMES: Record<ReferenceImportPreview['format'], string> = { 'csl-json': 'CSL-JSON', bibtex: 'BibTeX', ris: 'RIS' };

/**
 * Shows what importing a reference file would change, and carries it out when the user confirms:
 * each source whose details it fills (and the differences where ours are kept), the references
 * without text it adds or fills, and every record it skips with why. `apply` returns what was
 * done, or the message of a refusal, shown in the dialog. Resolves with what was done, or null.
 */
export async function referencesDialog(
  preview: ReferenceImportPreview,
  titleOf: (sourceId: string) => string,
  apply: () => Promise<ReferenceImportDone | string>,
): Promise<ReferenceImportDone | null> {
  const { plan } = preview;
  const dialog = new PanelDialog('Import references', 'references-dialog');
  dialog.body.append(el('p', 'panel-intro', `${preview.fileName} (${FORMAT_NAMES[preview.format]}): ${plural(planRecords(plan), 'record')}.`), ...planSections(plan, titleOf));
  let done: ReferenceImportDone | null = null;
  const cancel = dialog.addButton(planChanges(plan) ? 'Cancel' : 'Close', () => dialog.close());
  if (planChanges(plan)) {
    const confirm = dialog.addButton('Import', () => {
      dialog.busy = confirm.disabled = true;
      void apply().then((result) => {
        dialog.busy = confirm.disabled = false;
        if (typeof result === 'string') return dialog.say(result);
        done = result;
        dialog.close();
      });
    }, true);
    confirm.focus();
  } else {
    dialog.body.append(el('p', 'panel-intro', 'Nothing to change: the corpus already has everything the file gives.'));
    cancel.focus();
  }
  await dialog.closed;
  return done;
}

/** What was done, in a sentence. */
export function describeDone(done: ReferenceImportDone): string {
  const parts = [
    done.sourcesFilled.length > 0 ? `filled the details of ${plural(done.sourcesFilled.length, 'source')}` : '',
    done.referencesAdded.length > 0 ? `added ${plural(done.referencesAdded.length, 'reference')} without text` : '',
    done.referencesFilled.length > 0 ? `filled ${plural(done.referencesFilled.length, 'reference')} without text` : '',
  ].filter(Boolean);
  const sentence = parts.join(' and ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

function planSections(plan: ReferencePlan, titleOf: (sourceId: string) => string): HTMLElement[] {
  const filling = plan.sources.filter((fill) => fill.filled.length > 0);
  const complete = plan.sources.filter((fill) => fill.filled.length === 0);
  const references = plan.references.filter((fill) => fill.filled.length > 0);
  const knownReferences = plan.references.filter((fill) => fill.filled.length === 0);
  const sections = [
    listSection(
      `Fills the details of ${plural(filling.length, 'source')}`,
      filling.map((fill) => line(`“${titleOf(fill.sourceId)}” ← ${fill.label} (same ${fill.by}): adds ${fill.filled.map(fieldLabel).join(', ')}`, fill.kept)),
      'plan-sources',
    ),
    listSection(
      `Already in the corpus with every detail the file gives (${plural(complete.length, 'source')})`,
      complete.map((fill) => line(`“${titleOf(fill.sourceId)}” ← ${fill.label} (same ${fill.by})`, fill.kept)),
      'plan-complete',
    ),
    listSection(
      `Adds ${plural(plan.added.length, 'reference')} without text, which can be cited`,
      plan.added.map((added) => line(`${describeReference(added.item)} ← ${added.label}`, [])),
      'plan-added',
    ),
    listSection(
      `Fills ${plural(references.length, 'reference')} without text`,
      references.map((fill) => line(`${describeReference(fill.item)} ← ${fill.label} (same ${fill.by}): adds ${fill.filled.map(fieldLabel).join(', ')}`, fill.kept)),
      'plan-references',
    ),
    listSection(
      `Already kept as references without text, with every detail the file gives (${plural(knownReferences.length, 'reference')})`,
      knownReferences.map((fill) => line(`${describeReference(fill.item)} ← ${fill.label} (same ${fill.by})`, fill.kept)),
      'plan-known-references',
    ),
    listSection(
      `Skips ${plural(plan.skipped.length, 'record')}`,
      plan.skipped.map((skip) => el('span', '', `${skip.label}: ${skip.reason}`)),
      'plan-skipped',
    ),
  ];
  return sections.filter((section): section is HTMLElement => section !== null);
}

// One line of the plan, with the differences where the corpus's own details are kept.
function line(text: string, kept: readonly KeptField[]): HTMLElement {
  const node = el('div', 'plan-line');
  node.append(el('span', '', text));
  if (kept.length > 0) {
    const list = el('ul', 'plan-kept');
    for (const field of kept) list.append(el('li', '', `Keeps ${fieldLabel(field.field)} “${field.ours}” (the file says “${field.theirs}”)`));
    node.append(list);
  }
  return node;
}
