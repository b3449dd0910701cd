import * as v from 'valibot';
import { RELIABILITIES, type Correction, type CslItem, type SourceMeta } from './model.ts';

/** A source id: lower-case letters and digits, then also `.`, `_` or `-` (e.g. `edemskiy-2019`). */
export const SOURCE_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** Front-matter keys that are Apparatus's own rather than CSL variables. */
export const APPARATUS_KEYS: readonly string[] = [
  'reliability',
  'derivative_of',
  'derivation',
  'rights',
  'caveats',
  'cleaning',
];

const text = v.string('must be text');
const requiredText = v.pipe(text, v.nonEmpty('must not be empty'));
const sourceId = v.pipe(
  text,
  v.regex(
    SOURCE_ID_PATTERN,
    'must be a source id such as `edemskiy-2019` (lower-case letters, digits, `-`)',
  ),
);
// CSL-JSON allows numbers for these; YAML reads `volume: 50` as a number. The model keeps text.
const cslText = v.pipe(
  v.union([v.string(), v.number()], 'must be text or a number'),
  v.transform(String),
);

const cslName = v.looseObject(
  {
    family: v.optional(text),
    given: v.optional(text),
    literal: v.optional(text),
    'non-dropping-particle': v.optional(text),
    'dropping-particle': v.optional(text),
    suffix: v.optional(text),
  },
  'must be a name such as { family: Edemskiy, given: Andrey }',
);

const datePart = v.pipe(v.number('must be a number'), v.integer('must be a whole number'));
const cslDate = v.looseObject(
  {
    'date-parts': v.optional(
      v.array(
        v.pipe(
          v.array(datePart, 'must be a list such as [2019, 4, 7]'),
          v.minLength(1, 'must hold a year'),
          v.maxLength(3, 'must hold at most year, month and day'),
        ),
        'must be a list such as [[2019, 4, 7]]',
      ),
    ),
    literal: v.optional(text),
    circa: v.optional(v.boolean('must be true or false')),
    raw: v.optional(text),
  },
  'must be a date such as { date-parts: [[2019]] }',
);

const names = v.nullish(v.array(cslName, 'must be a list of names'));
const correction = v.strictObject(
  { original: requiredText, replacement: text, reason: requiredText },
  'must be a correction with `original`, `replacement` and `reason`',
);

/** The fields shared by a cleaned file's front matter and a recipe's `metadata`. */
export const metadataEntries = {
  id: sourceId,
  type: requiredText,
  title: requiredText,
  'title-short': v.nullish(text),
  author: names,
  editor: names,
  translator: names,
  'container-title': v.nullish(text),
  'collection-title': v.nullish(text),
  volume: v.nullish(cslText),
  issue: v.nullish(cslText),
  page: v.nullish(cslText),
  issued: v.nullish(cslDate),
  accessed: v.nullish(cslDate),
  DOI: v.nullish(text),
  URL: v.nullish(text),
  ISSN: v.nullish(text),
  publisher: v.nullish(text),
  'publisher-place': v.nullish(text),
  language: v.nullish(text),
  genre: v.nullish(text),
  part: v.nullish(cslText),
  note: v.nullish(text),
  reliability: v.picklist(RELIABILITIES, `must be one of ${RELIABILITIES.join(', ')}`),
  derivative_of: v.nullish(sourceId),
  derivation: v.nullish(text),
  rights: v.nullish(text),
  caveats: v.nullish(v.array(text, 'must be a list of sentences')),
};

/** A recipe's `metadata`: the front matter without `cleaning`; other CSL variables pass through. */
export const metadataSchema = v.looseObject(
  metadataEntries,
  'must be a YAML mapping of metadata fields',
);

/** A cleaned file's front matter: the metadata plus the `cleaning` log. */
export const frontMatterSchema = v.looseObject(
  { ...metadataEntries, cleaning: v.nullish(v.array(correction, 'must be a list of corrections')) },
  'must be a YAML mapping of metadata fields',
);

/** Validated metadata, before it is split into CSL and Apparatus fields. */
export type Metadata = v.InferOutput<typeof metadataSchema>;

/**
 * Splits validated metadata into `SourceMeta`: Apparatus fields by name, everything else into
 * `csl`. Keys whose value is null are left out.
 */
export function toSourceMeta(fm: Metadata, cleaning: readonly Correction[] = []): SourceMeta {
  const csl: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fm)) {
    if (!APPARATUS_KEYS.includes(key) && value !== undefined && value !== null) csl[key] = value;
  }
  const meta: SourceMeta = {
    csl: csl as CslItem,
    reliability: fm.reliability,
    cleaning: cleaning.map((c) => ({
      original: c.original,
      replacement: c.replacement,
      reason: c.reason,
    })),
  };
  if (fm.derivative_of != null) meta.derivativeOf = fm.derivative_of;
  if (fm.derivation != null) meta.derivation = fm.derivation;
  if (fm.rights != null) meta.rights = fm.rights;
  if (fm.caveats != null) meta.caveats = [...fm.caveats];
  return meta;
}
