/**
 * The IPC contract: every call the renderer can make to the main process, with the schema its
 * input must satisfy and the type of its result. `electron/ipc.ts` registers exactly these calls,
 * `electron/preload.ts` exposes exactly these as `window.apparatus`, and `renderer/bridge.ts` is
 * the only renderer module that uses them. Adding a call here is the only way to add one.
 */
import * as v from 'valibot';
import type { Annotation, Tag } from './annotate/model.ts';
import { MAX_OMISSIONS } from './annotate/omissions.ts';
import { COLORS } from './annotate/palette.ts';
import { SOURCE_ID_PATTERN } from './corpus/front-matter-schema.ts';
import type { CslItem, Reliability, Source } from './corpus/model.ts';

/** Every channel name starts with this prefix, so main can refuse anything else. */
export const CHANNEL_PREFIX = 'apparatus:';

/** Why a call failed, as a code the renderer can branch on. */
export type ApiErrorCode =
  | 'invalid-input'
  | 'forbidden-sender'
  | 'not-found'
  | 'conflict'
  | 'corpus-unreadable'
  | 'storage'
  | 'internal';

/** A failure that crosses the process boundary as a value; `message` is written for the user. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** For `invalid-input`: what was wrong with the payload, one line per problem. */
  issues?: string[];
}

/** What every call resolves to: exceptions never cross a process. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** One source as the library lists it. */
export interface SourceSummary {
  id: string;
  title: string;
  /** Title as Chicago's shortened notes give it; falls back to the title. */
  shortTitle: string;
  /** Authors for display ("Geri Pilaca and Alban Nako"), or null when the source names none. */
  authors: string | null;
  /** Year of publication as printed, or null when undated. */
  year: string | null;
  reliability: Reliability;
  /** The source this one paraphrases or translates, when it is derivative. */
  derivativeOf: { id: string; title: string; derivation: string | null } | null;
  /** CSL variables Chicago needs for this type of source that its metadata lacks ("issued|accessed": either). */
  missing: string[];
}

/**
 * Every call name, in a fixed order. The name's first segment is the namespace under
 * `window.apparatus` (`corpus.list` → `window.apparatus.corpus.list(input)`). Kept apart from the
 * schemas so the preload bundles the names alone.
 */
export const callNames = [
  'corpus.list',
  'corpus.open',
  'annotations.list',
  'annotations.create',
  'annotations.update',
  'annotations.delete',
  'annotations.restore',
  'annotations.reattach',
  'tags.list',
  'tags.create',
  'tags.rename',
  'tags.recolor',
  'tags.setParent',
  'tags.merge',
  'tags.delete',
  'reader.getState',
  'reader.savePosition',
  'reader.setFontSize',
  'app.openExternal',
  'corpus.importChoose',
  'corpus.importCommit',
  'search.query',
  'app.flushed',
  'annotations.copyCitation',
  'export.run',
  'corpus.metadata',
  'corpus.updateMetadata',
] as const;

/** The name of a call in the contract. */
export type CallName = (typeof callNames)[number];

/** Events main pushes to the page (menu commands the page carries out). */
export const eventNames = ['menu.undo', 'menu.redo', 'menu.import', 'menu.export', 'search.progress', 'app.flush'] as const;

/** The name of an event main may push. */
export type EventName = (typeof eventNames)[number];

/** The IPC channel that carries an event. */
export function eventChannel(name: EventName): string {
  return `${CHANNEL_PREFIX}event:${name}`;
}

interface CallSpec {
  input: v.GenericSchema;
  output: unknown;
}

/** A tag with how many annotations carry it. */
export interface TagSummary extends Tag {
  usage: number;
}

/** What the reader remembers: where the user was in a source, and the text size. */
export interface ReaderState {
  /** Reading-text offset of the passage at the top of the view when the source was last read. */
  offset: number | null;
  /** Font size of the reading text, in CSS pixels. */
  fontSize: number;
}

/** A file the user chose to import, read and cleaned, waiting for its metadata. */
export interface ImportPreview {
  /** Names this pending import in `corpus.importCommit`; the page never sees the file's path. */
  token: string;
  fileName: string;
  form: string;
  blocks: number;
  notes: number;
  /** Fields the user must still give. */
  missing: string[];
  /** What the file itself says, to prefill the form. */
  suggested: { title: string; authors: string[]; issued: string; type: string; containerTitle: string; url: string; id: string };
}

/** One search result, ready to show: where it is, an excerpt with its matches marked, and every match in the reading text. */
export interface SearchHit {
  ref: string;
  kind: 'block' | 'annotation';
  sourceId: string;
  sourceTitle: string;
  blockId?: string;
  annotationId?: string;
  score: number;
  snippet: { text: string; marks: { start: number; end: number }[] };
  /** "p. 380" or "pp. 385–86", else null. */
  page: string | null;
  /** The section heading, for unpaginated sources. */
  section: string | null;
  /** The matches as reading-text offsets of the source (for an annotation: its range). */
  ranges: { start: number; end: number }[];
  /** An annotation's tag names (a passage found by `tag:` shows its quotation as the snippet). */
  tags?: string[];
}

/** The answer to a query: ranked hits, how many there were, and a word about the query if needed. */
export interface SearchResults {
  hits: SearchHit[];
  total: number;
  /** About the query: parts ignored or repaired, unknown fields, wildcards cut short. */
  message?: string;
  /** When nothing matched: whole queries with the nearest spellings in the library, to offer as links. */
  suggestions?: string[];
  /** While the index is still loading or being built (partial queries only): results cover part of the library. */
  loading?: { done: number; total: number; message: string };
  /** The index could not be saved to the disk: results are complete, the next start indexes again. */
  warning?: string;
}

/** One segment of the search index, for the progress display. */
export interface SearchSegment {
  id: string;
  kind: 'sources' | 'annotations';
  sources: number;
  documents: number;
  /** Documents of edited or removed sources, hidden until the segment is merged. */
  masked: number;
  bytes: number;
}

/** How far the building of the search index has come (payload of the `search.progress` event). */
export interface SearchProgress {
  /** Sources indexed in the current run, of those that need it (1 of 1 when finished). */
  done: number;
  total: number;
  /** What the index is doing. */
  phase?: 'idle' | 'loading' | 'indexing' | 'merging';
  /** Sources searchable so far, of `sources` in the library. */
  searchable?: number;
  sources?: number;
  segments?: SearchSegment[];
  /** The index could not be saved to the disk. */
  warning?: string;
}

/** Bounds of the reading text size, in CSS pixels. */
export const FONT_SIZE = { min: 12, max: 32, default: 19 } as const;

const NoInput = v.optional(v.strictObject({}), {});
// Text that is written into YAML, Markdown or handed to the system: no control characters (tab aside).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const NoControl = v.regex(/^[^\u0000-\u0008\u000a-\u001f\u007f]*$/u, 'must not contain control characters');
// Ids are UUIDs made by the store; refuse anything else before it reaches SQL or the disk.
const Id = v.pipe(v.string(), v.uuid('must be an annotation or tag id'));
const SourceId = v.pipe(v.string(), v.maxLength(200), v.regex(SOURCE_ID_PATTERN, 'must be a source id'));
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31));
const Color = v.picklist(COLORS);
const Note = v.pipe(v.string(), v.maxLength(200_000, 'A note may hold at most 200,000 characters.'));
const TagIds = v.pipe(v.array(Id), v.maxLength(500));
const TagName = v.pipe(v.string(), v.minLength(1), v.maxLength(200, 'A tag name may hold at most 200 characters.'));
const Range = { start: Offset, end: Offset };
// Cuts in a quotation; whether they fit the quote is checked by the store against the saved one.
const Omissions = v.pipe(v.array(v.strictObject(Range)), v.maxLength(MAX_OMISSIONS));
const MetaText = v.pipe(v.string(), v.maxLength(2000), NoControl);
const AnnotationValue = v.strictObject({
  id: Id,
  sourceId: SourceId,
  quote: v.strictObject({ exact: v.pipe(v.string(), v.maxLength(1_000_000)), prefix: v.pipe(v.string(), v.maxLength(1000)), suffix: v.pipe(v.string(), v.maxLength(1000)) }),
  position: v.strictObject(Range),
  color: Color,
  tags: TagIds,
  note: Note,
  omissions: v.optional(Omissions, []),
  created: v.pipe(v.string(), v.isoTimestamp()),
  modified: v.pipe(v.string(), v.isoTimestamp()),
  anchor: v.picklist(['anchored', 'moved', 'orphaned']),
});

/** Each call's input schema and (for types only: the value is null) its result. */
export const contract = {
  'corpus.list': { input: NoInput, output: null as unknown as SourceSummary[] },
  'corpus.open': {
    input: v.strictObject({ id: SourceId }),
    output: null as unknown as { source: Source; annotations: Annotation[] },
  },
  'annotations.list': {
    input: v.optional(v.strictObject({ sourceId: v.optional(SourceId), tagId: v.optional(Id), includeChildTags: v.optional(v.boolean()) }), {}),
    output: null as unknown as Annotation[],
  },
  'annotations.create': {
    input: v.strictObject({ sourceId: SourceId, ...Range, color: v.optional(Color), tags: v.optional(TagIds), note: v.optional(Note) }),
    output: null as unknown as Annotation,
  },
  'annotations.update': {
    input: v.strictObject({ id: Id, color: v.optional(Color), tags: v.optional(TagIds), note: v.optional(Note), omissions: v.optional(Omissions) }),
    output: null as unknown as Annotation,
  },
  'annotations.delete': { input: v.strictObject({ id: Id }), output: null as unknown as Annotation },
  'annotations.restore': { input: v.strictObject({ annotation: AnnotationValue }), output: null as unknown as Annotation },
  'annotations.reattach': { input: v.strictObject({ id: Id, ...Range }), output: null as unknown as Annotation },
  'tags.list': { input: NoInput, output: null as unknown as TagSummary[] },
  'tags.create': {
    input: v.strictObject({ name: TagName, color: v.optional(Color), parent: v.optional(v.nullable(Id)) }),
    output: null as unknown as Tag,
  },
  'tags.rename': { input: v.strictObject({ id: Id, name: TagName }), output: null as unknown as Tag },
  'tags.recolor': { input: v.strictObject({ id: Id, color: Color }), output: null as unknown as Tag },
  'tags.setParent': { input: v.strictObject({ id: Id, parent: v.nullable(Id) }), output: null as unknown as Tag },
  'tags.merge': {
    input: v.strictObject({ from: Id, into: Id }),
    output: null as unknown as { tag: Tag; annotations: number },
  },
  'tags.delete': { input: v.strictObject({ id: Id }), output: null as unknown as { tag: Tag; annotations: number } },
  'reader.getState': { input: v.strictObject({ sourceId: SourceId }), output: null as unknown as ReaderState },
  'reader.savePosition': { input: v.strictObject({ sourceId: SourceId, offset: Offset }), output: null as unknown as null },
  'app.openExternal': {
    input: v.strictObject({ url: v.pipe(v.string(), v.maxLength(4096), NoControl, v.url(), v.regex(/^https?:\/\//i, 'Only web links (http or https) can be opened.')) }),
    output: null as unknown as null,
  },
  'corpus.importChoose': { input: NoInput, output: null as unknown as ImportPreview | null },
  'corpus.importCommit': {
    input: v.strictObject({
      token: v.pipe(v.string(), v.uuid()),
      metadata: v.strictObject({
        title: v.pipe(v.string(), v.trim(), v.minLength(1, 'A title is needed.'), v.maxLength(1000), NoControl),
        authors: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(500), NoControl)), v.maxLength(100))),
        issued: v.optional(v.pipe(v.string(), v.maxLength(40), NoControl)),
        type: v.optional(v.pipe(v.string(), v.maxLength(40), NoControl)),
        containerTitle: v.optional(v.pipe(v.string(), v.maxLength(1000), NoControl)),
        url: v.optional(v.pipe(v.string(), v.maxLength(4096), NoControl)),
        reliability: v.picklist(['primary', 'secondary', 'tertiary', 'derivative'], 'Choose how reliable the source is.'),
        id: v.optional(SourceId),
      }),
    }),
    output: null as unknown as { id: string },
  },
  'search.query': {
    input: v.strictObject({
      query: v.pipe(v.string(), v.maxLength(10_000, 'A search may hold at most 10,000 characters.')),
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 200),
      /** Answer at once while the index is loading or being built, with a `loading` note. */
      partial: v.optional(v.boolean()),
    }),
    output: null as unknown as SearchResults,
  },
  'app.flushed': { input: NoInput, output: null as unknown as null },
  'corpus.metadata': { input: v.strictObject({ id: SourceId }), output: null as unknown as CslItem },
  'corpus.updateMetadata': {
    input: v.strictObject({
      id: SourceId,
      patch: v.strictObject({
        type: v.optional(MetaText),
        title: v.optional(MetaText),
        'title-short': v.optional(MetaText),
        authors: v.optional(v.pipe(v.array(MetaText), v.maxLength(200))),
        'container-title': v.optional(MetaText),
        volume: v.optional(MetaText),
        issue: v.optional(MetaText),
        page: v.optional(MetaText),
        issued: v.optional(MetaText),
        DOI: v.optional(MetaText),
        URL: v.optional(MetaText),
        publisher: v.optional(MetaText),
        'publisher-place': v.optional(MetaText),
        language: v.optional(MetaText),
      }),
    }),
    output: null as unknown as CslItem,
  },
  'export.run': {
    input: v.strictObject({
      format: v.picklist(['docx', 'md', 'html', 'txt', 'csv', 'jsonld', 'csl-json', 'ris', 'bibtex']),
      scope: v.variant('kind', [
        v.strictObject({ kind: v.literal('all') }),
        v.strictObject({ kind: v.literal('source'), sourceId: SourceId }),
        v.strictObject({ kind: v.literal('tag'), tag: TagName }),
      ]),
      order: v.optional(v.picklist(['reading', 'tag', 'source']), 'reading'),
      style: v.optional(v.picklist(['cmos18', 'cmos17', 'cmos18-ibid', 'cmos17-ibid']), 'cmos18'),
    }),
    /** Null when the user cancelled the save dialog. */
    output: null as unknown as { file: string; annotations: number; sources: number } | null,
  },
  'annotations.copyCitation': {
    input: v.strictObject({
      id: Id,
      original: v.optional(v.boolean(), false),
      style: v.optional(v.picklist(['cmos18', 'cmos17', 'cmos18-ibid', 'cmos17-ibid']), 'cmos18'),
    }),
    output: null as unknown as { text: string; html: string },
  },
  'reader.setFontSize': {
    input: v.strictObject({ size: v.pipe(v.number(), v.integer(), v.minValue(FONT_SIZE.min), v.maxValue(FONT_SIZE.max)) }),
    output: null as unknown as null,
  },
} satisfies Record<CallName, CallSpec>;

/** What a call accepts, before validation (what the renderer may pass). */
export type CallInput<N extends CallName> = v.InferInput<(typeof contract)[N]['input']>;

/** What a call's handler receives, after validation and defaults. */
export type ValidInput<N extends CallName> = v.InferOutput<(typeof contract)[N]['input']>;

/** What a call resolves to on success. */
export type CallOutput<N extends CallName> = (typeof contract)[N]['output'];

/** The IPC channel that carries a call. */
export function channelFor(name: CallName): string {
  return CHANNEL_PREFIX + name;
}

type Namespace<N> = N extends `${infer A}.${string}` ? A : never;

/** The shape of `window.apparatus`, derived from the contract: one function per call, plus `on`. */
export type ApparatusApi = CallApi & {
  /** Listens to an event from main (some carry a payload); returns a function that stops listening. */
  on(event: EventName, listener: (payload?: unknown) => void): () => void;
};

type CallApi = {
  [NS in Namespace<CallName>]: {
    [N in CallName as N extends `${NS}.${infer M}` ? M : never]: (
      input?: CallInput<N>,
    ) => Promise<Result<CallOutput<N>>>;
  };
};
