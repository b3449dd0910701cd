import type { Context } from '../../context.ts';
import { chooseAction, notify } from '../../ui/dialogs.ts';
import { backupsDialog, restoreWarning } from './backups-dialog.ts';
import { checkDialog } from './check-dialog.ts';
import { whenTaken } from './project-words.ts';

/** File ▸ Project: check the project, see its backups and restore one. */
export interface ProjectCommands {
  /** Runs the integrity check and says what it found. */
  check(): Promise<void>;
  /** Lists the backups and restores the one the user chooses. */
  backups(): Promise<void>;
}

/** What the feature needs once a backup replaced the project: everything shown is read again. */
export interface ProjectDeps {
  reloadProject(): Promise<void>;
}

/** Mounts nothing of its own: its commands come from the File menu. */
export function mountProject(ctx: Context, deps: ProjectDeps): ProjectCommands {
  const { store, calls } = ctx;
  const busy = () => store.state.dialogs.modal !== null;

  const backups = async () => {
    if (busy()) return;
    const done = await ctx.modal('project', () =>
      backupsDialog({
        list: () => calls.result('project.backups'),
        confirm: async (backup) => {
          const { message, detail } = restoreWarning(backup);
          return (await chooseAction(message, detail, [{ label: 'Restore', value: true, danger: true }])) === true;
        },
        restore: async (name) => {
          // A note still being typed is saved into the project as it is now, which is kept.
          await calls.settle();
          return calls.result('project.restore', { name });
        },
      }),
    );
    if (!done) return;
    ctx.history.clear();
    await deps.reloadProject();
    const kept = done.setAside ? ` Your project as it was is kept as ${done.setAside}.` : '';
    notify(`Restored the backup of ${whenTaken(done.restored.created)}.${kept}`);
  };

  const check = async () => {
    if (busy()) return;
    const next = await ctx.modal('project', () => checkDialog(() => calls.result('project.check')));
    if (next === 'backups') await backups();
  };

  return { check, backups };
}
