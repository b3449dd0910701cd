/**
 * The work the index worker does: index one source into a segment, or merge segments, and save
 * the result. Runs inside the worker; kept apart from its entry so the entry stays a few lines of
 * message plumbing. Never throws: a failure comes back as a reply with a reason a historian can
 * read, and a segment that cannot be saved still comes back (searching works from memory).
 */
import { readFileSync } from 'node:fs';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import {
  buildSegment,
  documentsForSource,
  encodeSegment,
  loadedShard,
  mergeSegments,
  decodeSegment,
  sourceAuthorText,
  type SearchDocument,
  type SegmentSource,
  type StoredSegment,
} from '../../../core/search/index.ts';
import { cacheWriteProblem, contentHash, mergedSegmentFile, sourceSegmentFile, writeFileAtomically } from './cache-layout.ts';
import { binarySegmentFile, decodeSegmentFile, jsonSegmentFile } from './segment-file.ts';
import type { BuildRequest, JobFailure, MergeRequest, WorkerReply } from './worker-protocol.ts';

/**
 * The name of a segment holding several sources: the hash of its whole content. The data alone
 * would not do: two segments of different words can have the same postings bytes (the words are
 * in the description), and one would replace the other under the same name.
 */
function segmentHash(stored: StoredSegment): string {
  return contentHash(Buffer.concat([Buffer.from(JSON.stringify(stored.meta)), stored.data]));
}

function save(folder: string | null, file: string, bytes: () => Uint8Array | string): { file?: string; writeError?: string } {
  if (folder === null) return {};
  try {
    writeFileAtomically(file, bytes(), folder);
    return { file };
  } catch (error) {
    return { writeError: cacheWriteProblem(folder, error) };
  }
}

/** One source file's documents and record, hashed from the bytes actually read. */
function readSource(sourceId: string, file: string): { docs: SearchDocument[]; record: SegmentSource } | JobFailure {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { sourceId, message: `The file ${file} could not be read.` };
  }
  try {
    const hash = contentHash(bytes);
    const parsed = parseSource(bytes.toString('utf8'));
    // The file name is the source's identity in the library, whatever its front matter says.
    const source = parsed.id === sourceId ? parsed : { ...parsed, id: sourceId };
    return {
      docs: documentsForSource(source),
      record: {
        id: sourceId,
        title: source.meta.csl.title ?? '',
        author: sourceAuthorText(source),
        container: source.meta.csl['container-title'] ?? '',
        hash,
      },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { sourceId, message: `${sourceId} was not indexed: ${reason}` };
  }
}

/**
 * Indexes source files into one segment: a single source's is named by its file hash, several
 * sources' by the hash of the segment's bytes.
 */
export function buildJob(request: BuildRequest): WorkerReply {
  const { job } = request;
  const failed: JobFailure[] = [];
  const docs: SearchDocument[] = [];
  const records: SegmentSource[] = [];
  for (const { sourceId, file } of request.sources) {
    const read = readSource(sourceId, file);
    if ('message' in read) failed.push(read);
    else {
      docs.push(...read.docs);
      records.push(read.record);
    }
  }
  const [first] = records;
  if (first === undefined) return { type: 'failed', job, failures: failed };
  try {
    const single = records.length === 1;
    const segment = buildSegment(docs, { id: single ? `${first.id}.${first.hash}` : 'segment', sources: records });
    let stored = encodeSegment(segment);
    let file = '';
    if (single) {
      if (request.folder !== null) file = sourceSegmentFile(request.folder, first.id, first.hash);
    } else {
      const hash = segmentHash(stored);
      stored = { meta: { ...stored.meta, id: `segment.${hash}` }, data: stored.data };
      if (request.folder !== null) file = mergedSegmentFile(request.folder, hash);
    }
    const bytes = single ? () => jsonSegmentFile(stored) : () => binarySegmentFile(stored);
    const built = records.map(({ id, hash }) => ({ sourceId: id, hash }));
    return { type: 'built', job, built, failed, stored, ...save(request.folder, file, bytes) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { type: 'failed', job, failures: [...failed, ...records.map(({ id }) => ({ sourceId: id, message: `${id} was not indexed: ${reason}` }))] };
  }
}

/** Merges segments (their live documents) into one, named by the hash of its bytes. */
export function mergeJob(request: MergeRequest): WorkerReply {
  const { job } = request;
  try {
    const shards = request.inputs.map((input) => {
      const segment = input.stored ? decodeSegment(input.stored) : decodeSegmentFile(readFileSync(input.file ?? ''));
      return loadedShard(segment, input.deleted, new Set(input.maskedSources));
    });
    const merged = encodeSegment(mergeSegments(shards, 'segment'));
    const hash = segmentHash(merged);
    const stored: StoredSegment = { meta: { ...merged.meta, id: `segment.${hash}` }, data: merged.data };
    const file = request.folder === null ? '' : mergedSegmentFile(request.folder, hash);
    return { type: 'merged', job, stored, ...save(request.folder, file, () => binarySegmentFile(stored)) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { type: 'failed', job, failures: [{ sourceId: '', message: `Search index segments could not be merged: ${reason}` }] };
  }
}
