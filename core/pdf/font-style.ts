/**
 * Bold and italic from a PDF font's name, as typesetting programs name fonts: `Times-BoldItalic`,
 * `ABCDEF+MinionPro-It`, `NimbusRomNo9L-Medi`, TeX's `CMBX10` and `CMTI10`.
 */

const ITALIC = /italic|oblique|slant|kursiv|[-,_ ]it\b|-?(?:reg)?ital?\b|^cm(?:ti|sl|mi|bxti)\d|[a-z]it$|-?bdit|-?boldit/iu;
const BOLD = /bold|black|heavy|semibold|demi|-?medi\b|-?bd|^cmbx?\d|^cmb[a-z]*\d|-?sb\b|-?heavy/iu;

/** The style a font's name announces; the subset prefix (`ABCDEF+`) is ignored. */
export function fontStyle(name: string | undefined): { bold: boolean; italic: boolean } {
  if (name === undefined) return { bold: false, italic: false };
  const base = name.replace(/^[A-Z]{6}\+/u, '');
  return { bold: BOLD.test(base), italic: ITALIC.test(base) };
}
