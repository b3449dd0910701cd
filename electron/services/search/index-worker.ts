/**
 * The entry of the search threads (one esbuild bundle, README.md). Started with a `HostInput`,
 * it hosts the search service off the main process's event loop; started bare, it is an index
 * worker: it indexes sources and merges segments as the service asks, one request at a time,
 * transferring the segment bytes back rather than copying them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { HostInput } from './host-protocol.ts';
import { runSearchHost } from './host-thread.ts';
import { buildJob, mergeJob } from './worker-jobs.ts';
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts';

const input = workerData as HostInput | undefined;
if (input?.role === 'search-host') runSearchHost(input);
else {
  parentPort?.on('message', (request: WorkerRequest) => {
    const reply: WorkerReply = request.type === 'build' ? buildJob(request) : mergeJob(request);
    const transfer = reply.type === 'failed' ? [] : [reply.stored.data.buffer as ArrayBuffer];
    parentPort?.postMessage(reply, transfer);
  });
}
