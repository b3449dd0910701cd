import { sharedMarkdownParser } from './markdown-parser.ts';

// The serializer must classify characters exactly as markdown-it's emphasis rules do, so it asks
// markdown-it itself rather than keeping its own tables of Unicode punctuation and spaces.

/** True for the characters CommonMark treats as Unicode whitespace next to a delimiter. */
export function isWhiteSpace(code: number): boolean {
  return sharedMarkdownParser().utils.isWhiteSpace(code);
}

/** True for Unicode punctuation and symbols (CommonMark 0.31's "punctuation character"). */
export function isPunctCharCode(code: number): boolean {
  return sharedMarkdownParser().utils.isPunctCharCode(code);
}

/** True for CommonMark's ASCII punctuation characters. */
export function isMdAsciiPunct(code: number): boolean {
  return sharedMarkdownParser().utils.isMdAsciiPunct(code);
}
