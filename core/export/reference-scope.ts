/**
 * Which sources a reference-manager export (CSL-JSON, RIS, BibTeX) holds: all of the corpus, one
 * source, or the sources of the highlights carrying a tag.
 */
import type { Annotation, Tag } from '../annotate/model.ts';
import type { CslItem, Source } from '../corpus/model.ts';
import { ExportError } from './errors.ts';
import { selectAnnotations } from './scope.ts';
import type { ExportScope } from './scope.ts';

/**
 * The CSL-JSON items in `scope`, in the order of `sources`, then (for all of the corpus) the
 * references without text; `source:ID` may name either. Throws `ExportError` (`unknown-source`,
 * `unknown-tag`, `nothing-to-export`).
 */
export function referenceItems(
  sources: readonly Source[],
  annotations: readonly Annotation[],
  tags: readonly Tag[],
  scope: ExportScope,
  references: readonly CslItem[] = [],
): CslItem[] {
  let chosen: readonly Source[] = sources;
  if (scope.kind === 'source') {
    chosen = sources.filter((source) => source.id === scope.sourceId);
    const reference = references.find((item) => item.id === scope.sourceId);
    if (chosen.length === 0 && reference) return [reference];
    if (chosen.length === 0) {
      throw new ExportError('unknown-source', `There is no source “${scope.sourceId}” in the corpus.`);
    }
  } else if (scope.kind === 'tag') {
    const ids = new Set(selectAnnotations(annotations, tags, scope).map((a) => a.sourceId));
    chosen = sources.filter((source) => ids.has(source.id));
  }
  const items = [...chosen.map((source) => source.meta.csl), ...(scope.kind === 'all' ? references : [])];
  if (items.length === 0) {
    throw new ExportError('nothing-to-export', 'No sources match this scope: nothing to export.');
  }
  return items;
}
