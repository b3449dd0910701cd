import { parseDateText, parseNameText } from './names-and-dates.ts';
import { NAME_ROLES, type CslItem, type CslName, type NameRole } from './model.ts';
import { DomainError } from '../errors.ts';
import { isZoteroKey } from './zotero-key.ts';

/** The metadata a historian edits in the library: text fields, authors one per line, a date. */
export interface MetadataPatch {
  type?: string;
  title?: string;
  'title-short'?: string;
  /** One name per entry: "Family, Given" for a person, or an institution as written. */
  authors?: string[];
  'container-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  /** "1961", "1961-12" or "1961-12-03". */
  issued?: string;
  DOI?: string;
  URL?: string;
  publisher?: string;
  'publisher-place'?: string;
  language?: string;
  /**
   * Fields the editor does not show, set by an import from Zotero: where an archival document is
   * kept (repository, shelfmark, call number) and what kind it is, a book's edition, series, ISBN
   * and length, which the Chicago notes of such works name.
   */
  archive?: string;
  archive_location?: string;
  'call-number'?: string;
  genre?: string;
  edition?: string;
  'collection-title'?: string;
  ISBN?: string;
  'number-of-pages'?: string;
  /** The item's key in the user's Zotero library (`zotero-key.ts`), set by an import from Zotero. */
  'zotero-key'?: string;
  /**
   * Names in other roles (editors, translators …) as CSL names, given whole by an import of
   * references; an empty list removes the role.
   */
  names?: Partial<Record<NameRole, CslName[]>>;
}

/** Why a patch was refused; `field` names the CSL variable, `message` says what to do. */
export class MetadataError extends DomainError<'invalid-metadata'> {
  override name = 'MetadataError';
  readonly field: string;

  constructor(field: string, message: string) {
    super('invalid-metadata', message);
    this.field = field;
  }
}

const TEXT_FIELDS = [
  'type',
  'title',
  'title-short',
  'container-title',
  'volume',
  'issue',
  'page',
  'DOI',
  'URL',
  'publisher',
  'publisher-place',
  'language',
  'archive',
  'archive_location',
  'call-number',
  'genre',
  'edition',
  'collection-title',
  'ISBN',
  'number-of-pages',
  'zotero-key',
] as const;

/**
 * The item with the patch applied: absent fields stay, blank ones are removed, `authors` and
 * `issued` are parsed, `names` are set as given. Refuses (MetadataError) a blank title or type, a malformed date, DOI or
 * web address. Never changes `id`.
 */
export function applyMetadataPatch(item: CslItem, patch: MetadataPatch): CslItem {
  const next: CslItem = { ...item };
  for (const field of TEXT_FIELDS) {
    const value = patch[field];
    if (value === undefined) continue;
    const text = value.replace(/\s+/g, ' ').trim();
    if (text === '') {
      if (field === 'title' || field === 'type') throw new MetadataError(field, `The ${field} cannot be empty.`);
      delete next[field];
    } else next[field] = text;
  }
  if (patch.DOI !== undefined && next.DOI !== undefined) {
    const doi = next.DOI.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '');
    if (!/^10\.\d{4,9}\/\S+$/.test(doi)) throw new MetadataError('DOI', `“${next.DOI}” is not a DOI (they look like 10.2298/BALC1950375E).`);
    next.DOI = doi;
  }
  if (patch.URL !== undefined && next.URL !== undefined && !/^https?:\/\/\S+$/i.test(next.URL)) {
    throw new MetadataError('URL', `“${next.URL}” is not a web address (it should start with https://).`);
  }
  if (patch['zotero-key'] !== undefined && next['zotero-key'] !== undefined && !isZoteroKey(next['zotero-key'])) {
    throw new MetadataError('zotero-key', `“${String(next['zotero-key'])}” is not the key of a Zotero item (they look like X42A7DEB).`);
  }
  if (patch.issued !== undefined) {
    if (patch.issued.trim() === '') delete next.issued;
    else {
      const date = parseDateText(patch.issued);
      if (!date) throw new MetadataError('issued', `“${patch.issued}” is not a date: write a year (1961) or a date (1961-12-03).`);
      next.issued = date;
    }
  }
  if (patch.authors !== undefined) {
    const names = patch.authors.map((line) => parseNameText(line, 'inverted')).filter((name): name is CslName => name !== undefined);
    if (names.length === 0) delete next.author;
    else next.author = names;
  }
  for (const role of NAME_ROLES) {
    const names = patch.names?.[role];
    if (names === undefined) continue;
    if (names.length === 0) delete next[role];
    else next[role] = names;
  }
  next.id = item.id;
  return next;
}
