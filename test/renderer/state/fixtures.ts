import type { TagSummary } from '../../../core/api.ts';
import type { Annotation } from '../../../core/annotate/model.ts';
import type { Source } from '../../../core/corpus/model.ts';

/** An annotation on `sourceId` at `start`, with what the test overrides. */
export function annotation(id: string, sourceId: string, start: number, overrides: Partial<Annotation> = {}): Annotation {
  return {
    id,
    sourceId,
    quote: { exact: 'the Soviet camp', prefix: '', suffix: '' },
    position: { start, end: start + 15 },
    color: 'yellow',
    tags: [],
    note: '',
    omissions: [],
    created: '2025-03-01T09:00:00.000Z',
    modified: '2025-03-01T09:00:00.000Z',
    anchor: 'anchored',
    ...overrides,
  };
}

/** A source with nothing in it but its id and title. */
export function source(id: string): Source {
  return { id, meta: { csl: { id, type: 'book', title: `Title of ${id}` }, reliability: 'primary', cleaning: [] }, blocks: [], notes: [] };
}

/** A tag with its usage. */
export function tag(id: string, name: string, overrides: Partial<TagSummary> = {}): TagSummary {
  return { id, name, color: 'blue', usage: 0, ...overrides };
}
