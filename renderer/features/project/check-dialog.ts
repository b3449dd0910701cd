import type { ProjectCheckView, Result } from '../../../core/api.ts';
import { el } from '../../dom.ts';
import { listSection, PanelDialog, plural } from '../../ui/panel-dialog.ts';
import { holds, whenTaken } from './project-words.ts';

/**
 * File ▸ Project ▸ Check Project…: runs the integrity check and says what it found, in words.
 * Resolves with 'backups' when the user asks to see the backups from here, else null.
 */
export async function checkDialog(check: () => Promise<Result<ProjectCheckView>>): Promise<'backups' | null> {
  const dialog = new PanelDialog('Check project', 'project-check');
  const status = el('p', 'panel-intro project-verdict', 'Checking the project…', { role: 'status' });
  dialog.body.append(status);
  let choice: 'backups' | null = null;
  const backups = dialog.addButton('Backups…', () => {
    choice = 'backups';
    dialog.close();
  });
  const close = dialog.addButton('Close', () => dialog.close(), true);
  backups.disabled = true;
  dialog.busy = true;
  close.focus();
  const result = await check();
  dialog.busy = false;
  backups.disabled = false;
  if (!result.ok) {
    status.textContent = 'The project could not be checked.';
    dialog.say(result.error.message);
  } else {
    status.textContent = verdict(result.value);
    dialog.body.append(...details(result.value));
  }
  await dialog.closed;
  return choice;
}

/** The first sentence: sound or not. */
function verdict(check: ProjectCheckView): string {
  switch (check.state) {
    case 'sound':
      return `Your project is sound: SQLite’s integrity check found no problem. It holds ${holds(check.contents)}.`;
    case 'none':
      return 'There is no project yet: it is made when you first highlight a passage or make a tag.';
    case 'damaged':
      return 'Your project file is damaged: SQLite’s integrity check found problems. Restore a backup to go on safely.';
    case 'needs-decision':
      return 'Your project needs your decision before Apparatus can go on saving changes.';
  }
}

const CANNOT_SAVE: Record<NonNullable<ProjectCheckView['cannotSave']>, string> = {
  'read-only': 'Apparatus cannot save changes to it: the folder or the project file is read-only. It can still be read, searched and exported; make it writable to go on highlighting.',
  'disk-full': 'Apparatus cannot save changes to it: the disk holding it is full. It can still be read, searched and exported; free some space to go on highlighting.',
};

function details(check: ProjectCheckView): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (check.message && check.state !== 'none') parts.push(el('p', 'panel-intro project-message', check.message));
  if (check.cannotSave) parts.push(el('p', 'panel-intro project-cannot-save', CANNOT_SAVE[check.cannotSave]));
  const problems = listSection('What the check found', check.problems.map((line) => el('span', '', line)), 'project-problems');
  if (problems) parts.push(problems);
  const { count, newest } = check.backups;
  parts.push(el('p', 'panel-intro project-backups-line', newest ? `${plural(count, 'copy', 'copies')} can be restored, the newest from ${whenTaken(newest)}.` : 'There is no backup to restore yet.'));
  parts.push(el('p', 'panel-intro project-file', `Project file: ${check.file}`));
  return parts;
}
