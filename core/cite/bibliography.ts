/**
 * The bibliography (CMOS 18 13.65–13.73): one entry per cited source that Chicago lists, sorted by
 * its first element, with the 3-em dash for a repeated author under CMOS 17. Unsigned reference
 * entries and untitled news items are left out; archival documents are listed once per
 * collection, except those in an online archive, which are listed with their URL, and those held
 * in no named archive, which are listed themselves.
 */
import type { CslItem } from '../corpus/model.ts';
import { yearOf } from './dates.ts';
import { field, kindOf, names } from './item.ts';
import type { Kind } from './item.ts';
import { invertedName } from './names.ts';
import { creators } from './parts.ts';
import type { Creators } from './parts.ts';
import { plainText } from './rich.ts';
import type { Rich } from './rich.ts';
import type { Edition } from './style.ts';
import { templateFor } from './template.ts';
import { collectionEntry, collectionKey, isOnline } from './templates/archival.ts';
import { isEnglish } from './title-case.ts';

/** One bibliography entry: the id of the source (for a collection, of its first cited document). */
export interface BibliographyEntry {
  id: string;
  rich: Rich;
}

/** CMOS 17's mark for "same author(s) as the entry above". */
const REPEATED = '———';

interface Pending {
  id: string;
  creators: Creators | null;
  render: (creators: string | null) => Rich | null;
  key: string[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Builds the sorted bibliography of the cited items, in the given edition. */
export function buildBibliography(items: CslItem[], edition: Edition): BibliographyEntry[] {
  const pending: Pending[] = [];
  const collections = new Set<string>();
  for (const item of items) {
    const kind = kindOf(item);
    // A document held in a named archive is listed under its collection; one held nowhere named
    // (an imported PDF, a paper in private hands) is listed itself, as an online one is.
    const key = kind === 'archival' && !isOnline(item) ? collectionKey(item) : null;
    if (key !== null) {
      if (collections.has(key)) continue;
      collections.add(key);
      const rich = collectionEntry(item);
      const sortBy = [sortable(plainText(rich), true)];
      pending.push({ id: item.id, creators: null, render: () => rich, key: sortBy });
      continue;
    }
    const who = creators(item, edition, 'bibliography', kind !== 'chapter');
    const template = templateFor(kind);
    const render = (c: string | null) => template.bibliography(item, edition, c);
    const probe = render(who ? who.names + who.role : null);
    if (probe === null) continue;
    pending.push({ id: item.id, creators: who, render, key: sortKey(item, kind, who, probe) });
  }
  pending.sort((a, b) => compareKeys(a.key, b.key));
  const entries: BibliographyEntry[] = [];
  let previous: Creators | null = null;
  for (const entry of pending) {
    const who = entry.creators;
    const repeated = edition === 17 && who !== null && who.names === previous?.names;
    const rich = entry.render(who ? (repeated ? REPEATED : who.names) + who.role : null);
    if (rich) entries.push({ id: entry.id, rich });
    previous = who;
  }
  return entries;
}

/**
 * Sort key: the first author inverted (or the first element of an anonymous entry, without an
 * initial article); then single-author works before co-authored ones; then the other names, the
 * title and the year.
 */
function sortKey(item: CslItem, kind: Kind, who: Creators | null, entry: Rich): string[] {
  const english = isEnglish(field(item, 'language'));
  const title = sortable(field(item, 'title') ?? '', english);
  const year = String(yearOf(item.issued) ?? 0).padStart(4, '0');
  if (!who) return [sortable(plainText(entry), english), '0', '', title, year];
  const authors = names(item, 'author');
  const persons = authors.length > 0 || kind === 'chapter' ? authors : names(item, 'editor');
  const [first, ...rest] = persons;
  const lead = first ? invertedName(first) : who.names;
  return [lead, rest.length > 0 ? '1' : '0', who.names, title, year];
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const order = collator.compare(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

/** Text for sorting: no leading quotation marks, and no initial article in English. */
function sortable(text: string, english: boolean): string {
  const bare = text.replace(/^[“‘"'*\s]+/, '');
  return english ? bare.replace(/^(the|an|a)\s+/i, '') : bare;
}
