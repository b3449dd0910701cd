/**
 * The Source model: one cleaned source as the rest of Apparatus sees it.
 *
 * A cleaned file (`corpus/<id>.md`, see corpus/README.md) parses into a `Source`, and cleaners
 * produce the same structure from raw text. Everything here is plain data (JSON-serialisable),
 * so it crosses IPC unchanged and can be compared with `toEqual` in tests.
 */

/** A run of text with optional emphasis and link. Adjacent runs with equal marks are merged. */
export interface TextRun {
  type: 'text';
  text: string;
  /** Rendered in italics (Markdown `*…*`). */
  em?: true;
  /** Rendered in bold (Markdown `**…**`). */
  strong?: true;
  /** Target of a link; only http(s) and mailto URLs are ever opened. */
  href?: string;
}

/** A footnote or endnote reference: the superscript in the text, pointing at `Note.label`. */
export interface NoteRef {
  type: 'noteRef';
  label: string;
}

/** The start of a printed page: the page labelled `label` begins exactly here. */
export interface PageMilestone {
  type: 'page';
  label: string;
}

/** Words lost in the source; `reason` says what is known about the loss. */
export interface Gap {
  type: 'gap';
  reason?: string;
}

/**
 * A reference marker of the original kept as data (e.g. Wikipedia's `[63]` in a paraphrase):
 * never part of the reading text, shown only on demand.
 */
export interface SourceMarker {
  type: 'marker';
  label: string;
}

/** Anything that can stand inside a block. Only `TextRun`s contribute to the reading text. */
export type Inline = TextRun | NoteRef | PageMilestone | Gap | SourceMarker;

/** Kinds of block. `quote` is a paragraph inside a block quote; `item` a bulleted list item. */
export type BlockType = 'heading' | 'paragraph' | 'quote' | 'item';

/** One block of the body or of a note: the unit of search results and of reading-text layout. */
export interface Block {
  type: BlockType;
  /** Stable within one version of a source: `b1`, `b2`, … for the body, `n<label>` (`n<label>.2` …) for notes. */
  id: string;
  /** Heading level 1–6; absent for other blocks. */
  level?: number;
  content: Inline[];
}

/** A note: its label as printed (`1`, `*`), and its paragraphs. */
export interface Note {
  label: string;
  blocks: Block[];
}

/** A CSL-JSON name. */
export interface CslName {
  family?: string;
  given?: string;
  /** An institutional or single-field name ("Wikipedia contributors"). */
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}

/**
 * The CSL name variables other than `author` that Apparatus keeps from a reference (an editor, a
 * translator, the author of the book a chapter is in …), in the order a list of changes names them.
 */
export const NAME_ROLES = ['editor', 'translator', 'container-author', 'collection-editor', 'editorial-director', 'interviewer', 'recipient', 'reviewed-author', 'composer', 'director', 'illustrator'] as const;

/** One of `NAME_ROLES`. */
export type NameRole = (typeof NAME_ROLES)[number];

/** A CSL-JSON date. */
export interface CslDate {
  'date-parts'?: [number, number?, number?][];
  literal?: string;
  circa?: boolean;
  raw?: string;
}

/**
 * CSL-JSON metadata of an item, as Chicago needs it. Only the fields Apparatus uses are typed;
 * any other CSL variable may be present.
 */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  'title-short'?: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  'container-title'?: string;
  'collection-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  issued?: CslDate;
  accessed?: CslDate;
  DOI?: string;
  URL?: string;
  ISSN?: string;
  publisher?: string;
  'publisher-place'?: string;
  language?: string;
  genre?: string;
  part?: string;
  note?: string;
  [variable: string]: unknown;
}

/** How far a historian may rely on a source when citing it, from most to least. */
export const RELIABILITIES = ['primary', 'secondary', 'tertiary', 'derivative'] as const;

/** One of `RELIABILITIES`. */
export type Reliability = (typeof RELIABILITIES)[number];

/** A manual correction made while cleaning: what the raw text said, what we print, and why. */
export interface Correction {
  original: string;
  replacement: string;
  reason: string;
}

/** Front matter of a cleaned file: CSL-JSON metadata plus Apparatus's own fields. */
export interface SourceMeta {
  csl: CslItem;
  reliability: Reliability;
  /** Id of the source this one paraphrases or translates, if any. */
  derivativeOf?: string;
  /** What the derivative relation is ("paraphrase", "translation of part of", …). */
  derivation?: string;
  rights?: string;
  /** Facts a reader should know before quoting (e.g. authorial or paraphrase errors kept as printed). */
  caveats?: string[];
  /** The manual corrections, in the order they were applied. */
  cleaning: Correction[];
}

/** A parsed cleaned source. `id` equals `meta.csl.id`. */
export interface Source {
  id: string;
  meta: SourceMeta;
  blocks: Block[];
  notes: Note[];
}
