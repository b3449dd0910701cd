/** The messages between the search service and its index worker; plain data only. */

/** One source whose shard must be (re)built. */
export interface BuildJob {
  sourceId: string;
  /** The cleaned file `<corpus>/<sourceId>.md`. */
  file: string;
}

/** What the worker is started with (`workerData`). */
export interface WorkerInput {
  /** The version folder the shards are written into. */
  folder: string;
  jobs: BuildJob[];
}

/** A shard built and written: its content hash is that of the bytes the worker read. */
export interface BuiltMessage {
  type: 'built';
  sourceId: string;
  hash: string;
  file: string;
}

/** A source that could not be indexed (for example a file that does not parse). */
export interface FailedMessage {
  type: 'failed';
  sourceId: string;
  message: string;
}

/** Anything the worker posts back, one message per job, in job order. */
export type WorkerMessage = BuiltMessage | FailedMessage;
