/**
 * An annotation made in another tool (Hypothesis, Zotero, any W3C Web Annotation client), read
 * into a neutral shape before it is placed in one of our sources. Nothing here is stored as is:
 * `placeAnnotation` turns the quote into our selectors, over our reading text.
 */
import type { Color } from '../../annotate/palette.ts';

/** What names the annotated document: its web addresses, DOIs and, for our own exports, source ids. */
export interface ExternalTarget {
  urls: string[];
  /** Bare DOIs ("10.2298/BALC1950375E"), lower-case. */
  dois: string[];
  /** Apparatus source ids named by an `urn:apparatus:source:` IRI. */
  sourceIds: string[];
}

/** One annotation as another tool recorded it. */
export interface ExternalAnnotation {
  /** Names the annotation in a report ("Hypothesis annotation Ab3x…", "Zotero annotation KEY"). */
  label: string;
  /** The id Apparatus gave the annotation, when the file is one of our exports (`urn:uuid:` ids). */
  apparatusId?: string;
  target: ExternalTarget;
  /** The highlighted words and, where the tool kept it, the text around them. Null for a page note. */
  quote: { exact: string; prefix: string; suffix: string } | null;
  /**
   * Where the tool counted the passage, in Unicode code points from the start of the document
   * (or of the page, with `pageLabel`): a hint only, the quote decides.
   */
  position: { start: number; end: number } | null;
  /** The printed page the passage is on (PDFs), to narrow the search to that page. */
  pageLabel: string | null;
  /** Where on that page the passage starts, in characters, when the tool records it: a hint only. */
  pageOffset: number | null;
  /** The note written on the passage, Markdown. */
  note: string;
  tags: string[];
  /** The highlight colour in our palette, when the tool had one. */
  color: Color | null;
  /** When the tool says the annotation was made (ISO 8601, UTC; see `timestampOf`), when it says. */
  created?: string;
  /** When the tool says it was last changed, when it says. */
  modified?: string;
}

/** A record of the file that was not read, and why, for the report. */
export interface SkippedRecord {
  label: string;
  reason: string;
}

/** What a reader of an annotation file found. */
export interface ExternalAnnotations {
  /** The format, for the report ("a Hypothesis export", "W3C Web Annotations"). */
  format: string;
  annotations: ExternalAnnotation[];
  skipped: SkippedRecord[];
}

/** A DOI found in an identifier or web address, bare and lower-case, or null. */
export function doiIn(text: string): string | null {
  const match = /\b(10\.\d{4,9}\/[^\s"<>?#]+)/i.exec(decodeSafely(text));
  return match ? (match[1] as string).replace(/[.,;]+$/, '').toLowerCase() : null;
}

/** The annotation id an `urn:uuid:` IRI names (our JSON-LD export writes each highlight's so), or undefined. */
export function apparatusIdOf(iri: unknown): string | undefined {
  const match = typeof iri === 'string' ? /^urn:uuid:([0-9a-f-]{36})$/i.exec(iri) : null;
  return match ? (match[1] as string) : undefined;
}

/** The identifiers of a target IRI, sorted into web addresses, DOIs and our source ids. */
export function targetOf(iris: readonly string[]): ExternalTarget {
  const target: ExternalTarget = { urls: [], dois: [], sourceIds: [] };
  for (const iri of new Set(iris)) {
    const ours = /^urn:apparatus:source:(.+)$/.exec(iri);
    if (ours) {
      target.sourceIds.push(decodeSafely(ours[1] as string));
      continue;
    }
    const doi = doiIn(iri);
    if (doi && !target.dois.includes(doi)) target.dois.push(doi);
    if (/^https?:\/\//i.test(iri)) target.urls.push(iri);
  }
  return target;
}

/**
 * An ISO 8601 date and time as the other tool wrote it ("2024-03-01T14:05:00.123456+00:00"),
 * in UTC as our annotations keep it, or undefined for anything else: `Date.parse` alone would take
 * "1" or "March" for a date, and a made-up date is worse than the import's own.
 */
export function timestampOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The `created` and `modified` of an annotation from the tool's two timestamps, each left out when it is not one. */
export function datesOf(created: unknown, modified: unknown): Pick<ExternalAnnotation, 'created' | 'modified'> {
  const made = timestampOf(created);
  const changed = timestampOf(modified);
  return { ...(made ? { created: made } : {}), ...(changed ? { modified: changed } : {}) };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
