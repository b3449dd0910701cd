/**
 * Turning "the note is now this" into the smallest edit of a `Y.Text`, so that two members editing
 * different parts of one note offline both keep their words when the edits merge.
 */
import type * as Y from 'yjs';

/** The one changed range between two strings: `[start, end)` of `before` becomes `insert`. */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

/**
 * The single replacement that turns `before` into `after` (common prefix and suffix kept), or null
 * when they are equal. Never splits a surrogate pair, so concurrent edits cannot leave half a
 * character behind.
 */
export function textEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix -= 1;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix -= 1;
  return { start: prefix, end: before.length - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/** Makes `text` read `next` with the smallest edit; returns whether anything changed. */
export function setText(text: Y.Text, next: string): boolean {
  const edit = textEdit(text.toString(), next);
  if (edit === null) return false;
  if (edit.end > edit.start) text.delete(edit.start, edit.end - edit.start);
  if (edit.insert !== '') text.insert(edit.start, edit.insert);
  return true;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
