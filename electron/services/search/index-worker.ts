/**
 * The index worker's entry: indexes sources and merges segments as the service asks, one
 * request at a time, replying to each. A separate esbuild entry when the app is bundled
 * (README.md). Segment bytes are transferred back, not copied.
 */
import { parentPort } from 'node:worker_threads';
import { buildJob, mergeJob } from './worker-jobs.ts';
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts';

parentPort?.on('message', (request: WorkerRequest) => {
  const reply: WorkerReply = request.type === 'build' ? buildJob(request) : mergeJob(request);
  const transfer = reply.type === 'failed' ? [] : [reply.stored.data.buffer as ArrayBuffer];
  parentPort?.postMessage(reply, transfer);
});
