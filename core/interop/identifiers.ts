/**
 * Comparing how other tools name a work with how our metadata does: DOIs, web addresses and titles,
 * each reduced to a key in which spelling differences that do not change the work disappear.
 */

/** A DOI as a key: bare ("10.2298/balc1950375e"), lower-case (DOIs are case-insensitive); null if none. */
export function doiKey(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /\b(10\.\d{4,9}\/\S+)/i.exec(value.trim());
  return match ? (match[1] as string).replace(/[.,;]+$/, '').toLowerCase() : null;
}

/** A web address as a key: no scheme, no `www.`, no fragment, no trailing slash, host in lower case. */
export function urlKey(value: unknown): string | null {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value.trim())) return null;
  try {
    const url = new URL(value.trim());
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    const path = decodeURI(url.pathname).replace(/\/+$/, '');
    return `${host}${path}${url.search}`;
  } catch {
    return null;
  }
}

/**
 * A title as a key: letters and digits only, accents dropped, lower case, single spaces
 * ("Splitting Apart: How…" and "splitting apart — how…" agree).
 */
export function titleKey(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const key = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return key === '' ? null : key;
}

/** The year of a CSL date, or null. */
export function yearOf(date: unknown): number | null {
  const parts = (date as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0];
  const year = Array.isArray(parts) ? parts[0] : undefined;
  if (typeof year === 'number') return year;
  if (typeof year === 'string' && /^\d{1,4}$/.test(year)) return Number(year);
  return null;
}
