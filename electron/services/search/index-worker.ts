/**
 * The index worker's entry: builds the shards listed in `workerData` one by one, posting a
 * message after each, then exits. A separate esbuild entry when the app is bundled (README.md).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildShardFile } from './build-shard-file.ts';
import type { WorkerInput } from './worker-protocol.ts';

const input = workerData as WorkerInput;
for (const job of input.jobs) parentPort?.postMessage(buildShardFile(job, input.folder));
