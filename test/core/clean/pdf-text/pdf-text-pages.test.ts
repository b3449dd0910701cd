import { describe, expect, it } from 'vitest';
import { bodyMarkup, cleanFromRecipe } from './support.ts';

// The first words of every printed page, as the page reconstruction in the source inventory gives
// them (quotation marks and apostrophes as the cleaner prints them). `before` is what must stand
// right before the milestone when a page begins inside a word or a hyphenated compound.
const PAGES: Record<string, { label: string; words: string; before?: string }[]> = {
  'pilaca-nako-2021': [
    { label: '66', words: 'Abstract' },
    { label: '67', words: 'in the whole Eastern Bloc. It was during Khrushchev’s ruling' },
    { label: '68', words: 'from a possible annexation by the Yugoslavs would push' },
    { label: '69', words: 'Hoxha feared that Tito would as well persuade Khrushchev' },
    { label: '70', words: 'term agreement and making their partnership official', before: 'long-' },
    { label: '71', words: '6. A Re-Emerging of the Crisis' },
    { label: '72', words: 'assumptions that in fact, Tito was serving the Americans' },
    { label: '73', words: 'Consequently, on September 4th, both Belishova and Tashko' },
    { label: '74', words: 'that Khrushchev sent in August 1960 in which he expressed' },
    { label: '75', words: 'The crisis within Soviet-Albanian relations would become more evident' },
    { label: '76', words: 'Mëhilli, 2017).', before: '(Biberaj, 1986; ' },
  ],
  'edemskiy-2019': [
    { label: '375', words: 'Andrey Edemskiy' },
    { label: '376', words: 'owing to the use of rich documentary materials in Albanian' },
    { label: '377', words: 'collapse of the Great Powers summit conference in Paris' },
    { label: '378', words: 'during September–October 1960. It was stressed that' },
    {
      label: '379',
      words: 'you want in exchange for an improvement of your relations with us?”',
      before: '“What do ',
    },
    { label: '380', words: 'ous that the liberties taken by the Soviet', before: 'it is obvi' },
    { label: '381', words: 'Tito as organizer of counter-revolutionary activities in Hungary' },
    { label: '382', words: 'Nevertheless, two weeks later the Soviet leadership returned' },
    { label: '383', words: 'At the same time, the exchange of New Year’s greetings' },
    { label: '384', words: 'Soviet Ambassador in Tirana) was instructed to “uphold' },
    { label: '385', words: 'divergence of opinion between Mikoyan and Khrushchev' },
    { label: '386', words: 'Before the meeting, the Soviet leader was still hopeful' },
    { label: '387', words: 'military hysteria”, the Soviet leader even seemed to defend' },
    { label: '388', words: 'level”). Not even the final stage of the construction of the Palace' },
    { label: '389', words: 'ments. Among other things, Kosygin stated', before: 'credit agree' },
    { label: '390', words: 'delegation could leave Tirana “after the withdrawal from Albania' },
    { label: '391', words: 'facts of unworthy behaviour of Albanian military cadets' },
    { label: '392', words: 'meetings and further evade participation in the events of the month”' },
    { label: '393', words: 'any public official celebrations by Soviet nongovernmental' },
    { label: '394', words: 'and carry out his assignments as instructed by the Soviet' },
    { label: '395', words: 'face-to-face. Researchers have already accumulated' },
    { label: '396', words: 'Mastny, V. and M. Byrne, eds. A Cardboard Castle?' },
  ],
};

describe.each(Object.entries(PAGES))('page milestones of %s', (id, pages) => {
  const body = cleanFromRecipe(id);
  const text = bodyMarkup(body);

  it.each(pages)('puts page $label immediately before “$words”', ({ label, words, before }) => {
    expect(text).toContain(`${before ?? ''}{{page:${label}}}${words}`);
  });

  it('places one milestone per printed page, in page order, and no others', () => {
    const labels = body.blocks.flatMap((block) =>
      block.content.flatMap((inline) => (inline.type === 'page' ? [inline.label] : [])),
    );
    expect(labels).toEqual(pages.map((page) => page.label));
  });

  it('puts no milestone into a note', () => {
    const inNotes = body.notes.flatMap((note) =>
      note.blocks.flatMap((block) => block.content.filter((inline) => inline.type === 'page')),
    );
    expect(inNotes).toEqual([]);
  });
});
