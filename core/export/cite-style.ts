/**
 * The citation style names of the command line and the export dialog, and the formatter settings
 * each stands for (chicago.md §11: `cmos18` repeats the short form, `cmos17` shortens consecutive
 * citations to author + locator, the `-ibid` variants print "Ibid.").
 */
import type { CiteOptions } from '../cite/style.ts';
import { ExportError } from './errors.ts';

/** The style names Apparatus accepts. */
export const STYLE_NAMES = ['cmos18', 'cmos17', 'cmos18-ibid', 'cmos17-ibid'] as const;

/** One of `STYLE_NAMES`. */
export type StyleName = (typeof STYLE_NAMES)[number];

const OPTIONS: Record<StyleName, CiteOptions> = {
  cmos18: { edition: 18, ibid: false },
  cmos17: { edition: 17, ibid: false },
  'cmos18-ibid': { edition: 18, ibid: true },
  'cmos17-ibid': { edition: 17, ibid: true },
};

/** The formatter settings of a style name; throws `ExportError` (`unknown-style`) for others. */
export function citeOptionsFor(name: string): CiteOptions {
  if (!isStyleName(name)) {
    throw new ExportError(
      'unknown-style',
      `“${name}” is not a citation style Apparatus knows. Use ${STYLE_NAMES.join(', ')}.`,
    );
  }
  return OPTIONS[name];
}

/** True for one of `STYLE_NAMES`. */
export function isStyleName(name: string): name is StyleName {
  return (STYLE_NAMES as readonly string[]).includes(name);
}
