/** Settings values: plain JSON data, checked before it is stored. */

/** A JSON value: what a setting may hold. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

const MAX_DEPTH = 64;

/**
 * The first reason `value` is not plain JSON data (a function, `undefined`, `NaN`, a `Date`, a
 * class instance, a cycle or nesting deeper than 64), or undefined when it is JSON data.
 */
export function jsonProblem(
  value: unknown,
  depth = 0,
  seen: Set<object> = new Set(),
): string | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return undefined;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : 'a number must be finite';
  }
  if (value === undefined) return 'an undefined value cannot be saved in a setting';
  if (typeof value !== 'object') return `a ${typeof value} cannot be saved in a setting`;
  if (depth >= MAX_DEPTH) return 'the value is nested too deeply';
  if (seen.has(value)) return 'the value refers to itself';
  seen.add(value);
  const prototype: unknown = Object.getPrototypeOf(value);
  const items = Array.isArray(value)
    ? value
    : prototype === Object.prototype || prototype === null
      ? Object.values(value)
      : undefined;
  if (items === undefined) {
    return 'only plain objects, lists, text, numbers, true/false and null can be saved';
  }
  for (const item of items) {
    const problem = jsonProblem(item, depth + 1, seen);
    if (problem) return problem;
  }
  seen.delete(value);
  return undefined;
}
