// The only module that touches window.apparatus (the preload's API). Everything else in the
// renderer calls these functions, so a test or another host can provide the same contract.
import type { ApparatusApi, ApiError, Result, SourceSummary } from '../core/api.ts';

declare global {
  interface Window {
    apparatus?: ApparatusApi;
  }
}

function api(): ApparatusApi {
  if (!window.apparatus) throw new Error('Apparatus must run inside its desktop window.');
  return window.apparatus;
}

const UNAVAILABLE: ApiError = {
  code: 'internal',
  message: 'Apparatus could not reach its storage. Please restart the application.',
};

async function call<T>(invoke: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await invoke();
  } catch {
    return { ok: false, error: UNAVAILABLE };
  }
}

/** The sources of the corpus, as the library lists them. */
export function listSources(): Promise<Result<SourceSummary[]>> {
  return call(() => api().corpus.list());
}
