/**
 * Hostile IPC payloads for the contract fuzz tests: wrong types, prototype-polluting keys, huge
 * strings and arrays, path-like strings, and one-field mutations of a valid payload.
 */
import fc from 'fast-check';

/** A property no payload may ever manage to put on `Object.prototype`. */
export const POLLUTION_SENTINEL = 'apparatusFuzzPolluted';

/** Keys that pollute prototypes when a careless merge copies them. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Strings that try to leave a folder, reach another drive, hide a NUL byte or run script. */
export const PATH_STRINGS = [
  '../../etc/passwd',
  '../../../../../../etc/passwd',
  '..',
  '.',
  '/etc/passwd',
  '/',
  'C:\\Windows',
  'C:\\Windows\\System32\\config\\SAM',
  '..\\..\\Windows\\win.ini',
  '\\\\server\\share\\file',
  'pilaca-nako-2021\u0000.md',
  'a\u0000/../../etc/passwd',
  '\u0000',
  'file:///etc/passwd',
  'file://localhost/C:/Windows/win.ini',
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'mailto:someone@example.org\u0000',
  'https://example.org/\u0000/../../etc/passwd',
  'a/../../b',
  'a%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '~/.ssh/id_rsa',
  '$HOME/.bashrc',
  'con',
  'nul.md',
] as const;

// Objects whose dangerous keys are own properties, as a JSON payload over IPC would carry them.
const PROTO_JSON = [
  `{"__proto__": {"${POLLUTION_SENTINEL}": true}}`,
  `{"constructor": {"prototype": {"${POLLUTION_SENTINEL}": true}}}`,
  `{"prototype": {"${POLLUTION_SENTINEL}": true}}`,
  `{"__proto__": null}`,
  `{"__proto__": [], "constructor": 1, "prototype": "x"}`,
  `{"a": {"__proto__": {"${POLLUTION_SENTINEL}": true}}}`,
];

/** Parses JSON so that `__proto__` and friends end up as own properties, never as prototypes. */
export function protoObject(json: string): unknown {
  return JSON.parse(json);
}

/** Sets `key` as an own, enumerable property even when it is `__proto__`. */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Plain wrong-typed values and nested junk of every kind IPC could carry. */
export function wrongTypes(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constantFrom(NaN, Infinity, -Infinity, -0, -1, 2 ** 31 + 1, 2 ** 53, 1e308, 0.5),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt(),
    fc.date(),
    fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
    fc.anything({
      maxDepth: 3,
      withNullPrototype: true,
      withMap: true,
      withSet: true,
      withSparseArray: true,
      withBoxedValues: true,
      withTypedArray: true,
    }),
  );
}

/** Objects carrying `__proto__`, `constructor` or `prototype` as own keys. */
export function protoPayloads(): fc.Arbitrary<unknown> {
  const generated = fc
    .tuple(fc.constantFrom(...PROTO_KEYS), fc.jsonValue({ maxDepth: 2 }))
    .map(([key, value]) => protoObject(`{${JSON.stringify(key)}: ${JSON.stringify(value ?? null)}}`));
  return fc.oneof(fc.constantFrom(...PROTO_JSON).map(protoObject), generated);
}

/** Strings of 1 to 2 million characters (built lazily, so shrinking stays cheap). */
export function hugeStrings(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 1_000_000, max: 2_000_000 }), fc.constantFrom('a', '../', '\u0000', 'é', '𝔸', ' '))
    .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
}

/** Arrays of 100,000 items or a little more, all the same small value. */
export function hugeArrays(): fc.Arbitrary<unknown[]> {
  return fc
    .tuple(fc.integer({ min: 100_000, max: 100_100 }), fc.constantFrom<unknown>('x', 0, null, {}, '00000000-0000-4000-8000-000000000000'))
    .map(([length, item]) => new Array<unknown>(length).fill(item));
}

/** Path-traversal, absolute, NUL-byte and script-scheme strings, fixed and generated. */
export function pathStrings(): fc.Arbitrary<string> {
  const generated = fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('../', '..\\', '/', '\u0000'), fc.string({ maxLength: 20 }))
    .map(([times, step, rest]) => step.repeat(times) + rest);
  return fc.oneof(fc.constantFrom(...PATH_STRINGS), generated);
}

/** Any hostile value: the union of every family above. */
export function hostileValues(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: wrongTypes(), weight: 4 },
    { arbitrary: protoPayloads(), weight: 2 },
    { arbitrary: pathStrings(), weight: 3 },
    { arbitrary: hugeStrings(), weight: 1 },
    { arbitrary: hugeArrays(), weight: 1 },
  );
}

/** A hostile key for an extra property: a prototype key, a path, or any string. */
export function hostileKeys(): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.constantFrom(...PATH_STRINGS), fc.string({ maxLength: 10 }));
}

/** Where in a payload a mutation lands: object/array keys from the root. */
export type FieldPath = readonly (string | number)[];

/** One change to a valid payload. */
export type Mutation =
  | { kind: 'replace'; path: FieldPath; value: unknown }
  | { kind: 'delete'; path: FieldPath }
  | { kind: 'extra'; path: FieldPath; key: string; value: unknown };

/** Every field path in `value` (below the root), and every path to a plain object (root included). */
export function fieldPaths(value: unknown): { fields: FieldPath[]; objects: FieldPath[] } {
  const fields: FieldPath[] = [];
  const objects: FieldPath[] = [];
  const walk = (node: unknown, path: FieldPath) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        fields.push([...path, index]);
        walk(item, [...path, index]);
      });
    } else if (node !== null && typeof node === 'object') {
      objects.push(path);
      for (const [key, item] of Object.entries(node)) {
        fields.push([...path, key]);
        walk(item, [...path, key]);
      }
    }
  };
  walk(value, []);
  return { fields, objects };
}

/** Mutations of one field of `example`: replaced by a hostile value, deleted, or joined by an extra key. */
export function mutations(example: unknown): fc.Arbitrary<Mutation> {
  const { fields, objects } = fieldPaths(example);
  const options: fc.Arbitrary<Mutation>[] = [
    fc
      .record({ path: fc.constantFrom(...objects), key: hostileKeys(), value: hostileValues() })
      .map(({ path, key, value }): Mutation => ({ kind: 'extra', path, key, value })),
  ];
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    options.push(
      fc.record({ path: field, value: hostileValues() }).map(({ path, value }): Mutation => ({ kind: 'replace', path, value })),
      fc.record({ path: field }).map(({ path }): Mutation => ({ kind: 'delete', path })),
    );
  }
  return fc.oneof(...options);
}

/** A deep copy of `example` with `mutation` applied; `example` itself is never touched. */
export function applyMutation(example: unknown, mutation: Mutation): unknown {
  const copy: unknown = example === undefined ? undefined : JSON.parse(JSON.stringify(example));
  const parentPath = mutation.kind === 'extra' ? mutation.path : mutation.path.slice(0, -1);
  let parent = copy as Record<string | number, unknown>;
  for (const key of parentPath) parent = parent[key] as Record<string | number, unknown>;
  if (mutation.kind === 'extra') {
    defineOwn(parent, mutation.key, mutation.value);
    return copy;
  }
  const last = mutation.path.at(-1) as string | number;
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    defineOwn(parent, String(last), mutation.value);
  }
  return copy;
}

/** A short description of a payload for failure messages (huge values are summarised). */
export function describePayload(payload: unknown): string {
  const seen = new WeakSet<object>();
  const text = JSON.stringify(payload, (_key, value: unknown) => {
    if (typeof value === 'string' && value.length > 200) return `<string of ${value.length} chars starting ${JSON.stringify(value.slice(0, 20))}>`;
    if (Array.isArray(value) && value.length > 50) return `<array of ${value.length} items, first ${JSON.stringify(value[0])}>`;
    if (typeof value === 'bigint') return `${value}n`;
    if (value !== null && typeof value === 'object') {
      if (seen.has(value)) return '<cycle>';
      seen.add(value);
    }
    return value;
  });
  return text === undefined ? String(payload) : text;
}
