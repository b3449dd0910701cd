/**
 * One record read from a reference file, made into CSL-JSON as Apparatus keeps it: the fields the
 * corpus format checks are valid (or left out), names are CSL names (an institution is a
 * `literal`), and the conventions of the file's format that Citation.js does not follow are read
 * as Zotero and our own exports write them.
 */
import * as v from 'valibot';
import { APPARATUS_KEYS, metadataEntries } from '../../corpus/front-matter-schema.ts';
import { NAME_ROLES, type CslItem, type CslName } from '../../corpus/model.ts';
import { ourCslType } from '../../export/csl-types.ts';
import { isRecord } from '../json-values.ts';

/** What else is known about where the record came from. */
export interface RecordOrigin {
  /** A BibTeX entry's `entrysubtype` (biblatex marks magazine and newspaper articles so). */
  entrysubtype?: string | undefined;
  /** The fields of a RIS record, by tag. */
  ris?: Record<string, unknown>;
}

const NAME_FIELDS = ['author', ...NAME_ROLES];
// Web pages and blog posts: their RIS T2 is the site's name (as Zotero writes it), not a series.
const RIS_SITE_TYPES = new Set(['ELEC', 'BLOG', 'WEB']);
const { id: _id, reliability: _reliability, ...cslEntries } = metadataEntries;
const checked = v.looseObject(Object.fromEntries(Object.entries(cslEntries).filter(([key]) => !APPARATUS_KEYS.includes(key))));

/** The record as a CSL item (id still to be chosen: it is the file's key, or empty), or why it is skipped. */
export function normalizeReference(value: unknown, origin: RecordOrigin = {}): { item: CslItem } | { reason: string } {
  if (!isRecord(value)) return { reason: 'it is not a record' };
  const item: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key.startsWith('_') || key === 'citation-key' || key === 'citation-label' || APPARATUS_KEYS.includes(key)) continue;
    const cleaned = clean(field);
    if (cleaned !== undefined) item[key] = cleaned;
  }
  if (typeof item.title !== 'string' || item.title.trim() === '') return { reason: 'it has no title' };
  item.title = item.title.replace(/\s+/g, ' ').trim();
  item.type = typeof item.type === 'string' && item.type !== '' ? ourCslType(item.type) : 'document';
  applyBibtexConventions(item, origin);
  applyRisConventions(item, origin);
  for (const field of NAME_FIELDS) {
    if (!Array.isArray(item[field])) continue;
    const names = (item[field] as unknown[]).flatMap(cslName);
    if (names.length > 0) item[field] = names;
    else delete item[field];
  }
  for (const field of ['volume', 'issue', 'page', 'part', 'edition', 'number-of-pages']) {
    if (typeof item[field] === 'number') item[field] = String(item[field]);
  }
  for (let tries = 0; tries < 20; tries += 1) {
    const result = v.safeParse(checked, item);
    if (result.success) break;
    // A field the corpus format would refuse is left out; the record itself still comes in.
    const bad = result.issues[0]?.path?.[0]?.key;
    if (typeof bad !== 'string' || bad === 'title' || bad === 'type') return { reason: `its ${String(bad)} cannot be read: ${result.issues[0]?.message ?? ''}` };
    delete item[bad];
  }
  item.id = typeof value.id === 'string' || typeof value.id === 'number' ? String(value.id).trim() : '';
  return { item: item as CslItem };
}

function applyBibtexConventions(item: Record<string, unknown>, origin: RecordOrigin): void {
  const subtype = origin.entrysubtype?.toLowerCase();
  if ((subtype === 'magazine' || subtype === 'newspaper') && item.type === 'article-journal') {
    item.type = `article-${subtype}`;
    if (typeof item.genre === 'string' && item.genre.toLowerCase() === subtype) delete item.genre;
  }
  // biblatex's @online names its site in `organization`, which Citation.js reads as the publisher.
  if (origin.ris === undefined && item.type === 'webpage' && item['container-title'] === undefined && typeof item.publisher === 'string') {
    item['container-title'] = item.publisher;
    delete item.publisher;
  }
}

function applyRisConventions(item: Record<string, unknown>, origin: RecordOrigin): void {
  const ris = origin.ris;
  if (!ris) return;
  const type = typeof ris.TY === 'string' ? ris.TY.trim() : '';
  const site = typeof ris.T2 === 'string' ? ris.T2.trim() : '';
  if (RIS_SITE_TYPES.has(type) && site !== '' && item['container-title'] === undefined) {
    item['container-title'] = site;
    if (item['collection-title'] === site) delete item['collection-title'];
  }
  // DA holds the full date (PY the year alone); for some types Citation.js reads only PY.
  const da = typeof ris.DA === 'string' ? /^(\d{4})\/(\d{1,2})?\/(\d{1,2})?/.exec(ris.DA.trim()) : null;
  const issued = (item.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  if (da && da[2] !== undefined && (issued === undefined || (issued[0] === Number(da[1]) && issued.length < (da[3] === undefined ? 2 : 3)))) {
    item.issued = { 'date-parts': [[Number(da[1]), Number(da[2]), ...(da[3] === undefined ? [] : [Number(da[3])])]] };
  }
  // Zotero (and Apparatus) write a book's editors as A2; the RIS specification's series editor is A3.
  if (type === 'BOOK' && ris.A2 !== undefined && item.editor === undefined && item['collection-editor'] !== undefined) {
    item.editor = item['collection-editor'];
    delete item['collection-editor'];
  }
}

// Names Citation.js reads from a braced BibTeX name or a RIS name without a comma come with a
// family name alone: an institution, which CSL names `literal`.
function cslName(value: unknown): CslName[] {
  if (!isRecord(value)) return typeof value === 'string' && value.trim() !== '' ? [{ literal: value.trim() }] : [];
  const name: CslName = {};
  for (const key of ['family', 'given', 'literal', 'non-dropping-particle', 'dropping-particle', 'suffix'] as const) {
    const part = value[key];
    if (typeof part === 'string' && part.trim() !== '') name[key] = part.trim();
  }
  if (name.family !== undefined && name.given === undefined && name.literal === undefined && name['non-dropping-particle'] === undefined) {
    return [{ literal: name.family }];
  }
  return Object.keys(name).length > 0 ? [name] : [];
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value)) return value.length === 0 ? undefined : value;
  if (value === null) return undefined;
  return value;
}
