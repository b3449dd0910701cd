/**
 * Citations that Zotero's Word and LibreOffice plugins recognise as their own: each footnote's
 * citation is the JSON Zotero writes into an `ADDIN ZOTERO_ITEM CSL_CITATION` field (the CSL-JSON
 * item embedded, so a colleague without the item in their library can refresh it too, with the
 * locator and our formatted text), the bibliography an `ADDIN ZOTERO_BIBL` field, and the
 * document's Zotero preferences (the Chicago notes style of the edition chosen, footnotes) the
 * `ZOTERO_PREF_n` custom properties. Until Zotero refreshes them, the fields show our own Chicago
 * text.
 */
import type { Rich } from '../cite/rich.ts';
import { STYLE_OPTIONS, type StyleName } from '../cite/style.ts';
import { toPlainText } from '../cite/render.ts';
import type { CslItem } from '../corpus/model.ts';
import { zoteroKeyOf } from '../corpus/zotero-key.ts';
import { standardCsl } from './csl-types.ts';
import type { ExportDocument, ExportEntry } from './export-document.ts';

/** The JSON schema Zotero names in every citation field. */
export const CSL_CITATION_SCHEMA = 'https://github.com/citation-style-language/schema/raw/master/csl-citation.json';

/** The Zotero style of Chicago's notes and bibliography (the 18th edition). */
export const CHICAGO_NOTES_STYLE = 'http://www.zotero.org/styles/chicago-notes-bibliography';

/** The same in the 17th edition, which a document written to CMOS 17 must name to stay in it when Zotero refreshes it. */
export const CHICAGO_17_NOTES_STYLE = 'http://www.zotero.org/styles/chicago-notes-bibliography-17th-edition';

/** The Zotero style of the edition a document's notes are written to. */
export function zoteroStyle(style: StyleName): string {
  return STYLE_OPTIONS[style].edition === 17 ? CHICAGO_17_NOTES_STYLE : CHICAGO_NOTES_STYLE;
}

/** The instruction of the bibliography field. */
export const BIBLIOGRAPHY_INSTRUCTION = ' ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY ';

// Word keeps a custom text property to 255 characters; Zotero splits its preferences into pieces.
const PREF_PIECE = 240;

// Zotero's item keys are eight characters of this alphabet.
const KEY_ALPHABET = '23456789ABCDEFGHIJKLMNPQRSTUVWXYZ';

/** The JSON of one footnote's citation field, as Zotero writes it. */
export function citationJson(entry: ExportEntry): Record<string, unknown> {
  const id = itemNumber(entry.item.id);
  const cited: Record<string, unknown> = {
    id,
    uris: [itemUri(entry.item)],
    itemData: { ...itemData(entry.item), id },
  };
  if (entry.locator) {
    // Zotero's locator labels are CSL's; a section heading is the nearest it has to "under".
    cited.locator = entry.locator.locator;
    cited.label = entry.locator.label === 'under' ? 'section' : entry.locator.label;
  }
  return {
    citationID: key(`${entry.annotation.id}:${entry.noteIndex}`),
    properties: {
      formattedCitation: rtf(entry.citation),
      plainCitation: toPlainText(entry.citation),
      noteIndex: entry.noteIndex,
    },
    citationItems: [cited],
    schema: CSL_CITATION_SCHEMA,
  };
}

/** The instruction text of one footnote's citation field. */
export function citationInstruction(entry: ExportEntry): string {
  return ` ADDIN ZOTERO_ITEM CSL_CITATION ${JSON.stringify(citationJson(entry))} `;
}

/** The document preferences Zotero reads, as the `ZOTERO_PREF_1`, `ZOTERO_PREF_2`, … properties. */
export function documentPreferences(doc: ExportDocument): { name: string; value: string }[] {
  const session = key(`session:${doc.title}:${doc.entries.map((e) => e.annotation.id).join(',')}`);
  const xml =
    `<data data-version="3"><session id="${session}"/>` +
    `<style id="${zoteroStyle(doc.style)}" hasBibliography="1" bibliographyStyleHasBeenSet="1"/>` +
    '<prefs><pref name="fieldType" value="Field"/><pref name="noteType" value="1"/></prefs></data>';
  const pieces: { name: string; value: string }[] = [];
  for (let at = 0; at < xml.length; at += PREF_PIECE) pieces.push({ name: `ZOTERO_PREF_${pieces.length + 1}`, value: xml.slice(at, at + PREF_PIECE) });
  return pieces;
}

/**
 * The item's URI in the user's Zotero library: an item imported from Zotero names its own key,
 * which Zotero looks up in the user's library whatever the local part (so the citation is linked
 * to the item, and follows its edits); any other names a key made from its id, which Zotero does
 * not find, and so reads the item embedded in the field.
 */
export function itemUri(item: CslItem): string {
  return `http://zotero.org/users/local/${key('apparatus')}/items/${zoteroKeyOf(item) ?? key(item.id)}`;
}

// Zotero's CSL engine takes the item as CSL-JSON, with CSL's types; the id is the citation's.
function itemData(item: CslItem): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(standardCsl(item))) if (value !== undefined) data[field] = value;
  return data;
}

/** Rich text as the RTF fragment Zotero keeps in `formattedCitation` for Word. */
export function rtf(rich: Rich): string {
  const body = rich.map((run) => (run.italic ? `{\\i{}${rtfText(run.text)}}` : rtfText(run.text))).join('');
  return `{\\rtf ${body}}`;
}

function rtfText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (char === '\\' || char === '{' || char === '}') out += `\\${char}`;
    else if (code < 0x80) out += char;
    else if (code <= 0xffff) out += `\\uc0\\u${code > 0x7fff ? code - 0x10000 : code}{}`;
    else {
      // RTF writes a character outside the BMP as its two UTF-16 halves.
      const high = Math.floor((code - 0x10000) / 0x400) + 0xd800;
      const low = ((code - 0x10000) % 0x400) + 0xdc00;
      out += `\\uc0\\u${high - 0x10000}{}\\uc0\\u${low - 0x10000}{}`;
    }
  }
  return out;
}

/** A stable positive integer for an item id (Zotero's citation items carry a number). */
function itemNumber(id: string): number {
  return (hash(id) % 2_000_000_000) + 1;
}

/** Eight characters of Zotero's key alphabet, the same for the same seed. */
function key(seed: string): string {
  let h = hash(seed);
  let out = '';
  for (let i = 0; i < 8; i += 1) {
    out += KEY_ALPHABET[h % KEY_ALPHABET.length];
    h = Math.floor(h / KEY_ALPHABET.length) + hash(`${seed}:${i}`);
  }
  return out;
}

/** FNV-1a over UTF-16 units, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
