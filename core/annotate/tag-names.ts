/**
 * Tag names: one spelling per tag, unique among tags regardless of case.
 */
import { AnnotateError } from './errors.ts';
import type { Tag } from './model.ts';

/**
 * The stored form of a tag name: Unicode NFC (so "é" typed two ways is one name), no leading or
 * trailing space, every run of whitespace (tabs, no-break spaces, line breaks) one space.
 */
export function normalizeTagName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * The key under which names are compared: the normalised name, case-folded. Upper-casing first
 * folds letters that lower-casing alone keeps apart ("Straße" and "STRASSE" are one name).
 */
export function tagNameKey(name: string): string {
  return normalizeTagName(name).toUpperCase().toLowerCase().normalize('NFC');
}

/** The tag whose name equals `name` ignoring case and spacing, if any. */
export function findTagByName(tags: readonly Tag[], name: string): Tag | undefined {
  const key = tagNameKey(name);
  return tags.find((tag) => tagNameKey(tag.name) === key);
}

/**
 * The normalised `name`, checked for use by the tag `selfId` (omit it for a new tag). Throws
 * `AnnotateError` `empty-tag-name` for a blank name and `tag-name-taken` when another tag
 * already has the name in any capitalisation.
 */
export function checkTagName(tags: readonly Tag[], name: string, selfId?: string): string {
  const normalized = normalizeTagName(name);
  if (normalized === '') {
    throw new AnnotateError('empty-tag-name', 'A tag needs a name.');
  }
  const clash = findTagByName(tags, normalized);
  if (clash !== undefined && clash.id !== selfId) {
    throw new AnnotateError(
      'tag-name-taken',
      `There is already a tag called “${clash.name}”. ` +
        'Choose another name, or merge the two tags.',
    );
  }
  return normalized;
}
