/**
 * Archival documents and manuscripts (CMOS 18 14.114–14.129). The first note runs from the most
 * specific to the most general:
 * `Author, “Title” (or a description), Month D, YYYY, shelfmark, p. n, Collection,
 * Repository (ABBR), Place.`
 * Locators keep their label and follow the shelfmark; there is never an "n.d.". The bibliography
 * lists the collection or repository once, not each document (bibliography.ts groups them),
 * except for a document in an online archive, which is listed itself with its URL:
 * `“Title.” Month D, YYYY. Collection. Repository. URL.`, and a document held in no named archive
 * (an imported PDF, a paper in private hands), listed itself: `Author. “Title.” Month D, YYYY.`
 */
import type { CslItem } from '../../corpus/model.ts';
import { formatDate } from '../dates.ts';
import { field } from '../item.ts';
import {
  accessedText,
  containerName,
  creators,
  creatorsText,
  link,
  quotedTitle,
  sentence,
} from '../parts.ts';
import { join } from '../rich.ts';
import type { Rich } from '../rich.ts';
import type { Edition } from '../style.ts';
import type { Template } from '../template.ts';
import { typeset } from '../typography.ts';

/** The archival template; a document in a named archive has its bibliography entry from `collectionEntry` instead. */
export const archivalTemplate: Template = {
  full(item, edition, locator) {
    const date = formatDate(item.issued, 'full');
    return join(
      [
        creatorsText(creators(item, edition, 'note')),
        description(item, edition),
        date,
        shelfmark(item),
        locator,
        text(item, 'archive_collection'),
        text(item, 'archive'),
        text(item, 'archive-place'),
        containerName(item) || null,
        date ? null : field(item, 'URL') ? accessedText(item, false) : null,
        link(item),
      ],
      ', ',
    );
  },
  bibliography(item, edition, creatorsAsText) {
    // A document in a named archive is listed under its collection instead (`collectionEntry`).
    if (!isOnline(item) && collectionKey(item) !== null) return null;
    const date = formatDate(item.issued, 'full');
    return sentence([
      creatorsAsText,
      capitalized(description(item, edition)),
      date,
      shelfmark(item),
      text(item, 'archive_collection'),
      join([text(item, 'archive'), text(item, 'archive-place'), containerName(item) || null], ', '),
      date ? null : accessedText(item, true),
      link(item),
    ]);
  },
};

/**
 * True for a document in an online archive (one with a URL or DOI): the bibliography lists the
 * document itself with its link, since the reader reaches it there, not through the collection.
 */
export function isOnline(item: CslItem): boolean {
  return field(item, 'URL') !== undefined || field(item, 'DOI') !== undefined;
}

/** A generic description opens a bibliography sentence with a capital ("Memorandum"). */
function capitalized(piece: Rich | string | null): Rich | string | null {
  return typeof piece === 'string' ? piece.charAt(0).toUpperCase() + piece.slice(1) : piece;
}

/** The document's title in quotation marks, or its generic description (a letter) in roman. */
function description(item: CslItem, edition: Edition): Rich | string | null {
  if (field(item, 'title')) return quotedTitle(item, edition);
  return text(item, 'genre');
}

/** The shelfmark (CSL `archive_location`): "F. 2, inv. 1, f. 10", as the source writes it. */
export function shelfmark(item: CslItem): string | null {
  return text(item, 'archive_location') ?? text(item, 'archive-location');
}

/** The repository's abbreviation, from a trailing "(RGANI)" in its name, else the whole name. */
export function repositoryShortName(item: CslItem): string | null {
  const archive = text(item, 'archive');
  if (!archive) return null;
  const abbreviation = /\(([^()]+)\)\s*$/.exec(archive);
  return abbreviation?.[1] ?? archive;
}

/** The key under which documents share one bibliography entry; null for an unreachable document. */
export function collectionKey(item: CslItem): string | null {
  const archive = text(item, 'archive');
  if (!archive) return null;
  return [text(item, 'archive_collection') ?? '', archive, text(item, 'archive-place') ?? '']
    .join('|')
    .toLowerCase();
}

/** The bibliography entry for a document's collection: `Collection. Repository, Place.` */
export function collectionEntry(item: CslItem): Rich {
  return sentence([
    text(item, 'archive_collection'),
    join([text(item, 'archive'), text(item, 'archive-place')], ', '),
  ]);
}

function text(item: CslItem, name: string): string | null {
  const value = field(item, name);
  return value ? typeset(value) : null;
}
