import type { CslDate } from '../../corpus/model.ts';
import { DATE_LABELS } from './lexicon-labels.ts';
import { foldLine } from './line-text.ts';

// Month names by number, English and Albanian (with the abbreviations sites use in date lines).
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['january', 'jan', 'janar'],
    ['february', 'feb', 'shkurt'],
    ['march', 'mar', 'mars'],
    ['april', 'apr', 'prill'],
    ['may', 'maj'],
    ['june', 'jun', 'qershor'],
    ['july', 'jul', 'korrik'],
    ['august', 'aug', 'gusht'],
    ['september', 'sep', 'sept', 'shtator'],
    ['october', 'oct', 'tetor'],
    ['november', 'nov', 'nëntor'],
    ['december', 'dec', 'dhjetor'],
  ].flatMap((names, i) => names.map((name) => [name, i + 1] as const)),
);

const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'e hënë',
  'e martë',
  'e mërkurë',
  'e enjte',
  'e premte',
  'e shtunë',
  'e diel',
];

function datePartsOf(year: number, month: number, day: number): CslDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 2999) return null;
  return { 'date-parts': [[year, month, day]] };
}

function stripPrefix(text: string, prefixes: readonly string[]): string {
  for (const prefix of prefixes) {
    if (text === prefix) return '';
    if (text.startsWith(`${prefix} `) || text.startsWith(`${prefix}:`)) {
      return text.slice(prefix.length).replace(/^[:\s,]+/, '');
    }
  }
  return text;
}

/**
 * Reads a line that is nothing but a date, as sites print them: "Wednesday, December 3, 2025",
 * "3 dhjetor 2025", "Published: 2025-12-03", "03.12.2025 10:45". Returns the CSL date, or null
 * when the line says anything else (a date inside a sentence is never taken).
 */
export function parseDateLine(line: string): CslDate | null {
  let text = foldLine(line).replace(/,/g, ' ').replace(/\s+/g, ' ');
  text = stripPrefix(text, DATE_LABELS);
  text = stripPrefix(text, WEEKDAYS);
  // A time of day after the date says nothing about the day.
  text = text.replace(/\s+(?:at\s+|në\s+|ora\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?$/, '');
  let match = /^(\p{L}+)\.? (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/u.exec(text);
  if (match) {
    const month = MONTHS.get(match[1] ?? '');
    return month ? datePartsOf(Number(match[3]), month, Number(match[2])) : null;
  }
  match = /^(\d{1,2})\.? (\p{L}+)\.? (\d{4})$/u.exec(text);
  if (match) {
    const month = MONTHS.get(match[2] ?? '');
    return month ? datePartsOf(Number(match[3]), month, Number(match[1])) : null;
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) return datePartsOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (match) return datePartsOf(Number(match[3]), Number(match[2]), Number(match[1]));
  return null;
}
