/**
 * The work the index worker does for one source: read the cleaned file, parse it, index its
 * blocks and write the shard. Runs inside the worker; kept apart from the worker entry so the
 * entry stays a few lines of message plumbing.
 */
import { readFileSync } from 'node:fs';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { buildShard, documentsForSource } from '../../../core/search/index.ts';
import { contentHash, shardFile, writeFileAtomically } from './cache-layout.ts';
import type { BuildJob, WorkerMessage } from './worker-protocol.ts';

/** The shard id of a source; shards replace one another by id. */
export function sourceShardId(sourceId: string): string {
  return `source:${sourceId}`;
}

/**
 * Builds and writes the shard of one source into `folder`, named by the hash of the bytes
 * actually read (so a file edited meanwhile is never cached under its old hash). Never throws:
 * a failure comes back as a `failed` message with a reason a historian can read.
 */
export function buildShardFile(job: BuildJob, folder: string): WorkerMessage {
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.file);
  } catch {
    return { type: 'failed', sourceId: job.sourceId, message: `The file ${job.file} could not be read.` };
  }
  try {
    const source = parseSource(bytes.toString('utf8'));
    const shard = buildShard(documentsForSource(source), { id: sourceShardId(job.sourceId) });
    const hash = contentHash(bytes);
    const file = shardFile(folder, job.sourceId, hash);
    writeFileAtomically(file, JSON.stringify(shard), folder);
    return { type: 'built', sourceId: job.sourceId, hash, file };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { type: 'failed', sourceId: job.sourceId, message: `${job.sourceId} was not indexed: ${reason}` };
  }
}
