/**
 * The words of the page labels that carry metadata (bylines, part numbers, breadcrumbs, date
 * labels) and of language switchers, in the languages of `lexicon.ts`. Phrases are
 * stored folded (see `foldLine`), except name particles and joiners, which are matched as words.
 */

/** Words that introduce a byline ("By …", Albanian "Nga …"). */
export const BYLINE_PREFIXES: readonly string[] = [
  'by',
  'written by',
  'story by',
  'text by',
  'nga',
  'shkruar nga',
  'autor',
  'autori',
  'von',
  'par',
  'di',
  'por',
  'автор',
  'аутор',
];

/** Lower-case name particles that may stand inside an author's name ("van der", "de"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'dos',
  'la',
  'le',
  'ter',
  'ten',
]);

/** Words that join two authors in a byline. */
export const NAME_JOINERS: readonly string[] = ['and', '&', 'dhe', 'und', 'et', 'y', 'и'];

/** Words that introduce a part number ("Part One", "Pjesa e parë"). */
export const PART_WORDS: readonly string[] = [
  'part',
  'pjesa',
  'partie',
  'teil',
  'parte',
  'episode',
  'часть',
  'део',
  'deo',
  'dio',
];

/** Spelled-out numbers of parts, cardinal and ordinal, mapped to their value. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ...['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].map(
    (word, i) => [word, i + 1] as const,
  ),
  ...[
    'first',
    'second',
    'third',
    'fourth',
    'fifth',
    'sixth',
    'seventh',
    'eighth',
    'ninth',
    'tenth',
  ].map((word, i) => [word, i + 1] as const),
  ...[
    'e parë',
    'e dytë',
    'e tretë',
    'e katërt',
    'e pestë',
    'e gjashtë',
    'e shtatë',
    'e tetë',
    'e nëntë',
    'e dhjetë',
  ].map((word, i) => [word, i + 1] as const),
  ...['i parë', 'i dytë', 'i tretë', 'i katërt', 'i pestë'].map(
    (word, i) => [word, i + 1] as const,
  ),
]);

/** Names of languages as a language switcher shows them, plus their two-letter codes. */
export const LANGUAGE_NAMES: ReadonlySet<string> = new Set([
  'english',
  'albanian',
  'shqip',
  'shqipe',
  'français',
  'french',
  'deutsch',
  'german',
  'italiano',
  'italian',
  'español',
  'spanish',
  'русский',
  'russian',
  'српски',
  'srpski',
  'serbian',
  'македонски',
  'macedonian',
  'ελληνικά',
  'greek',
  'türkçe',
  'turkish',
  'en',
  'sq',
  'al',
  'fr',
  'de',
  'it',
  'es',
  'ru',
  'sr',
  'mk',
  'el',
  'tr',
]);

/** The first crumb of a breadcrumb trail ("Home › Dossier"). */
export const BREADCRUMB_ROOTS: readonly string[] = [
  'home',
  'kreu',
  'ballina',
  'faqja kryesore',
  'accueil',
  'startseite',
  'inizio',
  'inicio',
  'главная',
  'почетна',
];

/** Labels that may stand before a publication date ("Published: 3 May 2024"). */
export const DATE_LABELS: readonly string[] = [
  'published on',
  'published',
  'posted on',
  'posted',
  'updated',
  'last updated',
  'publikuar më',
  'publikuar',
  'data',
  'date',
  'publié le',
  'veröffentlicht am',
  'pubblicato il',
  'publicado el',
];
