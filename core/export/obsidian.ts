/**
 * Notes for a Markdown vault (Obsidian and the like): one file per source, named by its id, with
 * front matter a vault's queries read (title, authors, year, citation key, link), then each
 * highlight as a block quote with its citation, the historian's note, and the tags as `#tags`
 * (a child tag as `#parent/child`). Every highlight gets a block id, so a vault can link to it,
 * and a hidden comment with its Apparatus id; the source's DOI or web address is the link back.
 */
import type { Tag } from '../annotate/model.ts';
import { toMarkdown } from '../cite/render.ts';
import type { CslItem } from '../corpus/model.ts';
import type { ExportDocument, ExportEntry } from './export-document.ts';
import { quotationMark } from './labels.ts';
import { escapeMarkdown, richMarkdown } from './markdown.ts';
import { noteToMarkdown } from './note-markdown.ts';
import { quotationParagraphs } from './quotation-layout.ts';

/** One note file of the vault. */
export interface VaultNote {
  /** `<source id>.md`. */
  fileName: string;
  text: string;
}

/** The notes of `doc`, one per cited source, in the order the sources first appear. */
export function writeObsidian(doc: ExportDocument, tags: readonly Tag[]): VaultNote[] {
  const bySource = new Map<string, ExportEntry[]>();
  const seen = new Set<string>();
  for (const entry of doc.entries) {
    // Grouped by tag, a highlight is listed under each tag; a source's note lists it once.
    if (seen.has(entry.annotation.id)) continue;
    seen.add(entry.annotation.id);
    bySource.set(entry.item.id, [...(bySource.get(entry.item.id) ?? []), entry]);
  }
  const paths = tagPaths(tags);
  return [...bySource.values()].map((entries) => {
    const sorted = [...entries].sort((a, b) => a.annotation.position.start - b.annotation.position.start);
    const item = (entries[0] as ExportEntry).item;
    return { fileName: `${item.id}.md`, text: note(item, sorted, paths) };
  });
}

function note(item: CslItem, entries: readonly ExportEntry[], paths: ReadonlyMap<string, string>): string {
  const link = publishedLink(item);
  const blocks = [frontMatter(item, link), `# ${escapeMarkdown(item.title ?? item.id)}`];
  if (link) blocks.push(`Source: <${link}>`);
  for (const entry of entries) blocks.push(...highlight(entry, paths));
  return `${blocks.join('\n\n')}\n`;
}

function highlight(entry: ExportEntry, paths: ReadonlyMap<string, string>): string[] {
  const block = blockId(entry.annotation.id);
  const quote = quotationParagraphs(entry.quotation.rich).map((p) => `> ${richMarkdown(p).replace(/\n/g, ' ')}`);
  const lines = [...quote.flatMap((line, i) => (i === 0 ? [line] : ['>', line])), '>', `> — ${toMarkdown(entry.fullCitation)} ^${block}`];
  const out = [lines.join('\n')];
  const mark = quotationMark(entry.quotation);
  if (mark) out.push(`*${escapeMarkdown(mark.text)}*`);
  for (const line of entry.provenance) out.push(`*${escapeMarkdown(line)}*`);
  const text = noteToMarkdown(entry.note);
  if (text !== '') out.push(text);
  const tags = entry.tags.map((name) => paths.get(name) ?? tagName(name)).filter((tag) => tag !== '');
  if (tags.length > 0) out.push(tags.map((tag) => `#${tag}`).join(' '));
  out.push(`%% apparatus highlight ${entry.annotation.id} in ${entry.annotation.sourceId} %%`);
  return out;
}

function frontMatter(item: CslItem, link: string | null): string {
  const lines = ['---', `title: ${yamlString(item.title ?? item.id)}`];
  const authors = (item.author ?? []).map((name) => name.literal ?? [name.given, name['non-dropping-particle'], name.family].filter(Boolean).join(' '));
  if (authors.length > 0) lines.push('authors:', ...authors.map((name) => `  - ${yamlString(name)}`));
  const year = item.issued?.['date-parts']?.[0]?.[0];
  if (year !== undefined) lines.push(`year: ${year}`);
  lines.push(`citekey: ${yamlString(item.id)}`);
  if (link) lines.push(`source: ${yamlString(link)}`);
  lines.push('tags:', '  - apparatus', '---');
  return lines.join('\n');
}

/** Each tag's name as a vault tag: its parents' names before it, `/` between. */
function tagPaths(tags: readonly Tag[]): Map<string, string> {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const paths = new Map<string, string>();
  for (const tag of tags) {
    const parts: string[] = [];
    const visited = new Set<string>();
    for (let at: Tag | undefined = tag; at && !visited.has(at.id); at = at.parent ? byId.get(at.parent) : undefined) {
      visited.add(at.id);
      parts.unshift(tagName(at.name));
    }
    paths.set(tag.name, parts.filter((part) => part !== '').join('/'));
  }
  return paths;
}

// A vault tag holds letters, digits, `_`, `-` and `/`, and not digits alone.
function tagName(name: string): string {
  const cleaned = name.trim().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}_-]/gu, '').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  return /^\d+$/.test(cleaned) ? `_${cleaned}` : cleaned;
}

function blockId(annotationId: string): string {
  // A block id holds letters, digits and dashes: a UUID as it is.
  return `hl-${annotationId.replace(/[^a-z0-9-]/gi, '').toLowerCase()}`;
}

function publishedLink(item: CslItem): string | null {
  const doi = typeof item.DOI === 'string' ? item.DOI.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '') : '';
  if (doi !== '') return `https://doi.org/${doi}`;
  const url = typeof item.URL === 'string' ? item.URL.trim() : '';
  return /^https?:\/\/\S+$/i.test(url) ? url : null;
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}
