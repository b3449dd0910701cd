import type { ProjectBackupView } from '../../../core/api.ts';
import { plural } from '../../ui/panel-dialog.ts';

/** When a copy was taken, in the user's own date and time format ("7 Dec 2026, 14:05"). */
export function whenTaken(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const KINDS: Record<ProjectBackupView['kind'], string> = {
  auto: 'Daily backup',
  'pre-migration': 'Taken before an update',
  recovery: 'Recovery copy',
  replaced: 'Before a restore',
};

/** What kind of copy it is, in words. */
export function kindOf(kind: ProjectBackupView['kind']): string {
  return KINDS[kind];
}

/** The copy as a sentence names it: "the backup of 7 Dec 2026, 14:05", "the project as it was before the restore of …". */
export function copyName(copy: Pick<ProjectBackupView, 'kind' | 'created'>): string {
  const when = whenTaken(copy.created);
  if (copy.kind === 'replaced') return `the project as it was before the restore of ${when}`;
  return `${copy.kind === 'recovery' ? 'the recovery copy' : 'the backup'} of ${when}`;
}

/** The copy's line in the list of backups: when and what kind, or, for a project a restore replaced, which restore. */
export function copyTitle(copy: Pick<ProjectBackupView, 'kind' | 'created'>): string {
  if (copy.kind === 'replaced') return `The project as it was before the restore of ${whenTaken(copy.created)}`;
  return `${whenTaken(copy.created)} · ${kindOf(copy.kind)}`;
}

/** "37 highlights and 5 tags", or what is known when the copy could not be read. */
export function holds(contents: ProjectBackupView['contents']): string {
  return contents ? `${plural(contents.annotations, 'highlight')} and ${plural(contents.tags, 'tag')}` : 'contents could not be read';
}

/** A file size in KB or MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString()} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
}
