/**
 * The MiniSearch side of "a fresh process": `node bench/lib/minisearch-query.ts INDEX.json WORD`
 * loads the saved index, runs one query and prints the first ids, as `apparatus search` does.
 */
import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, type MiniDocument } from './minisearch-options.ts';

const [file, word] = process.argv.slice(2);
const index = MiniSearch.loadJSON<MiniDocument>(readFileSync(file ?? '', 'utf8'), MINISEARCH_OPTIONS);
const hits = index.search(word ?? '', { combineWith: 'AND' });
process.stdout.write(`${hits.slice(0, 20).map((hit) => hit.id).join('\n')}\n${hits.length} hits\n`);
