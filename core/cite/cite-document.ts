/**
 * The formatter's entry point: a document's notes and bibliography from CSL-JSON items and the
 * citation clusters of its notes, in Chicago notes-bibliography style.
 */
import type { CslItem } from '../corpus/model.ts';
import { buildBibliography } from './bibliography.ts';
import type { BibliographyEntry } from './bibliography.ts';
import { planShortForms } from './disambiguate.ts';
import type { ShortFormPlan } from './disambiguate.ts';
import { CitationError } from './errors.ts';
import { checkItem, kindOf } from './item.ts';
import { formatLocator, parseLocator } from './locator.ts';
import { citedOriginals, entryWithOriginal, noteWithOriginal } from './original.ts';
import type { Originals } from './original.ts';
import type { NoteRequest, PlacedCite } from './positions.ts';
import { placeCitations } from './positions.ts';
import { capitalizeStart, concat, join, punctuate } from './rich.ts';
import type { Rich } from './rich.ts';
import { shortAuthor, shortForm, shortLocator } from './short-form.ts';
import type { ShortFormContext } from './short-form.ts';
import { resolveStyle } from './style.ts';
import type { CiteOptions, Style } from './style.ts';
import { templateFor } from './template.ts';
import { typeset } from './typography.ts';

export type { BibliographyEntry } from './bibliography.ts';
export type { Originals } from './original.ts';

/** One citation in a note: the source's id, an optional locator with its label, and affixes. */
export interface ClusterItem {
  id: string;
  locator?: string;
  /** CSL locator label (page, section, folio, …) or `under` for a heading; page by default. */
  label?: string;
  /** Text before the citation ("See"); a space is put between. */
  prefix?: string;
  /** Text after the citation (", emphasis added" or "for a different view"). */
  suffix?: string;
  /**
   * For a translation: the page(s) of the original that the cited passage translates, given in
   * the "originally published as" pointer instead of the original's whole page range.
   */
  originalLocator?: string;
}

/** The citations of one note. `noteIndex` defaults to the cluster's position + 1. */
export interface Cluster {
  items: ClusterItem[];
  noteIndex?: number;
}

/** A formatted note: its number and its text (several citations are joined by semicolons). */
export interface CitedNote {
  noteIndex: number;
  rich: Rich;
}

/** The formatted document. */
export interface CitedDocument {
  notes: CitedNote[];
  bibliography: BibliographyEntry[];
}

/**
 * Formats every note and the bibliography. Note numbers must rise; a missing number is a note
 * without a citation (it breaks Ibid.). A cited item listed in `originals` is a translation: its
 * full note and bibliography entry end with "originally published as" and the original, which
 * gets no entry of its own unless it is cited too. Throws `CitationError` for an unknown id, a
 * duplicate or uncitable item (or original), a bad note number or an unknown locator label.
 */
export function citeDocument(
  items: CslItem[],
  clusters: Cluster[],
  options?: CiteOptions,
  originals?: Originals,
): CitedDocument {
  const style = checkedStyle(options);
  const byId = indexItems(items);
  const notes = readClusters(clusters, byId);
  const citedIds = new Set(notes.flatMap((n) => n.cites.map((c) => c.itemId)));
  const cited = [...citedIds].map((id) => byId.get(id)!);
  const translated = citedOriginals(originals, citedIds);
  const plan = planShortForms(cited, style.edition);
  const formatted = placeCitations(notes).map((note) => {
    const parts = note.cites.map((cite) =>
      formatCite(byId.get(cite.itemId)!, cite, style, plan, translated.get(cite.itemId)),
    );
    return { noteIndex: note.noteIndex, rich: capitalizeStart(punctuate(join(parts, '; '), '.')) };
  });
  const bibliography = buildBibliography(cited, style.edition).map((entry) => {
    const original = translated.get(entry.id);
    const rich = original
      ? entryWithOriginal(entry.rich, byId.get(entry.id)!, original, style.edition)
      : entry.rich;
    return { ...entry, rich: capitalizeStart(rich) };
  });
  return { notes: formatted, bibliography };
}

function formatCite(
  item: CslItem,
  cite: PlacedCite,
  style: Style,
  plan: ShortFormPlan,
  original: CslItem | undefined,
): Rich {
  const kind = kindOf(item);
  const locator = cite.locator ? formatLocator(cite.locator, kind === 'archival') : null;
  const ctx: ShortFormContext = plan.get(item.id) ?? {
    edition: style.edition,
    level: 0,
    fullNames: new Set(),
  };
  const atPage = shortLocator(item, kind, locator, cite.locator?.kind === 'page');
  const author = shortAuthor(item, kind, ctx);
  let body: Rich;
  if (cite.position === 'first') {
    body = templateFor(kind).full(item, style.edition, locator);
    if (original) {
      const at = cite.originalLocator ? formatLocator(cite.originalLocator) : null;
      body = noteWithOriginal(body, item, original, style.edition, at);
    }
  } else if (cite.position === 'consecutive' && style.ibid) {
    const word = cite.opensNote && !cite.prefix ? 'Ibid.' : 'ibid.';
    body = join([word, cite.sameLocator ? null : atPage], ', ');
  } else if (cite.position === 'consecutive' && style.consecutive === 'author' && author) {
    // A work without an author (Wikipedia) keeps its full short form instead.
    body = join([author, atPage], ', ');
  } else {
    body = join([shortForm(item, kind, ctx), atPage], ', ');
  }
  return withAffixes(body, cite.prefix, cite.suffix);
}

function withAffixes(body: Rich, prefix: string | undefined, suffix: string | undefined): Rich {
  let out = body;
  const before = prefix ? typeset(prefix) : '';
  if (before) out = concat(/[(“‘[]$/.test(before) ? before : `${before} `, out);
  const after = suffix ? typeset(suffix) : '';
  if (after) out = /^[.,;:!?)\]]/.test(after) ? punctuate(out, after) : concat(out, ` ${after}`);
  return out;
}

function checkedStyle(options: CiteOptions | undefined): Style {
  const style = resolveStyle(options);
  if (style.edition !== 17 && style.edition !== 18) {
    throw new CitationError(
      'unknown-style',
      `Chicago edition ${String(style.edition)} is not supported: use 17 or 18.`,
    );
  }
  return style;
}

function indexItems(items: CslItem[]): Map<string, CslItem> {
  const byId = new Map<string, CslItem>();
  for (const item of items) {
    checkItem(item);
    if (byId.has(item.id)) {
      const message = `Two sources share the id “${item.id}”; ids must be unique.`;
      throw new CitationError('duplicate-item', message, item.id);
    }
    byId.set(item.id, item);
  }
  return byId;
}

function readClusters(clusters: Cluster[], byId: Map<string, CslItem>): NoteRequest[] {
  let last = 0;
  return clusters.map((cluster, position) => {
    const noteIndex = cluster.noteIndex ?? position + 1;
    if (!Number.isInteger(noteIndex) || noteIndex < 1) {
      const message = `Note number ${String(noteIndex)} is not a positive whole number.`;
      throw new CitationError('invalid-note', message);
    }
    if (noteIndex <= last) {
      throw new CitationError(
        'invalid-note',
        `Note ${noteIndex} comes after note ${last}: ` +
          'notes must be given in rising order, each number once.',
      );
    }
    last = noteIndex;
    if (cluster.items.length === 0) {
      throw new CitationError(
        'invalid-note',
        `Note ${noteIndex} cites nothing: give at least one source, ` +
          'or leave the note out and skip its number.',
      );
    }
    const cites = cluster.items.map((entry) => {
      if (!byId.has(entry.id)) {
        throw new CitationError(
          'unknown-item',
          `Note ${noteIndex} cites “${entry.id}”, which is not among the sources given.`,
          entry.id,
        );
      }
      const locator = parseLocator(entry, entry.id);
      const originalLocator = parseLocator({ locator: entry.originalLocator }, entry.id);
      return { itemId: entry.id, locator, prefix: entry.prefix, suffix: entry.suffix, originalLocator };
    });
    return { noteIndex, cites };
  });
}
