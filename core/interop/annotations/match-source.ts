/**
 * Which of our sources another tool's annotation is on: the one our own export named, else the one
 * with the same DOI, else the one at the same web address.
 */
import type { CslItem } from '../../corpus/model.ts';
import { doiKey, urlKey } from '../identifiers.ts';
import type { ExternalTarget } from './external.ts';

/** The id of the source `target` names, or null when none of `items` matches. */
export function matchSource(target: ExternalTarget, items: readonly CslItem[]): string | null {
  const ids = new Set(items.map((item) => item.id));
  const ours = target.sourceIds.find((id) => ids.has(id));
  if (ours !== undefined) return ours;
  const dois = new Set(target.dois.map(doiKey).filter((key): key is string => key !== null));
  const byDoi = items.find((item) => {
    const key = doiKey(item.DOI);
    return key !== null && dois.has(key);
  });
  if (byDoi) return byDoi.id;
  const urls = new Set(target.urls.map(urlKey).filter((key): key is string => key !== null));
  const byUrl = items.find((item) => {
    const key = urlKey(item.URL);
    return key !== null && urls.has(key);
  });
  return byUrl ? byUrl.id : null;
}
