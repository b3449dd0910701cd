/**
 * What gets indexed: one document per block of a source (body and footnotes) and one per
 * annotation. Documents are plain data; shard.ts analyses and indexes them.
 */
import type { Block, BlockType, CslName, Source } from '../corpus/model.ts';

/** A block of a source as a search document; ref `sourceId#blockId`. */
export interface BlockDocument {
  kind: 'block';
  ref: string;
  sourceId: string;
  blockId: string;
  blockType: BlockType;
  /** True for the paragraphs of footnotes and endnotes. */
  inNote: boolean;
  /** Position among the source's documents: the reading order, used to break ties. */
  order: number;
  /** The source's title and authors, repeated on each block so they count for every passage. */
  title: string;
  author: string;
  /** The title of the journal, book, website or encyclopedia the source appeared in, if any. */
  container?: string;
  /** The block's text when it is a heading, else empty. */
  heading: string;
  /** The block's text when it is not a heading, else empty. */
  body: string;
}

/** The part of an annotation that search needs. */
export interface SearchableAnnotation {
  id: string;
  sourceId: string;
  quote: { exact: string };
  note?: string;
  /** Tag names (not ids), as the user sees them. */
  tags: readonly string[];
  /** Names of the tags that contain these tags (parents, grandparents …), without repeats. */
  parentTags?: readonly string[];
  /** The block where the annotated passage starts, when the caller knows it. */
  blockId?: string;
}

/** An annotation as a search document; ref `annotation:<id>`. */
export interface AnnotationDocument {
  kind: 'annotation';
  ref: string;
  sourceId: string;
  annotationId: string;
  blockId?: string;
  /** Position in the list the documents were made from, used to break ties. */
  order: number;
  quote: string;
  note: string;
  tags: readonly string[];
  /** Names of the tags containing `tags`; absent when there are none. */
  parentTags?: readonly string[];
}

/** Any search document. */
export type SearchDocument = BlockDocument | AnnotationDocument;

/**
 * The text of a block: the concatenated text of its runs; note references, milestones, gaps and
 * source markers add nothing.
 */
export function blockText(block: Block): string {
  let text = '';
  for (const inline of block.content) if (inline.type === 'text') text += inline.text;
  return text;
}

/** A CSL name as it is written in running text ("Jovanka Kalić", "Wikipedia contributors"). */
function nameText(name: CslName): string {
  if (name.literal) return name.literal;
  const parts = [
    name.given,
    name['dropping-particle'],
    name['non-dropping-particle'],
    name.family,
    name.suffix,
  ];
  return parts.filter((part) => part !== undefined && part !== '').join(' ');
}

/** The names a historian may look a source up by: authors, then editors and translators. */
export function sourceAuthorText(source: Source): string {
  const { author = [], editor = [], translator = [] } = source.meta.csl;
  return [...author, ...editor, ...translator].map(nameText).join('; ');
}

/**
 * One document per body block (in order), then per note paragraph (in note order), skipping
 * blocks with no text. Each carries the source's title and author names.
 */
export function documentsForSource(source: Source): BlockDocument[] {
  const title = source.meta.csl.title ?? '';
  const author = sourceAuthorText(source);
  const container = source.meta.csl['container-title'] ?? '';
  const blocks = [
    ...source.blocks.map((block) => ({ block, inNote: false })),
    ...source.notes.flatMap((note) => note.blocks.map((block) => ({ block, inNote: true }))),
  ];
  const documents: BlockDocument[] = [];
  for (const { block, inNote } of blocks) {
    const text = blockText(block);
    if (text.trim() === '') continue;
    const isHeading = block.type === 'heading';
    documents.push({
      kind: 'block',
      ref: `${source.id}#${block.id}`,
      sourceId: source.id,
      blockId: block.id,
      blockType: block.type,
      inNote,
      order: documents.length,
      title,
      author,
      ...(container === '' ? {} : { container }),
      heading: isHeading ? text : '',
      body: isHeading ? '' : text,
    });
  }
  return documents;
}

/** One document per annotation, in the order given. Annotation edits rebuild only these. */
export function documentsForAnnotations(
  annotations: readonly SearchableAnnotation[],
): AnnotationDocument[] {
  return annotations.map((annotation, order) => ({
    kind: 'annotation',
    ref: `annotation:${annotation.id}`,
    sourceId: annotation.sourceId,
    annotationId: annotation.id,
    ...(annotation.blockId === undefined ? {} : { blockId: annotation.blockId }),
    order,
    quote: annotation.quote.exact,
    note: annotation.note ?? '',
    tags: [...annotation.tags],
    ...(annotation.parentTags && annotation.parentTags.length > 0
      ? { parentTags: [...annotation.parentTags] }
      : {}),
  }));
}
