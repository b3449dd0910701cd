// The public face of core/corpus: the Source model, the cleaned-file format, reading text and
// locators. Only re-exports.
export type * from './model.ts';
export { SourceFormatError, type SourceFormatErrorCode } from './source-format-error.ts';
export { parseSource } from './parse-source.ts';
export { serializeSource } from './serialize-source.ts';
export { normalizeSource, normalizeMeta, numberBlocks } from './normalize-source.ts';
export { blockText } from './inline-runs.ts';
export {
  BLOCK_SEPARATOR,
  ReadingOffsetError,
  fromReadingOffset,
  readingText,
  toReadingOffset,
  type BlockPosition,
  type BlockSpan,
  type ReadingOffsetErrorCode,
  type ReadingText,
} from './reading-text.ts';
export {
  SourceIndex,
  locate,
  pagesForRange,
  sectionForOffset,
  type PageRange,
} from './source-index.ts';
export { SOURCE_ID_PATTERN } from './front-matter-schema.ts';
