import { normalizeInlines } from './inline-runs.ts';
import type { Block, Note, Source, SourceMeta } from './model.ts';

/**
 * Numbers blocks as every cleaned file does: body blocks `b1`, `b2`, … in order; the blocks of
 * the note labelled L `nL`, `nL.2`, `nL.3`, …. Content is normalised (see `normalizeInlines`) and
 * blocks left without any inline are dropped, since a cleaned file cannot hold them.
 */
export function numberBlocks(
  blocks: readonly Block[],
  notes: readonly Note[],
): { blocks: Block[]; notes: Note[] } {
  const body = normalizeBlockList(blocks).map((block, i) => ({ ...block, id: `b${i + 1}` }));
  const numberedNotes = notes.map((note) => {
    const label = note.label.normalize('NFC');
    const noteBlocks = normalizeBlockList(note.blocks).map((block, i) => ({
      ...block,
      id: i === 0 ? `n${label}` : `n${label}.${i + 1}`,
    }));
    return { label, blocks: noteBlocks };
  });
  return { blocks: body, notes: numberedNotes };
}

/**
 * The canonical form of a Source, which is exactly what `parseSource` returns for the file
 * `serializeSource` writes: blocks renumbered, content normalised, empty blocks dropped, and every
 * metadata string NFC-normalised.
 */
export function normalizeSource(source: Source): Source {
  const meta = normalizeMeta(source.meta);
  return { id: meta.csl.id, meta, ...numberBlocks(source.blocks, source.notes) };
}

/** Metadata with every string NFC-normalised, absent fields left out, `cleaning` at least `[]`. */
export function normalizeMeta(meta: SourceMeta): SourceMeta {
  const out: SourceMeta = {
    csl: nfcDeep(meta.csl) as SourceMeta['csl'],
    reliability: meta.reliability,
    cleaning: (meta.cleaning ?? []).map((c) => ({
      original: c.original.normalize('NFC'),
      replacement: c.replacement.normalize('NFC'),
      reason: c.reason.normalize('NFC'),
    })),
  };
  if (meta.derivativeOf !== undefined) out.derivativeOf = meta.derivativeOf.normalize('NFC');
  if (meta.derivation !== undefined) out.derivation = meta.derivation.normalize('NFC');
  if (meta.rights !== undefined) out.rights = meta.rights.normalize('NFC');
  if (meta.caveats !== undefined) out.caveats = meta.caveats.map((c) => c.normalize('NFC'));
  return out;
}

function normalizeBlockList(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const content = normalizeInlines(block.content);
    if (content.length === 0) continue;
    out.push(
      block.type === 'heading'
        ? { type: block.type, id: block.id, level: block.level ?? 1, content }
        : { type: block.type, id: block.id, content },
    );
  }
  return out;
}

function nfcDeep(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(nfcDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = nfcDeep(v);
    return out;
  }
  return value;
}
