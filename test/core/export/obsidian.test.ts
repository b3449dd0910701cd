import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Tag } from '../../../core/annotate/model.ts';
import { toMarkdown } from '../../../core/cite/render.ts';
import { buildExport } from '../../../core/export/build-export.ts';
import { writeObsidian } from '../../../core/export/obsidian.ts';
import { installed, pandocHtml } from './external-tools.ts';
import { across, edemskiy, first, orphan, second, third, wikipedia } from './sample-export.ts';

// A tag under a tag, so that the vault gets a nested tag.
const tags: Tag[] = [
  { id: 't-moscow', name: 'Moscow', color: 'yellow' },
  { id: 't-tirana', name: 'Tirana <& co>', color: 'blue', parent: 't-moscow' },
];
const doc = buildExport({ sources: [edemskiy, wikipedia], annotations: [first, second, third, across, orphan], tags, scope: { kind: 'all' }, order: 'tag' });
const notes = writeObsidian(doc, tags);
const note = (id: string) => notes.find((n) => n.fileName === `${id}.md`)?.text ?? '';

describe('Obsidian notes: one Markdown file per source', () => {
  it('writes one note per cited source, each highlight once even when listed under several tags, each with its own block id', () => {
    const ids = notes.flatMap((n) => [...n.text.matchAll(/\^(hl-[0-9a-z-]+)$/gm)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(notes.map((n) => n.fileName).sort()).toEqual(['edemskiy-2019.md', 'wikipedia-split.md']);
    for (const annotation of [first, second, across, orphan]) expect(note('edemskiy-2019').split(`highlight ${annotation.id} `)).toHaveLength(2);
  });

  it('opens with front matter a vault can query and a link back to the published source', () => {
    const text = note('edemskiy-2019');
    const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '');
    expect(front).toEqual({
      title: edemskiy.meta.csl.title,
      authors: ['Andrey Edemskiy'],
      year: 2019,
      citekey: 'edemskiy-2019',
      source: 'https://doi.org/10.2298/BALC1950375E',
      tags: ['apparatus'],
    });
    expect(text).toContain('\n\nSource: <https://doi.org/10.2298/BALC1950375E>\n\n');
  });

  it('sets each highlight as a block quote ending in its citation and a block id, then its note and #tags', () => {
    const text = note('edemskiy-2019');
    const entry = doc.entries.find((e) => e.annotation.id === first.id);
    const block = new RegExp(`> [^\\n]*\\n>\\n> — ${escape(toMarkdown(entry?.fullCitation ?? []))} \\^hl-${first.id}\\n\\nSee \\*Balcanica\\* for the \\*\\*full\\*\\* text & \\\\<b>context\\\\</b>\\.\\n\\n#Moscow\\n\\n%% apparatus highlight ${first.id} in edemskiy-2019 %%`);
    expect(text).toMatch(block);
    expect(text).toContain('#Moscow/Tirana-co');
    expect(text).toContain('*Quoted as saved: this passage is no longer found in the current text of the source.*');
  });
});

describe.runIf(installed('pandoc'))('Obsidian notes read by another Markdown reader (pandoc, CommonMark)', () => {
  it('sets each highlight as one block quote, and its #tags as text, not headings', () => {
    for (const n of notes) {
      const body = n.text.replace(/^---\n[\s\S]*?\n---\n/, '');
      const html = pandocHtml(body);
      const highlights = (n.text.match(/^%% apparatus highlight /gm) ?? []).length;
      expect(highlights).toBeGreaterThan(0);
      expect((html.match(/<blockquote>/g) ?? []).length).toBe(highlights);
      expect((html.match(/<h1[ >]/g) ?? []).length).toBe(1);
      expect(html).not.toMatch(/<h[2-6][ >]/);
    }
    expect(pandocHtml(note('edemskiy-2019'))).toContain('#Moscow/Tirana-co');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
