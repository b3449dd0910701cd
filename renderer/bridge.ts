// The only module that touches window.apparatus (the preload's API): calls and events. Everything
// else in the renderer goes through `invoke` and `on`, so a test or another host can provide the
// same contract.
import type { ApparatusApi, ApiError, CallInput, CallName, CallOutput, EventName, EventPayloads, Result } from '../core/api.ts';

declare global {
  interface Window {
    apparatus?: ApparatusApi;
  }
}

const UNAVAILABLE: ApiError = {
  code: 'internal',
  message: 'Apparatus could not reach its storage. Please restart the application.',
};

/** Calls the main process; never rejects: failures come back as `{ ok: false, error }`. */
export async function invoke<N extends CallName>(name: N, input?: CallInput<N>): Promise<Result<CallOutput<N>>> {
  const [namespace, method] = name.split('.') as [string, string];
  const api = window.apparatus as unknown as Record<string, Record<string, (input?: unknown) => Promise<Result<CallOutput<N>>>>> | undefined;
  const fn = api?.[namespace]?.[method];
  if (!fn) return { ok: false, error: UNAVAILABLE };
  try {
    return await fn(input);
  } catch {
    return { ok: false, error: UNAVAILABLE };
  }
}

/** Listens to an event from main, with its payload as the contract types it; returns a function that stops listening. */
export function on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
  return window.apparatus?.on(event, listener) ?? (() => {});
}

/**
 * Hands main a file the user dropped on the window, through the preload (which alone learns its
 * path); resolves with the token `corpus.importDropped` takes, or a failure for a file not on disk.
 */
export async function dropFile(file: File): Promise<Result<string>> {
  const notOnDisk: Result<string> = { ok: false, error: { code: 'invalid-input', message: `“${file.name}” is not a file on this computer, so it cannot be imported. Save it to a folder first.` } };
  const api = window.apparatus;
  if (!api) return { ok: false, error: UNAVAILABLE };
  try {
    return (await api.droppedFile(file)) ?? notOnDisk;
  } catch {
    return { ok: false, error: UNAVAILABLE };
  }
}
