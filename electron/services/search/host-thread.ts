/**
 * The search host thread: a `SearchService` running off the main process's event loop, so that
 * loading the index, queries and annotation updates never hold up the app's window. It answers
 * the main process's requests (host-protocol.ts) one message at a time.
 */
import { parentPort } from 'node:worker_threads';
import type { SearchAnnotationInput } from './annotation-input.ts';
import type { HostInput, HostMessage, HostRequest } from './host-protocol.ts';
import { searchCorpus, SearchService } from './search-service.ts';

/** Runs the host: call from the worker entry when started with a `HostInput`. */
export function runSearchHost(input: HostInput): void {
  const port = parentPort;
  if (!port) return;
  const post = (message: HostMessage) => port.postMessage(message);
  const annotations = new Map<string, SearchAnnotationInput>();
  const service = new SearchService(searchCorpus(input.corpusFolder), input.cacheFolder, () => [...annotations.values()], {
    workerFile: input.workerFile,
    ...(input.snippetLength === undefined ? {} : { snippetLength: input.snippetLength }),
    log: () => {},
    onStatus: (status) => post({ type: 'status', status }),
  });
  const replace = (list: readonly SearchAnnotationInput[]) => {
    annotations.clear();
    for (const annotation of list) annotations.set(annotation.id, annotation);
  };
  const fail = (id: number, error: unknown) => {
    const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'internal';
    post({ type: 'error', id, code, message: error instanceof Error ? error.message : String(error) });
  };
  port.on('message', (request: HostRequest) => {
    switch (request.type) {
      case 'ready':
        replace(request.annotations);
        service.ready((progress) => post({ type: 'progress', id: request.id, progress })).then(
          (report) => post({ type: 'answer', id: request.id, value: report }),
          (error: unknown) => fail(request.id, error),
        );
        break;
      case 'search':
        try {
          post({ type: 'answer', id: request.id, value: service.search(request.query, { limit: request.limit, offset: request.offset }) });
        } catch (error) {
          fail(request.id, error);
        }
        break;
      case 'annotations':
        if (request.change) {
          for (const id of request.change.removed) annotations.delete(id);
          for (const annotation of request.change.upserted) annotations.set(annotation.id, annotation);
          service.annotationsChanged(request.change);
        } else {
          replace(request.list ?? []);
          service.annotationsChanged();
        }
        break;
      case 'idle':
        void service.idle().then(() => post({ type: 'answer', id: request.id, value: null }));
        break;
      case 'close':
        void service.close().then(() => post({ type: 'answer', id: request.id, value: null }));
        break;
    }
  });
}
