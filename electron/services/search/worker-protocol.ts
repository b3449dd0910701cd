/** The messages between the search service and its index worker; plain data only. */
import type { StoredSegment } from '../../../core/search/index.ts';

/**
 * Index sources (`<corpus>/<sourceId>.md`) into one segment and save it in `folder`: one source
 * gives a source's own segment, several a bulk segment.
 */
export interface BuildRequest {
  type: 'build';
  job: number;
  sources: { sourceId: string; file: string }[];
  /** Where to save the segment; null when the cache cannot be written (kept in memory only). */
  folder: string | null;
}

/** A segment to merge: its file, or its bytes when it is only in memory; with its masks. */
export interface MergeInput {
  file?: string;
  stored?: StoredSegment;
  /** 1 for each masked document. */
  deleted?: Uint8Array;
  /** Sources the segment no longer serves. */
  maskedSources: string[];
}

/** Merge segments into one (their live documents only) and save it in `folder`. */
export interface MergeRequest {
  type: 'merge';
  job: number;
  inputs: MergeInput[];
  folder: string | null;
}

/** Anything the service asks the worker. */
export type WorkerRequest = BuildRequest | MergeRequest;

/** A source that could not be indexed, and why. */
export interface JobFailure {
  sourceId: string;
  message: string;
}

/** Sources indexed: each hash is that of the bytes the worker read. */
export interface BuiltReply {
  type: 'built';
  job: number;
  built: { sourceId: string; hash: string }[];
  /** Sources of the request that could not be indexed (a file that does not parse). */
  failed: JobFailure[];
  stored: StoredSegment;
  /** The file it was saved in, unless saving failed. */
  file?: string;
  /** Why it could not be saved, in words for the user. */
  writeError?: string;
}

/** Segments merged. */
export interface MergedReply {
  type: 'merged';
  job: number;
  stored: StoredSegment;
  file?: string;
  writeError?: string;
}

/** A job that could not be done at all (no source parsed, a merge input gone). */
export interface FailedReply {
  type: 'failed';
  job: number;
  /** Per source for a build; one entry with an empty source id for a merge. */
  failures: JobFailure[];
}

/** Anything the worker posts back, one reply per request. */
export type WorkerReply = BuiltReply | MergedReply | FailedReply;
