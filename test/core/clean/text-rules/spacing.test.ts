import { describe, expect, it } from 'vitest';
import {
  attachSpacedPunctuation,
  joinSpacedDashes,
  normalizeSpaces,
  spaceEllipses,
  toEllipsisCharacter,
} from '../../../../core/clean/text-rules/spacing.ts';

describe('joinSpacedDashes', () => {
  it('closes up an en dash between numbers and between names', () => {
    expect(joinSpacedDashes('the 1955 – 1961 period')).toBe('the 1955–1961 period');
    expect(joinSpacedDashes('Soviet– Albanian relations')).toBe('Soviet–Albanian relations');
  });

  it('closes up a parenthetical em dash on both sides', () => {
    expect(joinSpacedDashes('declared— although not by name — that')).toBe(
      'declared—although not by name—that',
    );
  });

  it('leaves hyphens and already unspaced dashes alone', () => {
    const clean = 'a pro-Soviet, seven- to ten-day period, 1948–49 and Albania—the fear';
    expect(joinSpacedDashes(clean)).toBe(clean);
  });
});

describe('attachSpacedPunctuation', () => {
  it('attaches tokenised commas, full stops, semicolons and colons to the word before', () => {
    expect(attachSpacedPunctuation('Tito , and Albania ; then : etc . , etc .')).toBe(
      'Tito, and Albania; then: etc., etc.',
    );
  });

  it('attaches a percent sign to its number', () => {
    expect(attachSpacedPunctuation('from 4.2 % to 60 %')).toBe('from 4.2% to 60%');
  });

  it('keeps a question mark and exclamation mark together', () => {
    expect(attachSpacedPunctuation('Are you Hysni Kapo ? ! I')).toBe('Are you Hysni Kapo?! I');
  });

  it('removes spaces inside parentheses and brackets but not around them', () => {
    expect(attachSpacedPunctuation('could ( and did) and [in November 1960 ] ,')).toBe(
      'could (and did) and [in November 1960],',
    );
  });

  it('does not attach a full stop that starts a number', () => {
    expect(attachSpacedPunctuation('a .45 calibre')).toBe('a .45 calibre');
  });

  it('leaves clean text unchanged', () => {
    const clean = 'Hoxha refused. In response (he said), “no”; then: 21.6% of it?!';
    expect(attachSpacedPunctuation(clean)).toBe(clean);
  });
});

describe('toEllipsisCharacter', () => {
  it('writes three full stops as one ellipsis character, spacing untouched', () => {
    expect(toEllipsisCharacter('impression ... that Stalin...')).toBe('impression … that Stalin…');
  });
});

describe('spaceEllipses', () => {
  it('puts a space on each side of an ellipsis between words', () => {
    expect(spaceEllipses('Josef Stalin… could')).toBe('Josef Stalin … could');
  });

  it('takes no space between an ellipsis and an adjacent quote or punctuation mark', () => {
    expect(spaceEllipses('“…the party…” and …, then ‘x …’')).toBe(
      '“… the party …” and …, then ‘x …’',
    );
  });

  it('spaces an ellipsis that follows a closing quote', () => {
    expect(spaceEllipses('a ‘Moscow creation’… the bulk')).toBe('a ‘Moscow creation’ … the bulk');
  });

  it('leaves the spacing next to straight quotes for quote pairing to decide', () => {
    expect(spaceEllipses(`creation'… the "…"`)).toBe(`creation'… the "…"`);
  });

  it('is a fixed point on its own output', () => {
    const once = spaceEllipses('we…they… “…x”…y');
    expect(spaceEllipses(once)).toBe(once);
  });
});

describe('normalizeSpaces', () => {
  it('collapses runs of spaces and tabs and trims the ends', () => {
    expect(normalizeSpaces('  a \t b   c ')).toBe('a b c');
  });
});
