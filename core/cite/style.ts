/**
 * The settings of the formatter and the rules that differ between the 17th and 18th editions of
 * the Chicago Manual of Style (docs/citation-rules.md §1, §2.2, §2.4).
 */

/** Which edition of the Manual to follow. */
export type Edition = 17 | 18;

/**
 * How a citation of the single source of the note immediately before is written when Ibid. is off:
 * `author-title` repeats the short form (Griffith, *Albania…*, 45), `author` keeps only the author
 * and locator (Griffith, 45).
 */
export type ConsecutiveForm = 'author-title' | 'author';

/** The caller's settings; every field is optional. */
export interface CiteOptions {
  /** 18 (default) or 17. */
  edition?: Edition;
  /** Write "Ibid." for a consecutive citation of one source (default false). */
  ibid?: boolean;
  /** Consecutive form without Ibid.: `author-title` by default for CMOS 18, `author` for 17. */
  consecutive?: ConsecutiveForm;
}

/**
 * The named styles Apparatus offers (the command line, the export dialog, the contract): `cmos18`
 * repeats the short form for a consecutive citation, `cmos17` shortens it to author and locator,
 * the `-ibid` variants print "Ibid.".
 */
export const STYLE_NAMES = ['cmos18', 'cmos17', 'cmos18-ibid', 'cmos17-ibid'] as const;

/** One of `STYLE_NAMES`. */
export type StyleName = (typeof STYLE_NAMES)[number];

/** The formatter settings each named style stands for. */
export const STYLE_OPTIONS: Record<StyleName, CiteOptions> = {
  cmos18: { edition: 18, ibid: false },
  cmos17: { edition: 17, ibid: false },
  'cmos18-ibid': { edition: 18, ibid: true },
  'cmos17-ibid': { edition: 17, ibid: true },
};

/** True for one of `STYLE_NAMES`. */
export function isStyleName(name: string): name is StyleName {
  return (STYLE_NAMES as readonly string[]).includes(name);
}

/** Settings with every default filled in. */
export interface Style {
  edition: Edition;
  ibid: boolean;
  consecutive: ConsecutiveForm;
}

/** How many names a list shows before "et al.": lists longer than `max` show the first `keep`. */
export interface EtAlRule {
  max: number;
  keep: number;
}

/** Fills in the defaults: CMOS 18, no Ibid., the edition's own consecutive form. */
export function resolveStyle(options: CiteOptions = {}): Style {
  const edition = options.edition ?? 18;
  return {
    edition,
    ibid: options.ibid ?? false,
    consecutive: options.consecutive ?? (edition === 17 ? 'author' : 'author-title'),
  };
}

/**
 * The "et al." thresholds: notes list up to three names (CMOS 17) or two (CMOS 18), else the first
 * plus et al.; bibliographies list up to ten (first seven after that) or six (first three).
 */
export function etAlRule(edition: Edition, where: 'note' | 'bibliography'): EtAlRule {
  if (where === 'note') return edition === 17 ? { max: 3, keep: 1 } : { max: 2, keep: 1 };
  return edition === 17 ? { max: 10, keep: 7 } : { max: 6, keep: 3 };
}
