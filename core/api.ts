/**
 * The IPC contract: every call the renderer can make to the main process, with the schema its
 * input must satisfy and the type of its result. `electron/ipc.ts` registers exactly these calls,
 * `electron/preload.ts` exposes exactly these as `window.apparatus`, and `renderer/bridge.ts` is
 * the only renderer module that uses them. Adding a call here is the only way to add one.
 */
import * as v from 'valibot';
import { formatLimit, MAX_NOTE_LENGTH, MAX_TAG_NAME_LENGTH, MAX_TAGS_PER_ANNOTATION } from './annotate/limits.ts';
import type { AnchorStatus, Annotation, Tag } from './annotate/model.ts';
import { MAX_OMISSIONS } from './annotate/omissions.ts';
import { COLORS } from './annotate/palette.ts';
import { CONVERTIBLE_ENCODINGS, type ConvertibleEncoding } from './clean/encodings.ts';
import { STYLE_NAMES } from './cite/style.ts';
import { SOURCE_ID_PATTERN } from './corpus/front-matter-schema.ts';
import { RELIABILITIES, type CslItem, type Reliability, type Source } from './corpus/model.ts';
import type { ErrorKind } from './errors.ts';
import { ALL_FORMATS } from './export/formats.ts';
import { CITATION_FORMS } from './export/citation-form.ts';
import { ORDERS } from './export/order.ts';
import type { SkippedRecord } from './interop/annotations/external.ts';
import type { ReferencePlan } from './interop/references/plan-import.ts';
import type { ReferenceFileFormat } from './interop/references/read-references.ts';
import type { SearchHitView } from './search/hit-view.ts';
import type { Member } from './share/model.ts';
import { NAME_PATTERN } from './share/names.ts';
import type { Role } from './share/roles.ts';

/** Every channel name starts with this prefix, so main can refuse anything else. */
export const CHANNEL_PREFIX = 'apparatus:';

/** Why a call failed, as a code the renderer can branch on: a kind of domain error, or a refused sender. */
export type ApiErrorCode = ErrorKind | 'forbidden-sender';

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
  /**
   * Set when the source's file cannot be read or parsed: the library still lists it (by file
   * name), and nothing else of it is known. `title` and `shortTitle` are then the file name.
   */
  problem?: SourceProblem;
}

/** Why a corpus file cannot be read, and how to repair it, both in a historian's words. */
export interface SourceProblem {
  /** What is wrong, with the line of the file when it is known. */
  reason: string;
  /** What to do about it ("Open … in a text editor and correct the front matter at line 3, or remove the file."). */
  repair: string;
}

// ── Interop: reference files, annotation files and Zotero, in and out of the app ──────────────
// Kept in one block (its schemas in the second block, before `contract`) and spread into the lists.

/** The calls of reference and annotation imports and of Zotero. */
export const INTEROP_CALLS = [
  'references.choose',
  'references.apply',
  'references.list',
  'references.copyCitation',
  'references.update',
  'references.remove',
  'annotations.importChoose',
  'annotations.importCommit',
  'annotations.importCancel',
  'zotero.collections',
  'zotero.items',
  'zotero.import',
  'zotero.cancel',
  'zotero.send',
] as const;

/** The File menu's interop commands, carried out by the page, how far a Zotero import has come, and a change to the references without text. */
export const INTEROP_EVENTS = ['menu.importReferences', 'menu.importAnnotations', 'menu.zoteroImport', 'menu.zoteroSend', 'zotero.progress', 'annotations.importProgress', 'references.changed'] as const;

/** A reference file read and matched against the corpus, waiting for the user to confirm it (nothing is written yet). */
export interface ReferenceImportPreview {
  /** Names this pending import in `references.apply`; the page never sees the file's path. */
  token: string;
  fileName: string;
  format: ReferenceFileFormat;
  plan: ReferencePlan;
}

/** What confirming a reference import changed. */
export interface ReferenceImportDone {
  sourcesFilled: string[];
  referencesAdded: string[];
  referencesFilled: string[];
}

/** An annotation file read, waiting for the user to say where its annotations go. */
export interface AnnotationImportPreview {
  token: string;
  fileName: string;
  /** What the file is ("a Hypothesis export", "W3C Web Annotations"). */
  format: string;
  /** Annotations that highlight words, and so can be imported. */
  annotations: number;
  /**
   * Sources of the corpus the annotations' addresses (DOI, web address, our id) name, with how many
   * each, and how many of those are already in the project (the import skips them).
   */
  bySource: { sourceId: string; title: string; count: number; present: number }[];
  /** Annotations whose address names no source of the corpus. */
  unmatched: number;
  /** Records of the file that cannot be imported, and why. */
  skipped: SkippedRecord[];
}

/** What an annotation import did: each annotation saved and where it landed, what was not imported, the counts. */
export interface AnnotationImportReport {
  imported: { label: string; annotation: Annotation; status: AnchorStatus }[];
  skipped: SkippedRecord[];
  /** Tags left out of annotations that were imported without them (a name too long for a tag), and why. */
  tagsLeftOut: { label: string; tag: string; reason: string }[];
  counts: Record<AnchorStatus, number>;
  /** Tags made because no tag had their name. */
  newTags: string[];
  /**
   * Annotations of the file never read because the user stopped the import; the ones before them
   * are saved, and importing the file again adds the rest (those already saved are skipped).
   */
  unread?: number;
}

/** How far an annotation import has come (payload of `annotations.importProgress`): `done` annotations of `total`. */
export interface AnnotationImportProgress {
  token: string;
  done: number;
  total: number;
}

/** A collection of the user's Zotero library. */
export interface ZoteroCollectionView {
  key: string;
  name: string;
  parent: string | null;
  /** How many items it holds, when Zotero says. */
  items: number | null;
}

/** A work of the user's Zotero library, as the browser lists it. */
export interface ZoteroItemView {
  key: string;
  title: string;
  /** "Lalaj", "Pilaca and Nako", or null. */
  creators: string | null;
  year: string | null;
  /** Zotero's item type ("journalArticle", "book"). */
  itemType: string;
}

/** What importing one Zotero item did. */
export interface ZoteroImportedItem {
  key: string;
  title: string;
  /** The source that is the item's text, or null when it became a reference without text. */
  sourceId: string | null;
  how: 'pdf-imported' | 'matched-source' | 'reference-added' | 'reference-filled';
  referenceId: string | null;
  /** Metadata fields of an existing source or reference that the item filled. */
  filled: string[];
  /** The Zotero annotations of its PDF, when it has one and it is a source. */
  annotations: AnnotationImportReport | null;
  notes: string[];
}

/** What a Zotero import did, item by item. */
export interface ZoteroImportReport {
  items: ZoteroImportedItem[];
  /** Items that could not be imported, with why. */
  failed: { key: string; message: string }[];
  /** Why the import stopped before the end (Zotero quit, the user stopped it), or null. */
  stopped: string | null;
}

/** How far a Zotero import has come (payload of `zotero.progress`): `done` items of `total`, `key` the one being read. */
export interface ZoteroProgress {
  done: number;
  total: number;
  key: string | null;
}

/** What each interop call resolves to. */
interface InteropOutputs {
  /** Null when the user cancelled the file dialog. */
  'references.choose': ReferenceImportPreview | null;
  'references.apply': ReferenceImportDone;
  /** The references without text the corpus keeps. */
  'references.list': CslItem[];
  /** The citation put on the clipboard, as plain text and HTML. */
  'references.copyCitation': { text: string; html: string };
  /** The reference's details as saved. */
  'references.update': CslItem;
  /** The reference removed. */
  'references.remove': CslItem;
  /** Null when the user cancelled the file dialog. */
  'annotations.importChoose': AnnotationImportPreview | null;
  'annotations.importCommit': AnnotationImportReport;
  'annotations.importCancel': null;
  'zotero.collections': ZoteroCollectionView[];
  'zotero.items': ZoteroItemView[];
  'zotero.import': ZoteroImportReport;
  'zotero.cancel': null;
  /** How many references were sent, and how many Zotero says it saved. */
  'zotero.send': { sent: number; saved: number };
}

/** The payloads of the interop events. */
interface InteropPayloads {
  'menu.importReferences': undefined;
  'menu.importAnnotations': undefined;
  'menu.zoteroImport': undefined;
  'menu.zoteroSend': undefined;
  'zotero.progress': ZoteroProgress;
  'annotations.importProgress': AnnotationImportProgress;
  /** The list of references without text changed: read it again. */
  'references.changed': undefined;
}
// ── end of the interop block ──

// ── The project file: its check, its backups and restoring one, from File ▸ Project ──────────

/**
 * The calls of File ▸ Project: check the project, list its backups, restore one; and, once another
 * program removed or replaced the open project's files, what happened and going on as it is.
 */
export const PROJECT_CALLS = ['project.check', 'project.backups', 'project.restore', 'project.decision', 'project.accept'] as const;

/** File ▸ Project ▸ Check Project… and Backups…, carried out by the page. */
export const PROJECT_EVENTS = ['menu.projectCheck', 'menu.projectBackups'] as const;

/** What `project.check` found: whether the project opens and passes SQLite's thorough integrity check. */
export interface ProjectCheckView {
  /** The project database file. */
  file: string;
  /** `sound`; `none` (no project yet); `damaged` (fails the check); `needs-decision` (must be restored or accepted as it is). */
  state: 'sound' | 'none' | 'damaged' | 'needs-decision';
  /** What is wrong, for the user; empty when sound. */
  message: string;
  /** What the integrity check reported, at most 20 lines. */
  problems: string[];
  /** What the project holds, when it could be read. */
  contents: { annotations: number; tags: number } | null;
  /** How many copies could be restored, and when the newest was taken (ISO 8601). */
  backups: { count: number; newest: string | null };
  /** Why changes cannot be saved to the project now (a read-only folder or file, a full disk), or null when they can. */
  cannotSave: 'read-only' | 'disk-full' | null;
}

/** A copy the project can be restored from, as File ▸ Project ▸ Backups… lists it. */
export interface ProjectBackupView {
  /** Names the copy in `project.restore`. */
  name: string;
  /**
   * `auto`: the daily backup; `pre-migration`: taken before an update; `recovery`: kept when
   * another program changed the project's files; `replaced`: the project as it was before a
   * restore, which restoring it undoes.
   */
  kind: 'auto' | 'pre-migration' | 'recovery' | 'replaced';
  /** When it was taken (ISO 8601, UTC); for `replaced`, when the restore that replaced it was made. */
  created: string;
  bytes: number;
  /** What it holds, when it could be read. */
  contents: { annotations: number; tags: number } | null;
}

/** What restoring a copy did. */
export interface ProjectRestoreDone {
  restored: ProjectBackupView;
  /** Where the project file it replaced was kept (never deleted), or null when there was none. */
  setAside: string | null;
}

/**
 * Why the open project stopped saving (another program removed or replaced its files), for the
 * window to offer restoring a copy or going on with the project as it is.
 */
export interface ProjectDecisionView {
  /** What another program did, in one sentence. */
  happened: string;
  /** The copy kept of everything Apparatus saw before it stopped, when one was needed. */
  recoveryCopy: ProjectBackupView | null;
  /** What the project file holds as it now is on disk, when it can be read. */
  project: { annotations: number; tags: number } | null;
  /** How many copies could be restored. */
  copies: number;
}

/** What going on with the project as it is did, one line each, for the user. */
export interface ProjectAcceptDone {
  done: string[];
}

interface ProjectOutputs {
  /** Null while the project saves normally. */
  'project.decision': ProjectDecisionView | null;
  'project.accept': ProjectAcceptDone;
  'project.check': ProjectCheckView;
  /** Newest first. */
  'project.backups': ProjectBackupView[];
  'project.restore': ProjectRestoreDone;
}

interface ProjectPayloads {
  'menu.projectCheck': undefined;
  'menu.projectBackups': undefined;
}
// ── end of the project block ──
// ── Sharing a corpus with a group through a sync server ──────────────────────────────────────
// Kept in one block (its schemas in the second block, before `contract`) and spread into the lists.

/** The calls of sharing. */
export const SHARE_CALLS = ['share.view', 'share.join', 'share.connect', 'share.leave', 'annotations.keep'] as const;

/**
 * The File menu's sharing commands (carried out by the page), where syncing stands, what other
 * members changed (for the page to load again), and what the user should know of it.
 */
export const SHARE_EVENTS = ['menu.shareCorpus', 'menu.joinGroup', 'share.status', 'share.changed', 'share.notice'] as const;

/** Where syncing stands: synced; syncing; offline (with how many changes wait, and why); error (with why). */
export type ShareStatus =
  | { state: 'synced'; waiting: 0 }
  | { state: 'syncing'; waiting: number }
  | { state: 'offline'; waiting: number; reason?: string }
  | { state: 'error'; waiting: number; reason: string };

/** Whether and how the project shares its corpus. */
export type ShareView =
  | { joined: false }
  | {
      joined: true;
      /** The server's address (`ws://` or `wss://`). */
      server: string;
      group: string;
      /** This project's user in the group. */
      user: string;
      /** The user's role, as the group's member list last said (null before it arrived). */
      role: Role | null;
      status: ShareStatus;
      members: Member[];
    };

/** What other members changed in the project (payload of `share.changed`). */
export interface ShareChange {
  annotationIds: string[];
  /** True when tags changed too. */
  tags: boolean;
}

/** What each sharing call resolves to. */
interface ShareOutputs {
  'share.view': ShareView;
  /** The project as it shares now, after the group's work and its own were exchanged once. */
  'share.join': ShareView;
  /** Connects again (after an error, or working offline). */
  'share.connect': ShareView;
  /** Stops sharing: the project keeps everything it holds. */
  'share.leave': ShareView;
  /** The annotation, kept after a deletion that raced an edit on another computer. */
  'annotations.keep': Annotation;
}

/** The payloads of the sharing events. */
interface SharePayloads {
  'menu.shareCorpus': undefined;
  'menu.joinGroup': undefined;
  'share.status': ShareView;
  'share.changed': ShareChange;
  'share.notice': { message: string };
}
// ── end of the sharing block ──

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
  'tags.restore',
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
  'app.historyChanged',
  'corpus.importCancel',
  'annotations.adjust',
  'annotations.places',
  'reader.session',
  'reader.saveSession',
  'corpus.provenance',
  'corpus.importDropped',
  'corpus.pdfInfo',
  'corpus.pdfData',
  'search.status',
  ...INTEROP_CALLS,
  ...PROJECT_CALLS,
  ...SHARE_CALLS,
] as const;

/** The name of a call in the contract. */
export type CallName = (typeof callNames)[number];

/** Events main pushes to the page, in a fixed order (the preload checks names against it). */
export const eventNames = [
  'menu.undo',
  'menu.redo',
  'menu.import',
  'menu.export',
  'search.progress',
  'app.flush',
  'corpus.changed',
  'import.progress',
  ...INTEROP_EVENTS,
  ...PROJECT_EVENTS,
  ...SHARE_EVENTS,
] as const;

/** The name of an event main may push. */
export type EventName = (typeof eventNames)[number];

/** Which sources changed on disk; an empty list means "anything may have changed: reload the library". */
export interface CorpusChange {
  sourceIds: string[];
}

/**
 * The payload of each event: menu commands the page carries out carry none; `search.progress`
 * says how far the index has come; `corpus.changed` names the sources whose files changed;
 * `import.progress` counts the pages of a PDF being read.
 */
export interface EventPayloads extends InteropPayloads, ProjectPayloads, SharePayloads {
  'menu.undo': undefined;
  'menu.redo': undefined;
  'menu.import': undefined;
  'menu.export': undefined;
  'app.flush': undefined;
  'search.progress': SearchProgress;
  'corpus.changed': CorpusChange;
  'import.progress': ImportProgress;
}

/** The IPC channel that carries an event. */
export function eventChannel(name: EventName): string {
  return `${CHANNEL_PREFIX}event:${name}`;
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

/** What the window remembers between sessions: the source last open, and which panels were collapsed. */
export interface ReaderSession {
  /** The source open when the app was last used, or null. */
  lastSourceId: string | null;
  /** True for a panel the user collapsed. */
  collapsed: { library: boolean; side: boolean };
}

/** What a reader should know about a source before quoting it: how it was made and what is wrong with it. */
export interface SourceProvenance {
  reliability: Reliability;
  /** The source this one paraphrases or translates, and how ("translation of part of"). */
  derivativeOf: { id: string; title: string; derivation: string | null } | null;
  /** The licence or rights statement, or null when none is recorded. */
  rights: string | null;
  /** Facts to know before quoting (errors kept as printed, reconstructed pages, …). */
  caveats: string[];
  /** The manual corrections made while cleaning, in order. */
  cleaning: { original: string; replacement: string; reason: string }[];
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
  suggested: {
    title: string;
    authors: string[];
    issued: string;
    type: string;
    containerTitle: string;
    url: string;
    id: string;
    /** What a PDF's first pages print (a DOI, an ISSN, a journal line); the user confirms them. */
    volume?: string;
    issue?: string;
    page?: string;
    DOI?: string;
    ISSN?: string;
  };
  /** For a PDF: its pages, how they are numbered, and those without a text layer. */
  pdf?: ImportPdfPreview;
  /**
   * What to tell the user before they add the file, each a sentence to show as it is: the
   * conversion from another encoding, nesting flattened, a front-matter line passed over.
   */
  notices: string[];
  /**
   * For a text file that is not UTF-8: the encoding it will be converted from. The form shows
   * `notice` ("This file is in Windows-1252; Apparatus will convert it to UTF-8.") and commits with
   * `encoding: from`, which is the user's confirmation.
   */
  encoding?: { from: ConvertibleEncoding; notice: string };
}

/** What the import form tells about a PDF before it is added. */
export interface ImportPdfPreview {
  pages: number;
  /** Where the page numbers come from: the PDF's page labels, numbers printed in its running heads, or its page count. */
  pageNumbers: 'pdf-labels' | 'printed-numbers' | 'page-index';
  /** Pages (1-based) without a text layer; importing needs `textPagesOnly: true` in `corpus.importCommit` when there are any. */
  textless: number[];
  /** What to tell the user about pages without text (and how to add a text layer), when there are any. */
  notice: string | null;
  /** Facts the source will carry as caveats (pages that are not printed pages). */
  caveats: string[];
}

/**
 * How far reading a file to import has come (payload of the `import.progress` event): pages of a
 * PDF, or for a text file its stages (`stage` "reading", then "cleaning": 0, 1, then 2 of 2 done).
 */
export interface ImportProgress {
  done: number;
  total: number;
  stage?: 'reading' | 'cleaning';
  /** How far into its stage a text file is, from 0 to 1, where the cleaning can tell (a large web page, as it is read). */
  fraction?: number;
}

/**
 * The PDF a source was imported from, as the page view needs to know it before loading its bytes
 * (`corpus.pdfData`): its size, and the printed page of each PDF page as the import recorded them.
 */
export interface SourcePdfInfo {
  /** Size of the PDF in bytes. */
  bytes: number;
  /**
   * The printed page of each PDF page (index 0 is the first page), null where the page has none;
   * null for a source imported before the pages were recorded (the page view then infers them).
   */
  pageLabels: (string | null)[] | null;
}

/**
 * The one channel besides the calls and events: on it the preload sends the path of a file the user
 * dropped on the window (only the preload can learn it), and main answers a token for
 * `corpus.importDropped`. The page never sees the path.
 */
export const DROPPED_FILE_CHANNEL = `${CHANNEL_PREFIX}dropped-file`;

/** One search result, ready to show: where it is, an excerpt with its matches marked, and every match in the reading text. */
export type SearchHit = SearchHitView;

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

/** What the page says undo and redo would take back or do again, for the Edit menu. */
export interface HistoryLabels {
  /** "Rename Tag", or null when there is nothing to undo. */
  undo: string | null;
  redo: string | null;
}

/** A corpus file that cannot be read, as reports name it (an export, a search). */
export interface UnreadableSource {
  /** The id its file name gives it. */
  id: string;
  fileName: string;
  problem: SourceProblem;
}

/** An annotation export as it was written (the `export.run` result when the user did not cancel). */
export interface ExportSummary {
  file: string;
  /** Highlights exported (0 for reference-manager formats). */
  annotations: number;
  /** Sources cited or listed. */
  sources: number;
  /** Corpus files that could not be read and so were left out; the export needed none of them. */
  unreadable: UnreadableSource[];
}

/**
 * What each call resolves to on success. Types only: the contract object below holds nothing
 * but input schemas.
 */
export interface CallOutputs extends InteropOutputs, ProjectOutputs, ShareOutputs {
  'corpus.list': SourceSummary[];
  'corpus.open': { source: Source; annotations: Annotation[] };
  'annotations.list': Annotation[];
  'annotations.create': Annotation;
  'annotations.update': Annotation;
  /** The deleted annotation; the store keeps its record so `annotations.restore` can undo this. */
  'annotations.delete': Annotation;
  /** The annotation re-created from the store's record, re-anchored against the current text. */
  'annotations.restore': Annotation;
  'annotations.reattach': Annotation;
  /** The annotation with its new extent: quote taken anew from the text, tags, note and the cuts that still fit kept. */
  'annotations.adjust': Annotation;
  /** Where each annotation lies, by id: "p. 380", "pp. 385–86", "p. 382 n. 12"; absent when no page is known. */
  'annotations.places': Record<string, string>;
  'annotations.copyCitation': { text: string; html: string };
  'tags.list': TagSummary[];
  'tags.create': Tag;
  'tags.rename': Tag;
  'tags.recolor': Tag;
  'tags.setParent': Tag;
  /** The tag merged into, and how many annotations carried the merged tag. */
  'tags.merge': { tag: Tag; annotations: number };
  /** The deleted tag, and how many annotations carried it. */
  'tags.delete': { tag: Tag; annotations: number };
  /** The tag deleted or merged away, back as it was, on the annotations that carried it. */
  'tags.restore': Tag;
  'reader.getState': ReaderState;
  'reader.savePosition': null;
  'reader.setFontSize': null;
  'reader.session': ReaderSession;
  'reader.saveSession': null;
  'corpus.provenance': SourceProvenance;
  'app.openExternal': null;
  'app.flushed': null;
  'app.historyChanged': null;
  /** Null when the user cancelled the file dialog. */
  'corpus.importChoose': ImportPreview | null;
  'corpus.importCommit': { id: string };
  'corpus.importCancel': null;
  /** Null when the user cancelled while the file was read. */
  'corpus.importDropped': ImportPreview | null;
  /** Null when the source was not imported from a PDF. */
  'corpus.pdfInfo': SourcePdfInfo | null;
  /** The bytes of the PDF the source was imported from. */
  'corpus.pdfData': Uint8Array;
  'corpus.metadata': CslItem;
  'corpus.updateMetadata': CslItem;
  'search.query': SearchResults;
  /** What the index is doing now, as the last `search.progress` event said; null before any. */
  'search.status': SearchProgress | null;
  /** Null when the user cancelled the save dialog. */
  'export.run': ExportSummary | null;
}

const NoInput = v.optional(v.strictObject({}), {});
// Text that is written into YAML, Markdown or handed to the system: no control characters (tab aside).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const NoControl = v.regex(/^[^\u0000-\u0008\u000a-\u001f\u007f]*$/u, 'must not contain control characters');
// Ids are UUIDs made by the store; refuse anything else before it reaches SQL or the disk.
const Id = v.pipe(v.string(), v.uuid('must be an annotation or tag id'));
const SourceId = v.pipe(v.string(), v.maxLength(200), v.regex(SOURCE_ID_PATTERN, 'must be a source id'));
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31));
const Color = v.picklist(COLORS);
const Note = v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH, `A note may hold at most ${formatLimit(MAX_NOTE_LENGTH)} characters.`));
const TagIds = v.pipe(v.array(Id), v.maxLength(MAX_TAGS_PER_ANNOTATION));
const TagName = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TAG_NAME_LENGTH, `A tag name may hold at most ${MAX_TAG_NAME_LENGTH} characters.`));
const Range = { start: Offset, end: Offset };
// Cuts in a quotation; whether they fit the quote is checked by the store against the saved one.
const Omissions = v.pipe(v.array(v.strictObject(Range)), v.maxLength(MAX_OMISSIONS));
const MetaText = v.pipe(v.string(), v.maxLength(2000), NoControl);
// A menu item's words: short, one line, no control character of any kind.
const MenuLabel = v.nullable(
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here.
  v.pipe(v.string(), v.minLength(1), v.maxLength(100, 'A menu label may hold at most 100 characters.'), v.regex(/^[^\u0000-\u001f\u007f-\u009f]*$/u, 'must not contain control characters')),
);
const StyleName = v.optional(v.picklist(STYLE_NAMES), 'cmos18');
// The details a historian edits, of a source or of a reference without text.
const MetadataPatchInput = v.strictObject({
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
});

// ── Interop schemas (the calls of the interop block above) ──
const Token = v.pipe(v.string(), v.uuid('must be the token of a pending import'));
// Zotero's keys: eight capital letters and digits.
const ZoteroKey = v.pipe(v.string(), v.regex(/^[A-Z0-9]{8}$/, 'must be a Zotero item or collection key'));
const interopContract = {
  'references.choose': { input: NoInput },
  'references.apply': { input: v.strictObject({ token: Token }) },
  'references.list': { input: NoInput },
  /** A work's full note, shortened note or bibliography entry: `id` names a reference without text or a source. */
  'references.copyCitation': { input: v.strictObject({ id: SourceId, form: v.picklist(CITATION_FORMS), style: StyleName }) },
  'references.update': { input: v.strictObject({ id: SourceId, patch: MetadataPatchInput }) },
  'references.remove': { input: v.strictObject({ id: SourceId }) },
  'annotations.importChoose': { input: NoInput },
  /** Without `sourceId`, each annotation goes to the source its address names; with it, all go to that source. */
  'annotations.importCommit': { input: v.strictObject({ token: Token, sourceId: v.optional(SourceId) }) },
  /** Stops the import of `token` before its next annotation; the ones saved stay saved. */
  'annotations.importCancel': { input: v.strictObject({ token: Token }) },
  'zotero.collections': { input: NoInput },
  /** The works of one collection, or of the whole library. */
  'zotero.items': { input: v.optional(v.strictObject({ collection: v.optional(ZoteroKey) }), {}) },
  'zotero.import': { input: v.strictObject({ keys: v.pipe(v.array(ZoteroKey), v.minLength(1, 'Choose at least one item.'), v.maxLength(10_000)) }) },
  /** Stops a Zotero import after the item being read. */
  'zotero.cancel': { input: NoInput },
  'zotero.send': { input: v.strictObject({ ids: v.pipe(v.array(SourceId), v.minLength(1, 'Choose at least one source.'), v.maxLength(10_000)) }) },
} satisfies Record<(typeof INTEROP_CALLS)[number], { input: v.GenericSchema }>;
// ── end of the interop schemas ──

// A copy's file name as `project.backups` gives it: one name, never a path; a backup's ends in
// `.sqlite`, a project file a restore replaced in `.sqlite.replaced-<stamp>`.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const CopyName = v.pipe(v.string(), v.maxLength(255), v.regex(/^[^./\\\u0000-\u001f][^/\\\u0000-\u001f]*\.sqlite(?:\.replaced-\d{8}T\d{6}\.\d{3}Z(?:-\d+)?)?$/u, 'must be the name of a backup'));
const projectContract = {
  'project.check': { input: NoInput },
  'project.backups': { input: NoInput },
  /** Closes the project, puts the copy `name` in its place (the file it replaces is kept beside it), and opens it. */
  'project.restore': { input: v.strictObject({ name: CopyName }) },
  'project.decision': { input: NoInput },
  /** Closes the project that stopped saving, keeps its recovery copy among the backups, and opens the project as it is. */
  'project.accept': { input: NoInput },
} satisfies Record<(typeof PROJECT_CALLS)[number], { input: v.GenericSchema }>;
// ── Sharing schemas (the calls of the sharing block above) ──
const GroupName = v.pipe(v.string(), v.trim(), v.regex(NAME_PATTERN, 'A group’s name is lower-case letters, digits, “.”, “_” and “-”.'));
const shareContract = {
  'share.view': { input: NoInput },
  'share.join': {
    input: v.strictObject({
      /** The server's address as the user typed it (`wss://sync.example.edu`, `ws://127.0.0.1:7480`). */
      server: v.pipe(v.string(), v.trim(), v.minLength(1, 'Give the server’s address.'), v.maxLength(2000), NoControl),
      group: GroupName,
      /** The user's name in the group, when given: checked against the token's owner. */
      user: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.trim(), v.regex(NAME_PATTERN, 'A user’s name is lower-case letters, digits, “.”, “_” and “-”.'))])),
      token: v.pipe(v.string(), v.trim(), v.minLength(1, 'Give your token.'), v.maxLength(500), v.regex(/^[\x21-\x7e]+$/, 'A token is one word of letters and digits.')),
    }),
  },
  'share.connect': { input: NoInput },
  'share.leave': { input: NoInput },
  'annotations.keep': { input: v.strictObject({ id: Id }) },
} satisfies Record<(typeof SHARE_CALLS)[number], { input: v.GenericSchema }>;
// ── end of the sharing schemas ──

/** Each call's input schema: what main accepts from the page, checked before any service sees it. */
export const contract = {
  ...interopContract,
  ...projectContract,
  ...shareContract,
  'corpus.list': { input: NoInput },
  'corpus.open': { input: v.strictObject({ id: SourceId }) },
  'annotations.list': {
    input: v.optional(v.strictObject({ sourceId: v.optional(SourceId), tagId: v.optional(Id), includeChildTags: v.optional(v.boolean()) }), {}),
  },
  'annotations.create': {
    input: v.strictObject({ sourceId: SourceId, ...Range, color: v.optional(Color), tags: v.optional(TagIds), note: v.optional(Note) }),
  },
  'annotations.update': {
    input: v.strictObject({ id: Id, color: v.optional(Color), tags: v.optional(TagIds), note: v.optional(Note), omissions: v.optional(Omissions) }),
  },
  'annotations.delete': { input: v.strictObject({ id: Id }) },
  // Only the id: the annotation comes back from the store's own record, never from the page.
  'annotations.restore': { input: v.strictObject({ id: Id }) },
  'annotations.reattach': { input: v.strictObject({ id: Id, ...Range }) },
  // A range only: the new quote and selectors are computed in main from the source's text.
  'annotations.adjust': { input: v.strictObject({ id: Id, ...Range }) },
  'annotations.places': { input: v.optional(v.strictObject({ sourceId: v.optional(SourceId) }), {}) },
  'tags.list': { input: NoInput },
  'tags.create': { input: v.strictObject({ name: TagName, color: v.optional(Color), parent: v.optional(v.nullable(Id)) }) },
  'tags.rename': { input: v.strictObject({ id: Id, name: TagName }) },
  'tags.recolor': { input: v.strictObject({ id: Id, color: Color }) },
  'tags.setParent': { input: v.strictObject({ id: Id, parent: v.nullable(Id) }) },
  'tags.merge': { input: v.strictObject({ from: Id, into: Id }) },
  'tags.delete': { input: v.strictObject({ id: Id }) },
  'tags.restore': { input: v.strictObject({ id: Id }) },
  'reader.getState': { input: v.strictObject({ sourceId: SourceId }) },
  'reader.savePosition': { input: v.strictObject({ sourceId: SourceId, offset: Offset }) },
  'reader.session': { input: NoInput },
  'reader.saveSession': {
    input: v.strictObject({ lastSourceId: v.optional(v.nullable(SourceId)), libraryCollapsed: v.optional(v.boolean()), sideCollapsed: v.optional(v.boolean()) }),
  },
  'corpus.provenance': { input: v.strictObject({ id: SourceId }) },
  'app.openExternal': {
    input: v.strictObject({ url: v.pipe(v.string(), v.maxLength(4096), NoControl, v.url(), v.regex(/^https?:\/\//i, 'Only web links (http or https) can be opened.')) }),
  },
  'corpus.importChoose': { input: NoInput },
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
        reliability: v.picklist(RELIABILITIES, 'Choose how reliable the source is.'),
        id: v.optional(SourceId),
        volume: v.optional(v.pipe(v.string(), v.maxLength(100), NoControl)),
        issue: v.optional(v.pipe(v.string(), v.maxLength(100), NoControl)),
        page: v.optional(v.pipe(v.string(), v.maxLength(100), NoControl)),
        DOI: v.optional(v.pipe(v.string(), v.maxLength(500), NoControl)),
        ISSN: v.optional(v.pipe(v.string(), v.maxLength(20), NoControl)),
      }),
      /** For a PDF with pages that have no text layer: import the pages that have text; without it the import is refused. */
      textPagesOnly: v.optional(v.boolean()),
      /** For a file that is not UTF-8: the encoding of the preview, confirming its conversion; without it the import is refused. */
      encoding: v.optional(v.picklist(CONVERTIBLE_ENCODINGS)),
    }),
  },
  /** Stops reading the file `corpus.importChoose` is reading (a long PDF); that call then resolves to null. */
  'corpus.importCancel': { input: NoInput },
  /** Reads a file the user dropped on the window, named by the token main gave for it on `DROPPED_FILE_CHANNEL`. */
  'corpus.importDropped': { input: v.strictObject({ token: v.pipe(v.string(), v.uuid()) }) },
  'corpus.pdfInfo': { input: v.strictObject({ id: SourceId }) },
  'corpus.pdfData': { input: v.strictObject({ id: SourceId }) },
  'search.query': {
    input: v.strictObject({
      query: v.pipe(v.string(), v.maxLength(10_000, 'A search may hold at most 10,000 characters.')),
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 200),
      /** How many of the best hits to skip: those already shown, when the user asks for more. */
      offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000))),
      /** Answer at once while the index is loading or being built, with a `loading` note. */
      partial: v.optional(v.boolean()),
    }),
  },
  /** Asked by a window that opens while the index loads or builds: the progress events sent before it listened are gone. */
  'search.status': { input: NoInput },
  'app.flushed': { input: NoInput },
  'app.historyChanged': { input: v.strictObject({ undo: MenuLabel, redo: MenuLabel }) },
  'corpus.metadata': { input: v.strictObject({ id: SourceId }) },
  'corpus.updateMetadata': {
    input: v.strictObject({
      id: SourceId,
      patch: MetadataPatchInput,
    }),
  },
  'export.run': {
    input: v.strictObject({
      format: v.picklist(ALL_FORMATS),
      scope: v.variant('kind', [
        v.strictObject({ kind: v.literal('all') }),
        v.strictObject({ kind: v.literal('source'), sourceId: SourceId }),
        v.strictObject({ kind: v.literal('tag'), tag: TagName }),
      ]),
      order: v.optional(v.picklist(ORDERS), 'reading'),
      style: StyleName,
      /** For docx: footnotes and bibliography as Zotero citation fields that Zotero's plugins can refresh. */
      zoteroFields: v.optional(v.boolean(), false),
      /** For a folder of notes: replace the notes of the same name already in the folder (else nothing is written when one exists). */
      replace: v.optional(v.boolean(), false),
    }),
  },
  'annotations.copyCitation': {
    input: v.strictObject({ id: Id, original: v.optional(v.boolean(), false), style: StyleName }),
  },
  'reader.setFontSize': {
    input: v.strictObject({ size: v.pipe(v.number(), v.integer(), v.minValue(FONT_SIZE.min), v.maxValue(FONT_SIZE.max)) }),
  },
} satisfies Record<CallName, { input: v.GenericSchema }>;

/** What a call accepts, before validation (what the renderer may pass). */
export type CallInput<N extends CallName> = v.InferInput<(typeof contract)[N]['input']>;

/** What a call's handler receives, after validation and defaults. */
export type ValidInput<N extends CallName> = v.InferOutput<(typeof contract)[N]['input']>;

/** What a call resolves to on success. */
export type CallOutput<N extends CallName> = CallOutputs[N];

// Every call has exactly one output type and every event one payload type: a name missing from
// the maps, or one left over after a call or event was removed, fails to compile here.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _OutputsMatchCalls = Assert<Exactly<keyof CallOutputs, CallName>>;
type _PayloadsMatchEvents = Assert<Exactly<keyof EventPayloads, EventName>>;

/** The IPC channel that carries a call. */
export function channelFor(name: CallName): string {
  return CHANNEL_PREFIX + name;
}

type Namespace<N> = N extends `${infer A}.${string}` ? A : never;

/** The shape of `window.apparatus`, derived from the contract: one function per call, plus `on`. */
export type ApparatusApi = CallApi & {
  /** Listens to an event from main with its typed payload; returns a function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
  /**
   * Hands main a file the user dropped on the window (a DOM `File`; core knows no DOM types): the
   * preload sends its path on `DROPPED_FILE_CHANNEL`. Resolves with the token for
   * `corpus.importDropped`, or null for a file that is not on disk.
   */
  droppedFile(file: object): Promise<Result<string> | null>;
};

type CallApi = {
  [NS in Namespace<CallName>]: {
    [N in CallName as N extends `${NS}.${infer M}` ? M : never]: (
      input?: CallInput<N>,
    ) => Promise<Result<CallOutput<N>>>;
  };
};
