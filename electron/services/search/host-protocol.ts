/** The messages between the main process and the search host thread; plain data only. */
import type { AnnotationChange } from './annotation-index.ts';
import type { SearchAnnotationInput } from './annotation-input.ts';
import type { IndexProgress, IndexReport, IndexStatus, SearchResponse } from './search-service.ts';

/** What the host thread is started with (`workerData`). */
export interface HostInput {
  role: 'search-host';
  corpusFolder: string;
  cacheFolder: string;
  /** The index worker script (this same bundle), for the host's own index worker. */
  workerFile: string;
  snippetLength?: number;
}

/** A request to the host; every one but `annotations` and `close` is answered. */
export type HostRequest =
  | { type: 'ready'; id: number; annotations: SearchAnnotationInput[] }
  | { type: 'search'; id: number; query: string; limit?: number; offset?: number }
  | { type: 'annotations'; list?: SearchAnnotationInput[]; change?: AnnotationChange }
  | { type: 'idle'; id: number }
  | { type: 'close'; id: number };

/** A message from the host. */
export type HostMessage =
  | { type: 'progress'; id: number; progress: IndexProgress }
  | { type: 'status'; status: IndexStatus }
  | { type: 'answer'; id: number; value: IndexReport | SearchResponse | null }
  | { type: 'error'; id: number; code: string; message: string };
