import type { ProjectBackupView, ProjectRestoreDone, Result } from '../../../core/api.ts';
import { el } from '../../dom.ts';
import { PanelDialog } from '../../ui/panel-dialog.ts';
import { copyName, copyTitle, fileSize, holds } from './project-words.ts';

/** What the backups dialog asks of main and of the user. */
export interface BackupsDialogDeps {
  list(): Promise<Result<ProjectBackupView[]>>;
  /** Asks the user to confirm restoring `backup`; true to go ahead. */
  confirm(backup: ProjectBackupView): Promise<boolean>;
  restore(name: string): Promise<Result<ProjectRestoreDone>>;
}

/**
 * File ▸ Project ▸ Backups…: lists the copies the project can be restored from, newest first,
 * one radio button each (arrow keys move between them), and restores the chosen one once the
 * user confirmed. A refusal is said in the dialog, which stays open. Resolves with what was
 * restored, or null.
 */
export async function backupsDialog(deps: BackupsDialogDeps): Promise<ProjectRestoreDone | null> {
  const dialog = new PanelDialog('Backups of your project', 'project-backups');
  dialog.body.append(
    el('p', 'panel-intro', 'Apparatus keeps a backup of your project on each day it opens it (the last seven), and one before each update. Restoring one puts your highlights, notes and tags back as they were then; the project as it is now is kept beside it, never deleted, and listed here, so that a restore can be undone.'),
  );
  const close = dialog.addButton('Close', () => dialog.close());
  const restore = dialog.addButton('Restore…', () => void chosen(), true);
  restore.disabled = true;
  close.focus();
  const listed = await deps.list();
  if (!listed.ok) {
    dialog.say(listed.error.message);
  } else if (listed.value.length === 0) {
    dialog.body.append(el('p', 'panel-intro project-no-backups', 'There is no backup yet: Apparatus makes the first when it opens your project on a later day.'));
  } else {
    const radios = listBackups(dialog, listed.value);
    restore.disabled = false;
    radios[0]?.focus();
  }

  let done: ProjectRestoreDone | null = null;
  async function chosen(): Promise<void> {
    const name = dialog.body.querySelector<HTMLInputElement>('input[name="backup"]:checked')?.value;
    const backup = listed.ok ? listed.value.find((entry) => entry.name === name) : undefined;
    if (!backup || !(await deps.confirm(backup))) return;
    dialog.say('');
    dialog.busy = restore.disabled = close.disabled = true;
    const result = await deps.restore(backup.name);
    dialog.busy = restore.disabled = close.disabled = false;
    if (!result.ok) {
      dialog.say(result.error.message);
      restore.focus();
      return;
    }
    done = result.value;
    dialog.close();
  }

  await dialog.closed;
  return done;
}

function listBackups(dialog: PanelDialog, backups: readonly ProjectBackupView[]): HTMLInputElement[] {
  const group = el('fieldset', 'backup-list');
  group.append(el('legend', '', 'Backups, newest first'));
  const radios = backups.map((backup, index) => {
    const input = el('input', '', undefined, { type: 'radio', name: 'backup', value: backup.name });
    input.checked = index === 0;
    const label = el('label', 'check-item backup-item');
    label.append(input, el('span', 'check-text', copyTitle(backup)), el('span', 'check-detail', `${holds(backup.contents)} · ${fileSize(backup.bytes)}`));
    group.append(label);
    return input;
  });
  dialog.body.append(group);
  return radios;
}

/** The confirmation's words: what restoring `backup` does. */
export function restoreWarning(backup: ProjectBackupView): { message: string; detail: string } {
  return {
    message: `Restore ${copyName(backup)}?`,
    detail:
      `Your project goes back to what it held ${backup.kind === 'replaced' ? 'before that restore' : 'then'}: ${holds(backup.contents)}. Highlights, notes and tags made since are not in it. ` +
      'The project as it is now is not deleted: it is kept as a file beside the restored one, and Undo starts afresh.',
  };
}
