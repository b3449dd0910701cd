import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../core/annotate/model.ts';
import { buildExport } from '../../../core/export/build-export.ts';
import { writeDocx } from '../../../core/export/docx.ts';
import { writeHtml } from '../../../core/export/html.ts';
import { writeJsonLd } from '../../../core/export/json-ld.ts';
import { writeMarkdown } from '../../../core/export/markdown.ts';
import { corpusSource, highlight, pageStart } from './corpus-fixture.ts';
import { installed, runTool } from './external-tools.ts';
import { unzipText } from './unzip.ts';

const edemskiy = corpusSource('edemskiy-2019');
const p380 = pageStart(edemskiy, '380');

// Economy › Soviet aid › Grain, and Moscow at the top; "Unused" has no highlight.
const tags: Tag[] = [
  { id: 't-moscow', name: 'Moscow', color: 'yellow' },
  { id: 't-economy', name: 'Economy', color: 'green' },
  { id: 't-aid', name: 'Soviet aid', color: 'blue', parent: 't-economy' },
  { id: 't-grain', name: 'Grain', color: 'pink', parent: 't-aid' },
  { id: 't-unused', name: 'Unused', color: 'pink', parent: 't-economy' },
];
const both = highlight(edemskiy, p380 + 3, p380 + 40, { tags: ['t-moscow', 't-aid'] });
const grain = highlight(edemskiy, p380 + 50, p380 + 90, { tags: ['t-grain'] });
const none = highlight(edemskiy, p380 + 100, p380 + 140);
const doc = buildExport({ sources: [edemskiy], annotations: [none, grain, both], tags, scope: { kind: 'all' }, order: 'tag' });

describe('the export grouped by tag', () => {
  it('lists a highlight under every tag it carries, following the tag tree', () => {
    expect(doc.groups.map((g) => [g.level, g.heading, g.entries.map((e) => e.annotation.id)])).toEqual([
      [1, 'Economy', []],
      [2, 'Soviet aid', [both.id]],
      [3, 'Grain', [grain.id]],
      [1, 'Moscow', [both.id]],
      [1, 'Untagged', [none.id]],
    ]);
    expect(doc.entries.map((e) => e.noteIndex)).toEqual([1, 2, 3, 4]);
  });

  it('nests the headings in HTML, DOCX and Markdown', async () => {
    expect(writeHtml(doc)).toMatch(/<h2>Economy<\/h2>[\s\S]*<h3>Soviet aid<\/h3>[\s\S]*<h4>Grain<\/h4>[\s\S]*<h2>Moscow<\/h2>/);
    const body = unzipText(await writeDocx(doc), 'word/document.xml');
    const styles = [...body.matchAll(/<w:pStyle w:val="(Heading\d)"\/>[\s\S]*?<w:t[^>]*>([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`);
    expect(styles.slice(0, 4)).toEqual(['Heading1 Economy', 'Heading2 Soviet aid', 'Heading3 Grain', 'Heading1 Moscow']);
    expect(writeMarkdown(doc)).toMatch(/\n## Economy\n\n### Soviet aid\n[\s\S]*\n#### Grain\n[\s\S]*\n## Moscow\n/);
  });

  it.runIf(installed('pandoc'))('reads back in pandoc with the tag tree as the outline and one footnote per listing', () => {
    const ast = JSON.parse(runTool('pandoc', ['-f', 'commonmark_x', '-t', 'json'], { input: writeMarkdown(doc) }).stdout) as { blocks: { t: string; c: unknown[] }[] };
    const headers = ast.blocks.filter((b) => b.t === 'Header').map((b) => [b.c[0], JSON.stringify(b.c[2]).match(/"Str","c":"([^"]+)"/g)?.map((s) => s.slice(11, -1)).join(' ')]);
    expect(headers).toEqual([[1, 'Annotated citations'], [2, 'Economy'], [3, 'Soviet aid'], [4, 'Grain'], [2, 'Moscow'], [2, 'Untagged'], [2, 'Bibliography']]);
    expect(JSON.stringify(ast).match(/"t":"Note"/g)).toHaveLength(4);
  });

  it('lists each annotation once in JSON-LD', () => {
    const ids = JSON.parse(writeJsonLd(doc)).first.items.map((item: { id: string }) => item.id);
    expect(ids).toEqual([both, grain, none].map((a) => `urn:uuid:${a.id}`));
  });
});
