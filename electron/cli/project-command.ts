import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  acceptProjectAsIs,
  everyRestorableCopy,
  inspectProject,
  restorableCopies,
  restoreCopy,
  StoreCorruptError,
  StoreRecoveryError,
  type ProjectReport,
  type RestorableCopy,
  type RestoredCopy,
  whyReadOnly,
} from '../services/store/index.ts';
import { CliUsageError, noMoreArgs, ok, onlyOptions, parseCommandArgs, projectFile, unknownAction, type CliCommand, type CliOutcome } from './command.ts';
import { JSON_FAILURE_HELP } from './json-error.ts';

const USAGE = `Usage:
  apparatus project check [--json]
  apparatus project backups [--json]
  apparatus project restore NAME | --latest
  apparatus project accept

check     says whether the project opens and runs SQLite's thorough integrity check on it, and
          whether changes can be saved to it (read-only, or a full disk: "cannotSave" in JSON);
          exits with 1 when something needs your attention (with --json, the report is still
          printed on stdout: it is the answer, not a failure)
backups   the backups and recovery copies the project can be restored from, newest first, and
          the project as it was before each restore (restoring that one undoes the restore)
restore   replaces the project file by the copy NAME, or its path (or the newest backup or
          recovery copy, with --latest); the file it replaces is kept beside it. Close Apparatus
          first.
accept    goes on with the project as it is: without changes that were lost, or, where the
          project file is missing or damaged, with a new, empty project (a damaged file is set
          aside). Nothing is deleted.
Every command accepts --project DIR.
${JSON_FAILURE_HELP}`;

/** `apparatus project`: check a project, list its backups, restore one, or go on as it is. */
export const projectCommand: CliCommand = {
  name: 'project',
  summary: 'check the project, list its backups, restore one',
  usage: USAGE,
  run(args, context) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      latest: { type: 'boolean' },
    });
    const file = projectFile(values.project, context);
    const [action, name] = positionals;
    const takes = { check: ['json'], backups: ['json'], restore: ['latest'], accept: [] } as const;
    if (action !== undefined && Object.hasOwn(takes, action)) onlyOptions(values, takes[action as keyof typeof takes], `project ${action}`);
    noMoreArgs(positionals, action === 'restore' ? 2 : 1, action === 'restore' ? 'restore takes the NAME of one copy' : `${action ?? 'project'} takes no other words`);
    switch (action) {
      case 'check': {
        const inspected = inspectProject(file);
        // A project that cannot be changed is still sound, but the historian must know before working in it.
        const cannotSave = existsSync(file) ? whyReadOnly(file) : undefined;
        const report: CheckedProject = cannotSave === undefined ? inspected : { ...inspected, cannotSave };
        const code = report.state === 'sound' || report.state === 'none' ? 0 : 1;
        return { code, stdout: values.json ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report), stderr: '' };
      }
      case 'backups': {
        const copies = everyRestorableCopy(file);
        if (values.json) return ok(`${JSON.stringify(copies, null, 2)}\n`);
        if (copies.length === 0) return ok(`There are no backups of ${file} yet.\n`);
        return ok(copies.map(copyLine).join(''));
      }
      case 'restore':
        return restore(file, name === undefined ? undefined : copyName(file, name, context.cwd), values.latest ?? false);
      case 'accept': {
        const done = acceptProjectAsIs(file);
        return ok(done.length === 0 ? 'Nothing to do: the project opens as it is.\n' : `${done.join('\n')}\n`);
      }
      default:
        throw action ? unknownAction(action, ['check', 'backups', 'restore', 'accept']) : new CliUsageError('say what to do: check, backups, restore or accept');
    }
  },
};

function restore(file: string, name: string | undefined, latest: boolean): CliOutcome {
  if ((name === undefined) === !latest) {
    throw new CliUsageError('restore needs the NAME of a copy (see apparatus project backups) or --latest');
  }
  const chosen = name ?? restorableCopies(file)[0]?.name;
  if (chosen === undefined) return { code: 1, stdout: '', stderr: `apparatus project: There is no backup of ${file} to restore.\n` };
  const result = restoreCopy(file, chosen);
  const kept = result.setAside ? ` The file it replaced was kept as ${result.setAside}.` : '';
  return ok(`Restored ${copyTitle(result.restored)} (${result.restored.name}).${kept}\n`);
}

// The check's report, and why changes cannot be saved to the project when they cannot.
type CheckedProject = ProjectReport & { cannotSave?: 'read-only' | 'disk-full' };

// A copy may be named by its path too, as "The file it replaced was kept as …" prints it: the
// path of a listed copy stands for its name.
function copyName(file: string, given: string, cwd: string): string {
  if (!given.includes('/') && !given.includes('\\')) return given;
  const path = resolve(cwd, given);
  return everyRestorableCopy(file).find((copy) => copy.path === path)?.name ?? given;
}

function describeReport(report: CheckedProject): string {
  const lines = [`Project: ${report.file}`];
  if (report.state === 'none') lines.push('There is no project here yet.');
  if (report.state === 'sound' && report.contents) {
    const { annotations, tags, format } = report.contents;
    lines.push(`Sound: the integrity check passed (${annotations} highlight${annotations === 1 ? '' : 's'}, ${tags} tag${tags === 1 ? '' : 's'}, format ${format}).`);
  }
  if (report.cannotSave === 'read-only') {
    lines.push('Read-only: the folder or the project file is read-only, so changes cannot be saved; the project can still be listed, searched and exported.');
  }
  if (report.cannotSave === 'disk-full') {
    lines.push('The disk holding the project is full, so changes cannot be saved; the project can still be listed, searched and exported.');
  }
  // "No project here yet" is said once, above.
  if (report.message && report.state !== 'none') lines.push(report.message);
  for (const problem of report.problems.slice(0, 20)) lines.push(`  ${problem}`);
  const newest = report.restorable[0];
  lines.push(newest ? `Copies that can be restored: ${report.restorable.length}, the newest from ${newest.created} (${newest.name}).` : 'There is no backup to restore.');
  if (report.state === 'needs-decision' || report.state === 'damaged') lines.push(...nextSteps(report.restorable));
  return `${lines.join('\n')}\n`;
}

function copyLine(copy: RestorableCopy): string {
  const kind =
    copy.kind === 'recovery' ? 'recovery copy'
    : copy.kind === 'pre-migration' ? 'before an update'
    : copy.kind === 'replaced' ? `the project as it was before the restore of ${copy.created}`
    : 'backup';
  return `${copy.name}\t${kind}\t${copy.created}\t${kilobytes(copy.bytes)}\n`;
}

// What was restored, in the words of "Restored …".
function copyTitle(copy: RestoredCopy): string {
  if (copy.kind === 'replaced') return `the project as it was before the restore of ${copy.created}`;
  return `${copy.kind === 'recovery' ? 'the recovery copy' : 'the backup'} of ${copy.created}`;
}

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} KB`;
}

function nextSteps(copies: readonly { name: string }[]): string[] {
  const steps = copies[0]
    ? [`To restore the newest copy: apparatus project restore ${copies[0].name}`, 'To see every copy: apparatus project backups']
    : [];
  return [...steps, 'To go on with the project as it is: apparatus project accept'];
}

/**
 * What to run next after a store error that needs the user's decision, for the command line;
 * '' for other errors and where closing another window is the only remedy.
 */
export function recoveryHint(error: unknown): string {
  if (error instanceof StoreCorruptError) return `${nextSteps(error.backups).join('\n')}\n`;
  if (!(error instanceof StoreRecoveryError)) return '';
  if (error.code === 'journal-removed' && error.recoveryCopy === undefined) return '';
  return `${nextSteps(error.restorable).join('\n')}\n`;
}
