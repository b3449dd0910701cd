/**
 * A new annotation from a selection of the reading text.
 */
import { describe } from './describe.ts';
import type { Annotation } from './model.ts';
import { DEFAULT_COLOR } from './palette.ts';
import type { Color } from './palette.ts';

/** What the caller supplies; id and clock come from outside so that this stays pure. */
export interface NewAnnotation {
  /** A fresh UUID (e.g. `crypto.randomUUID()` where the caller runs). */
  id: string;
  sourceId: string;
  /** The source's reading text and the selected range in it. */
  text: string;
  start: number;
  end: number;
  color?: Color;
  tags?: string[];
  note?: string;
  /** ISO 8601 timestamp used for both `created` and `modified`. */
  now: string;
}

/**
 * An `anchored` annotation of `text.slice(start, end)` with its selectors. Throws the
 * `AnnotateError` of `describe` for an empty or impossible range.
 */
export function createAnnotation(input: NewAnnotation): Annotation {
  const { quote, position } = describe(input.text, input.start, input.end);
  return {
    id: input.id,
    sourceId: input.sourceId,
    quote,
    position,
    color: input.color ?? DEFAULT_COLOR,
    tags: [...new Set(input.tags ?? [])],
    note: input.note ?? '',
    omissions: [],
    created: input.now,
    modified: input.now,
    anchor: 'anchored',
  };
}
