import { describe, expect, it } from 'vitest';
import { toHtml, toMarkdown, toPlainText } from '../../../core/cite/render.ts';
import { concat, italic, join, punctuate, quote, roman, urlText } from '../../../core/cite/rich.ts';

describe('renderers', () => {
  const rich = concat('Smith & Sons, ', italic('<Title> *starred*'), ', ', urlText('https://example.org/a_b'));

  it('writes HTML with <i> for italics and every special character escaped', () => {
    expect(toHtml(rich)).toBe('Smith &amp; Sons, <i>&lt;Title&gt; *starred*</i>, https://example.org/a_b');
    expect(toHtml(concat('Say "x"'))).toBe('Say &quot;x&quot;');
  });

  it('links URLs in HTML only when asked', () => {
    expect(toHtml(urlText('https://example.org/?a=1&b=2'), { links: true })).toBe(
      '<a href="https://example.org/?a=1&amp;b=2">https://example.org/?a=1&amp;b=2</a>',
    );
  });

  it('writes Markdown with *…* for italics and Markdown syntax escaped', () => {
    expect(toMarkdown(rich)).toBe('Smith & Sons, *\\<Title\\> \\*starred\\**, https://example.org/a_b');
    expect(toMarkdown(concat('a_b [c] `d`'))).toBe('a\\_b \\[c\\] \\`d\\`');
  });

  it('keeps spaces outside the asterisks of an italic run', () => {
    expect(toMarkdown(concat('in', italic(' Balcanica '), '50'))).toBe('in *Balcanica* 50');
  });

  it('writes a URL that Markdown could misread as an autolink', () => {
    expect(toMarkdown(urlText('https://example.org/*x*'))).toBe('<https://example.org/*x*>');
    expect(toMarkdown(urlText('https://example.org/_x_'))).toBe('<https://example.org/_x_>');
  });

  it('escapes what would start a Markdown list or heading at the start of a note', () => {
    expect(toMarkdown(concat('1984. A note'))).toBe('1984\\. A note');
    expect(toMarkdown(concat('# not a heading'))).toBe('\\# not a heading');
  });

  it('gives plain text without any markup', () => {
    expect(toPlainText(rich)).toBe('Smith & Sons, <Title> *starred*, https://example.org/a_b');
  });
});

describe('punctuation', () => {
  it('puts commas and full stops inside closing quotation marks, other marks outside', () => {
    const title = quote(roman('Additional Evidence'));
    expect(toPlainText(punctuate(title, ', '))).toBe('“Additional Evidence,” ');
    expect(toPlainText(punctuate(title, '.'))).toBe('“Additional Evidence.”');
    expect(toPlainText(punctuate(title, '; '))).toBe('“Additional Evidence”; ');
  });

  it('puts the mark inside both marks of a quotation within a title', () => {
    expect(toPlainText(punctuate(quote(roman('“Hysni Kapo”')), ','))).toBe('“‘Hysni Kapo,’”');
  });

  it('puts the mark after an apostrophe that closes no quotation', () => {
    expect(toPlainText(punctuate(quote(roman('The Historians’')), ','))).toBe('“The Historians’,”');
  });

  it('drops a full stop after an abbreviation or question mark, and a comma after a question mark', () => {
    expect(toPlainText(join(['n.d.', 'Accessed May 1, 2020'], '. '))).toBe('n.d. Accessed May 1, 2020');
    expect(toPlainText(punctuate(quote(roman('Who Won?')), ', '))).toBe('“Who Won?” ');
    expect(toPlainText(join(['Pilaca et al.', 'Title'], ', '))).toBe('Pilaca et al., Title');
  });

  it('sets a comma after an italic title in roman', () => {
    expect(toHtml(join([italic('Balcanica'), '50'], ', '))).toBe('<i>Balcanica</i>, 50');
  });
});
