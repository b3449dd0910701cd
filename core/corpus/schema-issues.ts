import type { BaseIssue } from 'valibot';

/** One validation problem: where it is (a key path into the data) and what is wrong, in words. */
export interface SchemaProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Turns valibot issues into problems a historian can act on: a missing key reads "`title` is
 * required", an unknown key in a closed mapping "`foo` is not a known field", and anything else
 * carries the schema's own message followed by the value found.
 */
export function describeIssues(issues: readonly BaseIssue<unknown>[]): SchemaProblem[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((item) => item.key as string | number);
    const where = path.length === 0 ? 'the mapping' : formatPath(path);
    const last = path.at(-1);
    if (issue.type.endsWith('object') && issue.received === 'undefined' && last !== undefined) {
      return { path, message: `${where} is required` };
    }
    if (issue.type === 'strict_object' && issue.expected === 'never') {
      return { path, message: `${where} is not a known field here` };
    }
    // "found Object" says nothing; a value is worth quoting only when it is short.
    const vague = issue.received === 'Object' || issue.received === 'Array';
    const found = vague ? '' : ` (found ${issue.received})`;
    return { path, message: `${where}: ${issue.message}${found}` };
  });
}

/** A key path as a reader writes it: `corrections[2].count`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return `\`${out}\``;
}
