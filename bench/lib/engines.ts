/**
 * The two engines measured side by side on the same documents: Apparatus (one shard per source
 * copy, written as it is built) and MiniSearch (one index, serialised whole). Each run happens in
 * its own child process, so peak memory belongs to one engine alone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { buildShard, documentsForSource, loadShards, search } from '../../core/search/index.ts';
import type { Source } from '../../core/corpus/model.ts';
import { sourceCopy } from './bench-corpus.ts';
import { heapUsed, peakRss, percentile, timed } from './measure.ts';
import { QUERY_MIX } from './query-mix.ts';

/** What one engine measured at one scale; a missing figure is null with the reason in `notes`. */
export interface EngineFigures {
  documents: number;
  buildMs: number;
  serializeMs: number | null;
  peakRssBytes: number;
  diskBytes: number | null;
  loadMs: number | null;
  heapAfterLoadBytes: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  hits: number;
  /** True when the run was cut short: its figures cover part of the corpus only. */
  partial?: boolean;
  notes: string[];
}

/** Runs every query of the mix `reps` times; latencies in ms and the hit count of one pass. */
function latencies(run: (index: number) => number, reps: number): { samples: number[]; hits: number } {
  const samples: number[] = [];
  let hits = 0;
  for (let rep = 0; rep < reps; rep += 1) {
    QUERY_MIX.forEach((_, index) => {
      const { ms, value } = timed(() => run(index));
      samples.push(ms);
      if (rep === 0) hits += value;
    });
  }
  return { samples, hits };
}

/**
 * Apparatus: build and write one shard per source copy, load them all, run the mix. When the
 * build passes `buildBudgetMs`, it stops and only the build figures of the copies made so far
 * are returned, with a note.
 */
export function measureApparatus(
  sources: readonly Source[],
  scale: number,
  reps: number,
  buildBudgetMs = Number.POSITIVE_INFINITY,
): EngineFigures {
  const folder = mkdtempSync(join(tmpdir(), 'apparatus-bench-'));
  try {
    let buildMs = 0;
    let serializeMs = 0;
    let diskBytes = 0;
    let documents = 0;
    for (let copy = 0; copy < scale; copy += 1) {
      if (buildMs + serializeMs > buildBudgetMs) {
        const rate = (buildMs + serializeMs) / copy;
        return {
          documents, buildMs, serializeMs, peakRssBytes: peakRss(), diskBytes,
          loadMs: null, heapAfterLoadBytes: null, p50Ms: null, p95Ms: null, hits: 0, partial: true,
          notes: [
            `Apparatus stopped building after ${copy} of ${scale} copies (${Math.round(buildBudgetMs / 1000)} s budget); build, size and memory figures are for those ${copy} copies only. At ${(rate / 1000).toFixed(2)} s per copy the full build would take about ${Math.round((rate * scale) / 1000)} s, and loading (≈${scale / 100}× the 100x load time) would not fit the 10-minute run: load time and latency not measured.`,
          ],
        };
      }
      for (const source of sources) {
        const built = timed(() => {
          const docs = documentsForSource(sourceCopy(source, copy));
          documents += docs.length;
          return buildShard(docs, { id: `source:${source.id}~${copy}` });
        });
        buildMs += built.ms;
        const written = timed(() => {
          const text = JSON.stringify(built.value);
          writeFileSync(join(folder, `${source.id}~${copy}.json`), text);
          return Buffer.byteLength(text);
        });
        serializeMs += written.ms;
        diskBytes += written.value;
      }
    }
    const peakBuild = peakRss();
    const loaded = timed(() =>
      loadShards(readdirSync(folder).map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as unknown)),
    );
    const heapAfterLoadBytes = heapUsed();
    const shards = loaded.value.shards;
    const { samples, hits } = latencies((i) => search(shards, QUERY_MIX[i]?.apparatus ?? '', { limit: 20 }).total, reps);
    return {
      documents,
      buildMs,
      serializeMs,
      peakRssBytes: peakBuild,
      diskBytes,
      loadMs: loaded.ms,
      heapAfterLoadBytes,
      p50Ms: percentile(samples, 50),
      p95Ms: percentile(samples, 95),
      hits,
      notes: [],
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const MINISEARCH_OPTIONS = {
  fields: ['title', 'author', 'heading', 'body'],
  // The same folding as ours (NFD, marks stripped, lower case), so "mehilli" finds "Mëhilli".
  processTerm: (term: string) => term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
};

/** MiniSearch: index the same documents, serialise the whole index, load it, run the mix. */
export function measureMiniSearch(sources: readonly Source[], scale: number, reps: number): EngineFigures {
  const notes: string[] = [];
  let index = new MiniSearch(MINISEARCH_OPTIONS);
  let documents = 0;
  const built = timed(() => {
    for (let copy = 0; copy < scale; copy += 1) {
      for (const source of sources) {
        for (const doc of documentsForSource(sourceCopy(source, copy))) {
          index.add({ id: doc.ref, title: doc.title, author: doc.author, heading: doc.heading, body: doc.body });
          documents += 1;
        }
      }
    }
  });
  const peakBuild = peakRss();
  let serializeMs: number | null = null;
  let diskBytes: number | null = null;
  let loadMs: number | null = null;
  let heapAfterLoadBytes: number | null = null;
  const folder = mkdtempSync(join(tmpdir(), 'minisearch-bench-'));
  try {
    const file = join(folder, 'index.json');
    const serialized = timed(() => {
      const text = JSON.stringify(index);
      writeFileSync(file, text);
      return Buffer.byteLength(text);
    });
    serializeMs = serialized.ms;
    diskBytes = serialized.value;
    const loaded = timed(() => MiniSearch.loadJSON(readFileSync(file, 'utf8'), MINISEARCH_OPTIONS));
    loadMs = loaded.ms;
    index = loaded.value;
    heapAfterLoadBytes = heapUsed();
  } catch (error) {
    notes.push(`MiniSearch could not serialise or load its index: ${(error as Error).message}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const { samples, hits } = latencies((i) => {
    const query = QUERY_MIX[i];
    return query ? index.search(query.minisearch.text, query.minisearch.options).length : 0;
  }, reps);
  return {
    documents,
    buildMs: built.ms,
    serializeMs,
    peakRssBytes: peakBuild,
    diskBytes,
    loadMs,
    heapAfterLoadBytes,
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    hits,
    notes,
  };
}
