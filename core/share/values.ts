/**
 * Checks on values read from a shared document. Any member with write access could put anything
 * into the documents they may write, so every reader validates what it takes out and skips the rest.
 */
import type { Omission, Selectors } from '../annotate/model.ts';

/** True for a string. */
export function isText(value: unknown): value is string {
  return typeof value === 'string';
}

/** True for a non-empty string. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a quote and a position, as an annotation's anchor. */
export function isSelectors(value: unknown): value is Selectors {
  if (!isRecord(value) || !isRecord(value.quote) || !isRecord(value.position)) return false;
  const { quote, position } = value;
  return (
    isId(quote.exact) &&
    isText(quote.prefix) &&
    isText(quote.suffix) &&
    isOffset(position.start) &&
    isOffset(position.end) &&
    position.end > position.start
  );
}

/** True for a list of cuts (their fit to the quotation is checked where they are used). */
export function isOmissions(value: unknown): value is Omission[] {
  return Array.isArray(value) && value.every((cut) => isRecord(cut) && isOffset(cut.start) && isOffset(cut.end));
}

/** A copy of `selectors` holding only their known fields, as stored. */
export function plainSelectors(selectors: Selectors): Selectors {
  const { quote, position } = selectors;
  return { quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }, position: { start: position.start, end: position.end } };
}

/** A copy of `omissions` holding only their known fields, as stored. */
export function plainOmissions(omissions: readonly Omission[]): Omission[] {
  return omissions.map((cut) => ({ start: cut.start, end: cut.end }));
}

/** Equality of two anchors, field by field. */
export function sameSelectors(a: Selectors, b: Selectors): boolean {
  return (
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix &&
    a.position.start === b.position.start &&
    a.position.end === b.position.end
  );
}

/** Equality of two lists of cuts, field by field. */
export function sameOmissions(a: readonly Omission[], b: readonly Omission[]): boolean {
  return a.length === b.length && a.every((cut, i) => cut.start === b[i]?.start && cut.end === b[i]?.end);
}

/** A shallow record read safely from `value`, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}
