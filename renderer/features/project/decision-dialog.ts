import type { ProjectAcceptDone, ProjectDecisionView, Result } from '../../../core/api.ts';
import { el } from '../../dom.ts';
import { PanelDialog } from '../../ui/panel-dialog.ts';
import { holds, whenTaken } from './project-words.ts';

/** What the decision dialog asks of main and of the user. */
export interface DecisionDialogDeps {
  /** Asks the user to confirm going on with the project as it is; true to go ahead. */
  confirm(decision: ProjectDecisionView): Promise<boolean>;
  accept(): Promise<Result<ProjectAcceptDone>>;
}

/**
 * Shown when the open project stopped saving because another program removed or replaced its
 * files: says what happened and what is kept, and offers the choices the app offers when it
 * starts — restore a copy, or go on with the project as it now is — without a restart. Resolves
 * with 'restore' (the backups are to be shown), what accepting did, or null (decide later).
 */
export async function decisionDialog(decision: ProjectDecisionView, deps: DecisionDialogDeps): Promise<'restore' | ProjectAcceptDone | null> {
  const dialog = new PanelDialog('Your project needs your decision', 'project-decision');
  dialog.body.append(
    el('p', 'panel-intro project-happened', `${decision.happened} Apparatus stopped saving so that nothing would be lost, and the last change was not saved.`),
    el('p', 'panel-intro project-kept', kept(decision)),
    el('p', 'panel-intro', 'Choose how to go on: restore a copy, or keep the project as it now is. Apparatus does not need to restart. Until you choose, your changes are not saved.'),
  );
  let answer: 'restore' | ProjectAcceptDone | null = null;
  const later = dialog.addButton('Later', () => dialog.close());
  const restore = dialog.addButton('Restore a Copy…', () => {
    answer = 'restore';
    dialog.close();
  });
  const keep = dialog.addButton('Keep the Project as It Is…', () => void accepted(), true);
  restore.disabled = decision.copies === 0;
  later.focus();

  async function accepted(): Promise<void> {
    if (!(await deps.confirm(decision))) return;
    dialog.say('');
    dialog.busy = later.disabled = restore.disabled = keep.disabled = true;
    const result = await deps.accept();
    dialog.busy = later.disabled = keep.disabled = false;
    restore.disabled = decision.copies === 0;
    if (!result.ok) {
      dialog.say(result.error.message);
      keep.focus();
      return;
    }
    answer = result.value;
    dialog.close();
  }

  await dialog.closed;
  return answer;
}

/** What is kept, in words: the recovery copy, or the project file. */
function kept(decision: ProjectDecisionView): string {
  const copy = decision.recoveryCopy;
  if (copy) return `Everything Apparatus saw before it stopped is kept in a recovery copy of ${whenTaken(copy.created)}: ${holds(copy.contents)}.`;
  const project = decision.project ? ` (${holds(decision.project)})` : '';
  return `Everything you saved until then is in the project file${project}: nothing saved was lost.`;
}

/** The confirmation's words: what keeping the project as it is does, what it leaves out, and where that stays. */
export function acceptWarning(decision: ProjectDecisionView): { message: string; detail: string } {
  const copy = decision.recoveryCopy;
  const now = decision.project ? `The project file as it now is holds ${holds(decision.project)}. ` : '';
  if (copy) {
    return {
      message: 'Keep the project as it now is, without the recovery copy?',
      detail:
        `${now}Apparatus goes on with it, so what only the recovery copy of ${whenTaken(copy.created)} holds (${holds(copy.contents)}, as Apparatus last saw them) ` +
        'is not in your project. The recovery copy is not deleted: it is kept among the backups, where File ▸ Project ▸ Backups… can restore it at any time. Undo starts afresh.',
    };
  }
  return {
    message: 'Keep the project as it now is?',
    detail:
      `${now}Every change you saved is in it, so nothing saved is lost; only the change refused when Apparatus stopped must be made again. ` +
      'Apparatus closes the project and opens it again without the removed working file, then saves as before. Undo starts afresh.',
  };
}
