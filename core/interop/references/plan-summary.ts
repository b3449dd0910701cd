/** Words for a reference import's plan, as the command line and the window both report it. */
import type { CslItem } from '../../corpus/model.ts';
import type { ReferencePlan } from './plan-import.ts';

/** Whether carrying out the plan would change anything. */
export function planChanges(plan: ReferencePlan): boolean {
  return plan.sources.some((fill) => fill.filled.length > 0) || plan.references.some((fill) => fill.filled.length > 0) || plan.added.length > 0;
}

/** How many records of the file the plan accounts for, skipped ones included. */
export function planRecords(plan: ReferencePlan): number {
  return plan.sources.length + plan.references.length + plan.added.length + plan.skipped.length;
}

/** A reference in a few words: `Griffith, “Albania and the Sino-Soviet Rift” (1963)`. */
export function describeReference(item: CslItem): string {
  const author = item.author?.[0];
  const name = author ? (author.family ?? author.literal ?? '') : '';
  const year = item.issued?.['date-parts']?.[0]?.[0];
  return `${name ? `${name}, ` : ''}“${item.title ?? ''}”${year !== undefined ? ` (${year})` : ''}`;
}
