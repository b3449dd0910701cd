/**
 * The named highlight colours. Names, not hex values, are stored, so the renderer can adapt the
 * shades to light and dark themes and to colour-blind settings without touching saved data.
 */

/** Every colour an annotation or a tag may carry, in the order a colour picker shows them. */
export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;

/** One of `COLORS`. */
export type Color = (typeof COLORS)[number];

/** The colour a new highlight gets when the user has not chosen one. */
export const DEFAULT_COLOR: Color = 'yellow';

/** True exactly when `value` is one of the named `COLORS`. */
export function isColor(value: unknown): value is Color {
  return typeof value === 'string' && (COLORS as readonly string[]).includes(value);
}
