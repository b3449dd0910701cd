/**
 * Reading values out of JSON another program wrote, where any field may be missing or of another
 * type than documented.
 */

/** True for a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a finite number. */
export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The value if it is a string, else the empty string. */
export function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
