/**
 * What importing a reference file will do, decided before anything is written, so the historian
 * can confirm it: each record either fills the gaps in the metadata of a source it matches (by
 * DOI, else by title and year), fills those of a reference without text already kept, or is kept
 * as a new reference without text. Metadata the corpus already has is never overwritten: where
 * the file says otherwise, ours is kept and the difference is shown.
 */
import type { MetadataPatch } from '../../corpus/metadata-patch.ts';
import { NAME_ROLES, type CslItem, type CslName } from '../../corpus/model.ts';
import { invertedName } from '../../export/csl-fields.ts';
import type { SkippedRecord } from '../annotations/external.ts';
import { doiKey, titleKey, yearOf } from '../identifiers.ts';
import type { ReadRecord } from './read-references.ts';

/** How a record was matched. */
export type MatchedBy = 'DOI' | 'title and year';

/** A field on which the file and our metadata disagree: ours is kept. */
export interface KeptField {
  field: string;
  ours: string;
  theirs: string;
}

/** A record that fills gaps in a source's metadata (through the metadata editor's patch). */
export interface SourceFill {
  label: string;
  sourceId: string;
  by: MatchedBy;
  patch: MetadataPatch;
  /** The CSL variables the patch fills; empty when the source already has everything. */
  filled: string[];
  kept: KeptField[];
}

/** A record that fills gaps in a reference without text already kept. */
export interface ReferenceFill {
  label: string;
  referenceId: string;
  by: MatchedBy;
  /** The reference with the gaps filled. */
  item: CslItem;
  filled: string[];
  kept: KeptField[];
}

/** A record kept as a new reference without text. */
export interface NewReference {
  label: string;
  item: CslItem;
}

/** The whole plan. */
export interface ReferencePlan {
  sources: SourceFill[];
  references: ReferenceFill[];
  added: NewReference[];
  skipped: SkippedRecord[];
}

/** Chooses the id of a new reference, free among `taken`. */
export type IdChooser = (item: CslItem, key: string | null, taken: ReadonlySet<string>) => string;

// The variables the metadata editor edits, in the order a list of changes names them.
const TEXT_FIELDS = ['title-short', 'container-title', 'volume', 'issue', 'page', 'DOI', 'URL', 'publisher', 'publisher-place', 'language'] as const;

/**
 * The plan for `records` against the corpus's `sources` and the `references` kept so far.
 * `chooseId` names new references (ids are never those of a source or another reference).
 */
export function planReferenceImport(records: readonly ReadRecord[], sources: readonly CslItem[], references: readonly CslItem[], chooseId: IdChooser): ReferencePlan {
  const plan: ReferencePlan = { sources: [], references: [], added: [], skipped: [] };
  const taken = new Set([...sources, ...references].map((item) => item.id));
  const current = new Map(references.map((item) => [item.id, item]));
  const sourceItems = new Map(sources.map((item) => [item.id, item]));
  for (const record of records) {
    const source = findMatch(record.item, sources);
    if (source) {
      const item = sourceItems.get(source.item.id) as CslItem;
      const fill = sourceFill(item, record.item);
      plan.sources.push({ label: record.label, sourceId: item.id, by: source.by, ...fill });
      sourceItems.set(item.id, { ...item, ...filledFields(record.item, fill.filled) });
      continue;
    }
    const known = findMatch(record.item, [...current.values()]);
    if (known) {
      const before = current.get(known.item.id) as CslItem;
      const { item, filled, kept } = referenceFill(before, record.item);
      const earlier = plan.added.find((added) => added.item.id === before.id);
      if (earlier) {
        earlier.item = item;
        plan.skipped.push({ label: record.label, reason: `it is the same work as ${earlier.label}${filled.length > 0 ? `, whose gaps it fills (${filled.join(', ')})` : ''}` });
      } else plan.references.push({ label: record.label, referenceId: before.id, by: known.by, item, filled, kept });
      current.set(item.id, item);
      continue;
    }
    const id = chooseId(record.item, record.key, taken);
    taken.add(id);
    const item = { ...record.item, id };
    plan.added.push({ label: record.label, item });
    current.set(id, item);
  }
  return plan;
}

/** The source or reference among `items` that `record` is the same work as, and how it was told. */
export function findMatch(record: CslItem, items: readonly CslItem[]): { item: CslItem; by: MatchedBy } | null {
  const doi = doiKey(record.DOI);
  if (doi !== null) {
    const same = items.find((item) => doiKey(item.DOI) === doi);
    if (same) return { item: same, by: 'DOI' };
  }
  const title = titleKey(record.title);
  const year = yearOf(record.issued);
  if (title === null) return null;
  const same = items.find((item) => {
    if (titleKey(item.title) !== title) return false;
    // Two works with one title and different DOIs are two works.
    if (doi !== null && doiKey(item.DOI) !== null) return false;
    const theirs = yearOf(item.issued);
    return theirs === year || theirs === null || year === null;
  });
  return same ? { item: same, by: 'title and year' } : null;
}

function sourceFill(item: CslItem, record: CslItem): { patch: MetadataPatch; filled: string[]; kept: KeptField[] } {
  const patch: MetadataPatch = {};
  const filled: string[] = [];
  const kept: KeptField[] = [];
  if ((item.type === 'document' || item.type === undefined) && record.type !== 'document') {
    patch.type = record.type;
    filled.push('type');
  }
  for (const field of TEXT_FIELDS) {
    const theirs = textOf(record[field]);
    if (theirs === null) continue;
    const ours = textOf(item[field]);
    if (ours === null) {
      patch[field] = theirs;
      filled.push(field);
    } else if (!sameText(field, ours, theirs)) kept.push({ field, ours, theirs });
  }
  const authors = authorLines(record.author);
  if (authors !== null) {
    const ours = authorLines(item.author);
    if (ours === null) {
      patch.authors = authors;
      filled.push('author');
    } else if (ours.join('; ') !== authors.join('; ')) kept.push({ field: 'author', ours: ours.join('; '), theirs: authors.join('; ') });
  }
  // Editors, translators and the other roles are kept as the file gives them, for the editor
  // edits only authors; like any other field, they fill a role the source has no one in.
  for (const role of NAME_ROLES) {
    const theirs = namesOf(record[role]);
    if (theirs === null) continue;
    const ours = namesOf(item[role]);
    if (ours === null) {
      patch.names = { ...patch.names, [role]: theirs };
      filled.push(role);
    } else if (nameList(ours) !== nameList(theirs)) kept.push({ field: role, ours: nameList(ours), theirs: nameList(theirs) });
  }
  const issued = dateText(record.issued);
  if (issued !== null) {
    const ours = dateText(item.issued);
    if (ours === null) {
      patch.issued = issued;
      filled.push('issued');
    } else if (ours !== issued) kept.push({ field: 'issued', ours, theirs: issued });
  }
  const title = textOf(record.title);
  if (title !== null && !sameText('title', textOf(item.title) ?? '', title)) kept.push({ field: 'title', ours: textOf(item.title) ?? '', theirs: title });
  return { patch, filled, kept };
}

function referenceFill(item: CslItem, record: CslItem): { item: CslItem; filled: string[]; kept: KeptField[] } {
  const next: CslItem = { ...item };
  const filled: string[] = [];
  const kept: KeptField[] = [];
  for (const [field, theirs] of Object.entries(record)) {
    if (field === 'id' || theirs === undefined) continue;
    const ours = item[field];
    if (ours === undefined) {
      next[field] = theirs;
      filled.push(field);
    } else if (JSON.stringify(ours) !== JSON.stringify(theirs) && typeof ours === 'string' && typeof theirs === 'string' && !sameText(field, ours, theirs)) {
      kept.push({ field, ours, theirs });
    }
  }
  return { item: next, filled, kept };
}

function filledFields(record: CslItem, filled: readonly string[]): Partial<CslItem> {
  const out: Record<string, unknown> = {};
  for (const field of filled) out[field === 'author' ? 'author' : field] = record[field];
  return out;
}

function sameText(field: string, a: string, b: string): boolean {
  if (field === 'DOI') return doiKey(a) === doiKey(b);
  if (field === 'page') return a.replace(/[–—-]+/g, '-') === b.replace(/[–—-]+/g, '-');
  return a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
}

function textOf(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : null;
}

// The editor takes one author a line, "Family, Given" or an institution; an institution whose name
// holds a comma would be read back as a person, so such a list is left for the historian.
function authorLines(names: unknown): string[] | null {
  if (!Array.isArray(names) || names.length === 0) return null;
  const lines = (names as CslName[]).map((name) => invertedName(name));
  if ((names as CslName[]).some((name) => name.literal !== undefined && name.literal.includes(','))) return null;
  return lines.every((line) => line !== '') ? lines : null;
}

function namesOf(names: unknown): CslName[] | null {
  return Array.isArray(names) && names.length > 0 ? (names as CslName[]) : null;
}

function nameList(names: readonly CslName[]): string {
  return names.map((name) => invertedName(name)).join('; ');
}

function dateText(date: unknown): string | null {
  const parts = (date as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  if (!Array.isArray(parts) || typeof parts[0] !== 'number') return null;
  return parts.map((part, i) => (i === 0 ? String(part).padStart(4, '0') : String(part).padStart(2, '0'))).join('-');
}
