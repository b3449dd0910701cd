import { LineCounter, parseDocument } from 'yaml';

/** A problem YAML reads past (an unknown `!tag`), with its line (1-based, in the YAML). */
export interface YamlWarning {
  message: string;
  line: number | undefined;
}

/**
 * YAML read into plain data (with the warnings the reader passed over, never printed), or its
 * first syntax error with the line (1-based, in the YAML).
 */
export type YamlResult =
  | { ok: true; data: unknown; lineOf: (path: readonly (string | number)[]) => number | undefined; warnings: YamlWarning[] }
  | { ok: false; message: string; line: number | undefined };

/**
 * Reads YAML 1.2 (core schema: `2019-01-01` and `yes` stay text; duplicate keys are errors).
 * `lineOf` finds the line of the value at a key path, so that validation problems can say where
 * they are.
 */
export function readYaml(text: string): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, logLevel: 'silent' });
  const error = doc.errors[0];
  if (error) return { ok: false, message: firstLine(error.message), line: error.linePos?.[0].line };
  const warnings = doc.warnings.map((warning) => ({ message: firstLine(warning.message), line: warning.linePos?.[0].line }));
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: number[] } | undefined;
      const start = node?.range?.[0];
      if (start !== undefined) return lineCounter.linePos(start).line;
    }
    return undefined;
  };
  return { ok: true, data: doc.toJS() ?? undefined, lineOf, warnings };
}

// The message's own "at line …" counts lines of the YAML alone; callers give the file's line.
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

/** True for a YAML mapping read into a plain object (not a list, text or nothing). */
export function isMapping(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}
