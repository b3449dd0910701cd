import { describe, expect, it } from 'vitest';
import { pairDoubleQuotes, pairSingleQuotes } from '../../../../core/clean/text-rules/quotes.ts';

describe('pairDoubleQuotes', () => {
  it('pairs tokenised standalone quotes, binding each to its word', () => {
    expect(pairDoubleQuotes('his " Secret Speech " and a " sub-satellite. "')).toBe(
      'his “Secret Speech” and a “sub-satellite.”',
    );
  });

  it('pairs by order when the spacing puts a quote on the wrong side', () => {
    expect(pairDoubleQuotes('as "monsters, "saying that, "The rift."')).toBe(
      'as “monsters,” saying that, “The rift.”',
    );
    expect(pairDoubleQuotes('"The real cause "of the break " must be sought."')).toBe(
      '“The real cause” of the break “must be sought.”',
    );
  });

  it('separates a closing quote from the opening quote that follows it', () => {
    expect(pairDoubleQuotes('"the Union. " " Thus, "the account continues, "the group."')).toBe(
      '“the Union.” “Thus,” the account continues, “the group.”',
    );
  });

  it('uses the spacing of one-sided quotes when a mark was lost', () => {
    expect(pairDoubleQuotes('"This, Halliday continues, "was true." And "more."')).toBe(
      '“This, Halliday continues, “was true.” And “more.”',
    );
  });

  it('leaves an unclosed quotation open at the end of a truncated paragraph', () => {
    expect(pairDoubleQuotes('said " yes . " and " the economy as a whole was')).toBe(
      'said “yes .” and “the economy as a whole was',
    );
  });

  it('leaves text with curly quotes unchanged', () => {
    const clean = 'He said, “The way … was ‘new’.” Then “more.”';
    expect(pairDoubleQuotes(clean)).toBe(clean);
  });
});

describe('pairSingleQuotes', () => {
  it('pairs nested single quotes inside a double-quoted span', () => {
    const raw = '“the Soviet \' experience \' of who, and \' changes \' and more”';
    expect(pairSingleQuotes(raw)).toBe(
      '“the Soviet ‘experience’ of who, and ‘changes’ and more”',
    );
  });

  it('reads a quote after a plural and before a word as a possessive', () => {
    expect(pairSingleQuotes("the Workers ' Parties and the workers 'parties")).toBe(
      'the Workers’ Parties and the workers’ parties',
    );
  });

  it('keeps a possessive when a quotation opens later in the span', () => {
    const raw = "the workers ' parties, for the purpose of ' exchanging opinions ' and";
    expect(pairSingleQuotes(raw)).toBe(
      'the workers’ parties, for the purpose of ‘exchanging opinions’ and',
    );
  });

  it('turns a possessive-looking quote into an opening one when a later mark closes it', () => {
    expect(pairSingleQuotes("that the materials ' had been loaded by mistake . '”")).toBe(
      'that the materials ‘had been loaded by mistake .’”',
    );
  });

  it('pairs by order when a closing quote is attached to the next word', () => {
    const raw = "say: ' How can one attack a few rascals? 'We say: these 'rascals' must";
    expect(pairSingleQuotes(raw)).toBe(
      'say: ‘How can one attack a few rascals?’ We say: these ‘rascals’ must',
    );
  });

  it('does not pair quotes across double-quoted spans', () => {
    expect(pairSingleQuotes("“the Soviets ' aim was” and “the ' unity ' of all”")).toBe(
      '“the Soviets’ aim was” and “the ‘unity’ of all”',
    );
  });

  it('opens a quotation directly after a dash without a space', () => {
    expect(pairSingleQuotes("in 1968—'Khrushchevism without Khrushchev', since")).toBe(
      'in 1968—‘Khrushchevism without Khrushchev’, since',
    );
  });

  it('leaves text with curly quotes and apostrophes unchanged', () => {
    const clean = '“the workers’ faith in ‘unity’,” Khrushchev’s';
    expect(pairSingleQuotes(clean)).toBe(clean);
  });
});
