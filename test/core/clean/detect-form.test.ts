import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectForm } from '../../../core/clean/detect-form.ts';

const seed = (name: string) => readFileSync(new URL(`../../../corpus/raw/${name}`, import.meta.url), 'utf8');

describe('detectForm', () => {
  it('takes HTML and Markdown from the file extension, whatever the text', () => {
    expect(detectForm('page.HTML', 'plain words')).toBe('html');
    expect(detectForm('page.htm', '')).toBe('html');
    expect(detectForm('notes.md', ' = = Heading = = ')).toBe('markdown');
    expect(detectForm('notes.markdown', '')).toBe('markdown');
  });

  it('reads a text given as a function only when the name does not decide, so a long page is never made one string for it', () => {
    let reads = 0;
    const read = () => {
      reads += 1;
      return ' = = History = = \n\n = = Legacy = = \n';
    };
    expect(detectForm('page.html', read)).toBe('html');
    expect(detectForm('notes.md', read)).toBe('markdown');
    expect(reads).toBe(0);
    expect(detectForm('a.txt', read)).toBe('wikitext');
    expect(reads).toBe(1);
  });

  it('recognises the WikiText-103 seed by its tokens', () => {
    expect(detectForm('split.txt', seed('001_173910b34eca1096.txt'))).toBe('wikitext');
    expect(detectForm('a.txt', ' = = History = = \n\n = = Legacy = = \n')).toBe('wikitext');
  });

  it('recognises the PDF-extracted seed by its footnotes at the page foot', () => {
    expect(detectForm('offprint.txt', seed('004_b2516ecbae186d39.txt'))).toBe('pdf-text');
    const wrapped = 'The consul wrote from Shkodra that\nthe harvest had failed for the second year\nrunning, and that the villages of the plain\nwere sending their young men to the coast.\n';
    expect(detectForm('a.txt', `${wrapped}\f${wrapped}\f`)).toBe('pdf-text');
  });

  it('does not take a table of years saved as plain text for page numbers', () => {
    // Word and LibreOffice save a table's cells one per line: its numbers are not page feet.
    const table = 'Letra nga Shkodra\nKolë Idromeno\n1912\nYear\nPopulation\nSource\n1900\n30000\nConsul report\n1912\n32500\nOttoman census\n';
    expect(detectForm('report.txt', table)).toBe('plain');
    // Page numbers between pages of text are still what they are.
    expect(detectForm('scan.txt', 'First page text.\n\n12\n\nSecond page text.\n\n13\n\nThird page text.\n\n14\n')).toBe('pdf-text');
  });

  it('does not take one form feed for PDF pages: Word writes a page break into plain text as one', () => {
    expect(detectForm('a.txt', 'Text.\f More text.')).toBe('plain');
    expect(detectForm('list.txt', 'Shopping list\n\nApples\nPears\nBread\n\fSecond page\nMilk\nEggs\n')).toBe('plain');
    expect(detectForm('list.txt', 'apples\npears\nbread\ncheese\n\fmilk\neggs\n')).toBe('plain');
  });

  it('calls everything else plain text', () => {
    expect(detectForm('letter.txt', 'Dear comrade,\n\nThe meeting is on Monday - at 10.')).toBe('plain');
    expect(detectForm('study.txt', seed('002_94aa3f29eb8b151d.txt'))).toBe('plain');
  });
});
