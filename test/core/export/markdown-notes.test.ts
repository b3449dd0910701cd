import markdownIt from 'markdown-it';
import markdownItFootnote from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../../core/export/build-export.ts';
import { writeMarkdown } from '../../../core/export/markdown.ts';
import { corpusSource, highlight, pageStart } from './corpus-fixture.ts';
import { installed, pandocHtml } from './external-tools.ts';

const edemskiy = corpusSource('edemskiy-2019');
const p380 = pageStart(edemskiy, '380');

/** Notes a historian may type that would reach outside the note if copied as they are. */
const NOTES = [
  'Compare [^1] and the footnote above.',
  '[^1]: not a footnote of the document',
  '# Not a heading of the document',
  'Setext underline\n---',
  '[archive]: https://example.org/archive',
  'See <b>bold</b> and <script>x</script>',
  '```\nan open fence that would swallow the rest',
];
const kept = ['Keep *this* italic, **this** bold, `code` and <https://example.org/link>.', '```\n# inside a closed fence\n```'];
const annotations = [...NOTES, ...kept].map((note, i) => highlight(edemskiy, p380 + 10 * i, p380 + 10 * i + 8, { note }));
const doc = buildExport({ sources: [edemskiy], annotations, tags: [], scope: { kind: 'all' }, order: 'reading' });
const markdown = writeMarkdown(doc);

function check(html: string): void {
  // One footnote per highlight, each referenced once, and no heading but the document's own
  // (its title and the bibliography's).
  expect(html.match(/<a href="#fn\d+"[^>]*>/g)).toHaveLength(doc.entries.length);
  expect(html.match(/<h\d[^>]*>/g)?.length).toBe(2);
  expect(html).not.toMatch(/<b>|<script>/);
  expect(html).toContain('Compare [^1] and the footnote above.');
  expect(html).toContain('[^1]: not a footnote of the document');
  expect(html).toContain('# Not a heading of the document');
  expect(html).toContain('[archive]: https://example.org/archive');
  expect(html).toContain('See &lt;b&gt;bold&lt;/b&gt; and &lt;script&gt;x&lt;/script&gt;');
  expect(html).toMatch(/Keep <em>this<\/em> italic, <strong>this<\/strong> bold, <code>code<\/code> and <a href="https:\/\/example\.org\/link">/);
  expect(html).toMatch(/<code># inside a closed fence\n?<\/code>/);
  // The open fence did not swallow the notes and bibliography after it.
  expect(html).toMatch(/>Bibliography<\/h2>/);
}

describe('notes in the Markdown export', () => {
  it('are escaped where they would change the document, as markdown-it reads it', () => {
    check(markdownIt().use(markdownItFootnote).render(markdown));
  });

  it.runIf(installed('pandoc'))('are escaped where they would change the document, as pandoc reads it', () => {
    check(pandocHtml(markdown));
  });
});
