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
};

/** What kind of copy it is, in words. */
export function kindOf(kind: ProjectBackupView['kind']): string {
  return KINDS[kind];
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
