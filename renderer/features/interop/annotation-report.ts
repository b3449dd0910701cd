import type { AnnotationImportReport } from '../../../core/api.ts';
import type { AnchorStatus } from '../../../core/annotate/model.ts';
import { el } from '../../dom.ts';
import { listSection, plural } from '../../ui/panel-dialog.ts';

const STATUS_LABELS: Record<AnchorStatus, string> = { anchored: 'Anchored', moved: 'Moved', orphaned: 'Orphaned' };

/** The counts of an annotation import in a sentence: "Imported 5: 3 anchored, 1 moved, 1 orphaned." */
export function describeCounts(report: AnnotationImportReport): string {
  const { anchored, moved, orphaned } = report.counts;
  const tags = report.newTags.length > 0 ? ` New tags: ${report.newTags.join(', ')}.` : '';
  const leftOut = report.tagsLeftOut.length > 0 ? ` (${plural(report.tagsLeftOut.length, 'tag')} left out.)` : '';
  return `Imported ${report.imported.length}: ${anchored} anchored, ${moved} moved, ${orphaned} orphaned.${leftOut}${tags}`;
}

/**
 * What an annotation import did, for the user to check: the counts, each annotation with where
 * it landed, what moved and orphaned mean for them, and every record not imported with why.
 */
export function annotationReport(report: AnnotationImportReport, titleOf: (sourceId: string) => string): HTMLElement[] {
  const parts: HTMLElement[] = [el('p', 'import-counts', describeCounts(report))];
  const imported = listSection(
    'Imported',
    report.imported.map(({ annotation, status }) => {
      const line = el('span', 'imported-line');
      line.append(el('span', `anchor-badge anchor-${status}`, STATUS_LABELS[status]), el('span', '', ` “${excerpt(annotation.quote.exact)}” — ${titleOf(annotation.sourceId)}`));
      return line;
    }),
    'imported-annotations',
  );
  if (imported) parts.push(imported);
  if (report.counts.moved > 0) parts.push(el('p', 'form-hint', 'Moved: found where the words are nearly the same; check that they mark the passage you meant.'));
  if (report.counts.orphaned > 0) parts.push(el('p', 'form-hint', 'Orphaned: the words were not found in the source; they are kept in the annotations list, where you can re-attach them.'));
  const skipped = listSection(`Not imported (${plural(report.skipped.length, 'record')})`, report.skipped.map((skip) => el('span', '', `${skip.label}: ${skip.reason}`)), 'skipped-records');
  if (skipped) parts.push(skipped);
  const leftOut = listSection(`Tags left out (${plural(report.tagsLeftOut.length, 'tag')}: their annotations were imported without them)`, report.tagsLeftOut.map((left) => el('span', '', `${left.label}: the tag “${excerpt(left.tag)}”: ${left.reason}`)), 'tags-left-out');
  if (leftOut) parts.push(leftOut);
  return parts;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
