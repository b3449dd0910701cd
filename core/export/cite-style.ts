/** The formatter settings of a named style, as an export asks for them (the names: core/cite/style.ts). */
import { isStyleName, STYLE_NAMES, STYLE_OPTIONS, type CiteOptions } from '../cite/style.ts';
import { ExportError } from './errors.ts';

/** The formatter settings of a style name; throws `ExportError` (`unknown-style`) for others. */
export function citeOptionsFor(name: string): CiteOptions {
  if (!isStyleName(name)) {
    throw new ExportError(
      'unknown-style',
      `“${name}” is not a citation style Apparatus knows. Use ${STYLE_NAMES.join(', ')}.`,
    );
  }
  return STYLE_OPTIONS[name];
}
