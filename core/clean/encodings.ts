/**
 * The character encodings other than UTF-8 that Apparatus converts a file from when importing it,
 * once the user has confirmed the encoding (the corpus keeps every text as UTF-8).
 */

/** The encodings Apparatus converts to UTF-8 once the user confirms them. */
export const CONVERTIBLE_ENCODINGS = ['utf-16le', 'utf-16be', 'windows-1252', 'latin1'] as const;

/** One of `CONVERTIBLE_ENCODINGS`. */
export type ConvertibleEncoding = (typeof CONVERTIBLE_ENCODINGS)[number];

/** True when `value` is one of `CONVERTIBLE_ENCODINGS`. */
export function isConvertibleEncoding(value: string): value is ConvertibleEncoding {
  return (CONVERTIBLE_ENCODINGS as readonly string[]).includes(value);
}

/** The encoding's name as people know it: "Windows-1252", "UTF-16 (little-endian)". */
export function encodingName(encoding: ConvertibleEncoding): string {
  const names: Record<ConvertibleEncoding, string> = {
    'utf-16le': 'UTF-16 (little-endian)',
    'utf-16be': 'UTF-16 (big-endian)',
    'windows-1252': 'Windows-1252',
    latin1: 'Latin-1 (ISO-8859-1)',
  };
  return names[encoding];
}

/** Whether text read in `a` reads the same in `b`: Windows-1252 and Latin-1 agree on every character a text uses. */
export function sameReading(a: ConvertibleEncoding, b: ConvertibleEncoding): boolean {
  const singleByte = (e: ConvertibleEncoding) => e === 'windows-1252' || e === 'latin1';
  return a === b || (singleByte(a) && singleByte(b));
}
