/**
 * Apparatus measured as the app and the command line use it: the search service building the
 * cache from the cleaned files (in its worker, merging as it goes), a fresh service loading it,
 * the engine's queries, a source edited, and annotations changed through the host thread.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchHost } from '../../electron/services/search/search-host.ts';
import { searchCorpus, SearchService } from '../../electron/services/search/search-service.ts';
import { benchAnnotations, markerWord } from './bench-annotations.ts';
import type { EngineFigures } from './figures.ts';
import { bundleCli } from './bundle-cli.ts';
import { heapUsed, median, peakRss, timeProcess, timedAsync } from './measure.ts';
import { queryFigures, WIDE_QUERIES, wideFigures } from './query-mix.ts';


function folderBytes(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** Every figure for Apparatus over the cleaned files in `corpus`. */
export async function measureApparatus(corpus: string, reps: number): Promise<EngineFigures> {
  const notes: string[] = [];
  const cache = mkdtempSync(join(tmpdir(), 'apparatus-bench-cache-'));
  const noProject = join(cache, 'no-project');
  const quiet = { log: () => {} };
  const edited = new Map<string, Buffer>();
  try {
    // Build: from the cleaned files to a merged, saved index, as a first start does.
    const builder = new SearchService(searchCorpus(corpus), cache, () => [], quiet);
    let searchableMs = 0;
    const build = await timedAsync(async () => {
      const started = performance.now();
      const report = await builder.ready();
      searchableMs = performance.now() - started;
      await builder.idle();
      return report;
    });
    const segments = builder.status().segments.length;
    await builder.close();
    notes.push(
      `Apparatus build: every source searchable after ${(searchableMs / 1000).toFixed(1)} s, merged into ${segments} segment(s) after ${(build.ms / 1000).toFixed(1)} s (one worker thread).`,
    );

    // Load: a fresh service over the saved cache, reading its corpus as the app's search thread
    // does (it hashes every cleaned file, and parses only those no segment holds).
    const service = new SearchService(searchCorpus(corpus), cache, () => [], quiet);
    const load = await timedAsync(() => service.ready());
    if (load.value.built.length > 0) notes.push(`Apparatus load rebuilt ${load.value.built.length} sources.`);
    const heapBytes = heapUsed();
    const status = service.status();
    const documents = status.segments.reduce((sum, segment) => sum + segment.documents, 0);
    notes.push(`Apparatus loaded ${status.segments.length} segment(s).`);
    const { queries, hits } = queryFigures((query) => service.searchHits(query.apparatus, { limit: 20 }).total, reps);
    const wide = wideFigures((query) => service.searchHits(query.apparatus, { limit: 20 }));
    for (const { apparatus } of WIDE_QUERIES) {
      const { message, total } = service.searchHits(apparatus, { limit: 20 });
      notes.push(`Apparatus "${apparatus}": ${total.toLocaleString('en')} passages. ${message ?? 'Not cut short.'}`);
    }
    const withExcerpts: number[] = [];
    for (const query of ['Khrushchev', 'naval base', '"central committee"', 'Tirrana~1']) {
      const started = performance.now();
      service.search(query, { limit: 20 });
      withExcerpts.push(performance.now() - started);
    }
    notes.push(
      `Apparatus queries with excerpts and page labels (the app's answer, sources parsed on demand): median ${median(withExcerpts).toFixed(1)} ms over 4 queries.`,
    );

    // A fresh command-line process: load, one query, print.
    const cli = await bundleCli();
    const fresh = timeProcess([process.execPath, cli, 'search', 'Khrushchev', '--corpus', corpus, '--cache', cache, '--project', noProject]);
    if (fresh.code !== 0) notes.push(`apparatus search exited with ${fresh.code}: ${fresh.stderr.slice(0, 200)}`);

    // Editing a source: until a search finds the new words.
    const sourceIds = readdirSync(corpus).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort();
    // Six edits of different sources; the first warms up (it starts the index worker) and is
    // left out, as MiniSearch's first is.
    const updates: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const sourceId = sourceIds[Math.floor(((i + 0.5) * sourceIds.length) / 6)] as string;
      const word = markerWord(1000 + i);
      const file = join(corpus, `${sourceId}.md`);
      if (!edited.has(file)) edited.set(file, readFileSync(file));
      appendFileSync(join(corpus, `${sourceId}.md`), `\n\nA ${word} was added to the text.\n`);
      const { ms, value } = await timedAsync(async () => {
        await service.ready();
        return service.searchHits(word).total;
      });
      if (value !== 1) notes.push(`Apparatus source update ${i}: ${value} hits for the new word.`);
      if (i > 0) updates.push(ms);
    }
    await service.idle();
    await service.close();

    // Annotations: 5,000 of them, changed one at a time through the host thread, as in the app.
    const annotations = benchAnnotations(sourceIds);
    const host = new SearchHost(corpus, cache, () => annotations);
    await host.ready();
    const trials = { create: [] as number[], edit: [] as number[], delete: [] as number[] };
    for (let i = 0; i < 20; i += 1) {
      const word = markerWord(i);
      const created = { ...(annotations[i] as (typeof annotations)[number]), id: `new-${i}`, note: `a ${word} note` };
      const edited = { ...(annotations[100 + i] as (typeof annotations)[number]), note: `an edited ${word}` };
      const steps: [keyof typeof trials, () => void, number][] = [
        ['create', () => host.annotationsChanged({ upserted: [created], removed: [] }), 1],
        ['edit', () => host.annotationsChanged({ upserted: [edited], removed: [] }), 2],
        ['delete', () => host.annotationsChanged({ upserted: [], removed: [created.id] }), 1],
      ];
      for (const [kind, change, expected] of steps) {
        // The count alone: showing the hit would add its excerpt, which parses the source.
        const { ms, value } = await timedAsync(async () => {
          change();
          return (await host.search(word, { limit: 0 })).total;
        });
        if (value !== expected) notes.push(`Apparatus annotation ${kind} ${i}: ${value} hits, ${expected} expected.`);
        trials[kind].push(ms);
      }
    }
    const shown = await timedAsync(() => host.search(markerWord(5), { limit: 5 }));
    await host.close();
    notes.push(
      `Apparatus annotation updates: the change is posted to the search thread and a query counting the new word answered there (round trip included); the main thread only posts a message. Showing the hit (its excerpt and page) takes ${shown.ms.toFixed(1)} ms more or less on top.`,
    );

    return {
      sources: sourceIds.length,
      documents,
      buildMs: build.ms,
      diskBytes: folderBytes(join(cache, 'search')),
      loadMs: load.ms,
      processMs: fresh.ms,
      processRssBytes: fresh.rssBytes,
      heapBytes,
      peakRssBytes: peakRss(),
      queries,
      wide,
      sourceUpdateMs: median(updates),
      annotationMs: { create: median(trials.create), edit: median(trials.edit), delete: median(trials.delete) },
      hits,
      notes,
    };
  } finally {
    // The corpus is kept between runs: put the edited files back as they were.
    for (const [file, bytes] of edited) writeFileSync(file, bytes);
    rmSync(cache, { recursive: true, force: true });
  }
}
