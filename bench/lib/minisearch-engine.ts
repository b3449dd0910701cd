/**
 * MiniSearch measured on the same cleaned files and the same tasks: index every block (and, for
 * the updates, 5,000 annotations in the same index), save the index as JSON, load it, run the
 * mix, edit a source, change annotations.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { documentsForSource } from '../../core/search/index.ts';
import { benchAnnotations, markerWord } from './bench-annotations.ts';
import type { EngineFigures } from './figures.ts';
import { heapUsed, median, peakRss, timeProcess, timed } from './measure.ts';
import { MINISEARCH_OPTIONS, type MiniDocument } from './minisearch-options.ts';
import { queryFigures, wideFigures } from './query-mix.ts';

const QUERY_SCRIPT = new URL('./minisearch-query.ts', import.meta.url).pathname;

function documentsOf(text: string): MiniDocument[] {
  return documentsForSource(parseSource(text)).map((doc) => ({ id: doc.ref, title: doc.title, author: doc.author, heading: doc.heading, body: doc.body }));
}

/** Every figure for MiniSearch over the cleaned files in `corpus`. */
export function measureMiniSearch(corpus: string, reps: number): EngineFigures {
  const notes: string[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'minisearch-bench-'));
  const file = join(folder, 'index.json');
  const edited = new Map<string, string>();
  try {
    const names = readdirSync(corpus).filter((name) => name.endsWith('.md')).sort();
    let documents = 0;
    let indexMs = 0;
    const build = timed(() => {
      const index = new MiniSearch<MiniDocument>(MINISEARCH_OPTIONS);
      indexMs = timed(() => {
        for (const name of names) {
          const docs = documentsOf(readFileSync(join(corpus, name), 'utf8'));
          documents += docs.length;
          index.addAll(docs);
        }
      }).ms;
      writeFileSync(file, JSON.stringify(index));
    });
    notes.push(`MiniSearch build: ${(indexMs / 1000).toFixed(1)} s to index, ${((build.ms - indexMs) / 1000).toFixed(1)} s to serialise and write.`);
    const diskBytes = readFileSync(file).length;
    // The built index is gone; collect it before loading the saved one, so the two never meet.
    (globalThis as { gc?: () => void }).gc?.();

    const load = timed(() => MiniSearch.loadJSON<MiniDocument>(readFileSync(file, 'utf8'), MINISEARCH_OPTIONS));
    const index = load.value;
    const heapBytes = heapUsed();
    const { queries, hits } = queryFigures((query) => index.search(query.minisearch.text, query.minisearch.options).length, reps);

    const wide = wideFigures((query) => index.search(query.minisearch.text, query.minisearch.options));
    const fresh = timeProcess([process.execPath, QUERY_SCRIPT, file, 'Khrushchev']);
    if (fresh.code !== 0) notes.push(`The MiniSearch query process exited with ${fresh.code}: ${fresh.stderr.slice(0, 200)}`);

    const updates: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const name = names[Math.floor(((i + 0.5) * names.length) / 6)] as string;
      const path = join(corpus, name);
      const before = readFileSync(path, 'utf8');
      if (!edited.has(path)) edited.set(path, before);
      const word = markerWord(1000 + i);
      appendFileSync(path, `\n\nA ${word} was added to the text.\n`);
      const { ms, value } = timed(() => {
        index.discardAll(documentsOf(before).map((doc) => doc.id));
        index.addAll(documentsOf(readFileSync(path, 'utf8')));
        return index.search(word).length;
      });
      if (value !== 1) notes.push(`MiniSearch source update ${i}: ${value} hits for the new word.`);
      if (i > 0) updates.push(ms);
    }

    const annotations = benchAnnotations(names.map((name) => name.slice(0, -3))).map((a) => ({
      id: `annotation:${a.id}`,
      quote: a.quote.exact,
      note: a.note ?? '',
      tags: a.tags.join(' '),
    }));
    index.addAll(annotations);
    const trials = { create: [] as number[], edit: [] as number[], delete: [] as number[] };
    for (let i = 0; i < 20; i += 1) {
      const word = markerWord(i);
      const created = { ...(annotations[i] as MiniDocument), id: `annotation:new-${i}`, note: `a ${word} note` };
      const edit = { ...(annotations[100 + i] as MiniDocument), note: `an edited ${word}` };
      const steps: [keyof typeof trials, () => void, number][] = [
        ['create', () => index.add(created), 1],
        ['edit', () => index.replace(edit), 2],
        ['delete', () => index.discard(created.id), 1],
      ];
      for (const [kind, change, expected] of steps) {
        const { ms, value } = timed(() => {
          change();
          return index.search(word).length;
        });
        if (value !== expected) notes.push(`MiniSearch annotation ${kind} ${i}: ${value} hits, ${expected} expected.`);
        trials[kind].push(ms);
      }
    }
    return {
      sources: names.length,
      documents,
      buildMs: build.ms,
      diskBytes,
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
    for (const [path, text] of edited) writeFileSync(path, text);
    rmSync(folder, { recursive: true, force: true });
  }
}
