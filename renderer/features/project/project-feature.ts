import type { Context } from '../../context.ts';
import { chooseAction, dismissNotice, notify } from '../../ui/dialogs.ts';
import { backupsDialog, restoreWarning } from './backups-dialog.ts';
import { checkDialog } from './check-dialog.ts';
import { acceptWarning, decisionDialog } from './decision-dialog.ts';
import { copyName } from './project-words.ts';

/**
 * File ▸ Project: check the project, see its backups and restore one; and once the project stopped
 * saving (another program removed or replaced its files), restore a copy or go on as it is.
 */
export interface ProjectCommands {
  /** Runs the integrity check and says what it found; offers the choices instead when the project stopped saving. */
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
    notify(`Restored ${copyName(done.restored)}.${kept}`);
  };

  // Asked once at a time: the dialog's own calls may fail the same way while it is open.
  let deciding = false;
  // Set when the user chose to decide later: the choices then wait for File ▸ Project ▸ Check Project….
  let postponed = false;
  // True while the choices are on screen.
  let showing = false;
  // True when the project stopped saving and the user was shown the choices.
  const decide = async (): Promise<boolean> => {
    if (deciding || busy()) return false;
    deciding = true;
    try {
      const asked = await calls.result('project.decision');
      if (!asked.ok || asked.value === null || busy()) return false;
      const decision = asked.value;
      // The refusal's message tells to reopen the project; the dialog offers to do it now.
      dismissNotice();
      showing = true;
      const answer = await ctx.modal('project', () =>
        decisionDialog(decision, {
          confirm: async (shown) => {
            const { message, detail } = acceptWarning(shown);
            return (await chooseAction(message, detail, [{ label: 'Keep as It Is', value: true, danger: true }])) === true;
          },
          accept: () => calls.result('project.accept'),
        }),
      );
      showing = false;
      postponed = answer === null;
      if (answer === 'restore') await backups();
      else if (answer) {
        ctx.history.clear();
        await deps.reloadProject();
        notify(['Apparatus saves your changes again, in the project as it now is.', ...answer.done].join(' '));
      }
      return true;
    } finally {
      deciding = showing = false;
    }
  };
  // A save refused because the project stopped saving shows the choices at once; further refusals
  // while they are shown need no message of their own.
  calls.onFailure((error) => {
    if (error.code !== 'storage') return false;
    if (showing) return true;
    if (!postponed) void decide();
    return false;
  });

  const check = async () => {
    if (busy()) return;
    postponed = false;
    if (await decide()) return;
    const next = await ctx.modal('project', () => checkDialog(() => calls.result('project.check')));
    if (next === 'backups') await backups();
  };

  return { check, backups };
}
