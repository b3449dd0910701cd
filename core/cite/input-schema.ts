/**
 * Valibot schemas for the JSON a caller hands the formatter: CSL-JSON items and citation clusters.
 * They accept what CSL-JSON allows (numbers for ids, volumes and date parts) and hand on the
 * formatter's own types, so that later code never sees a number where it expects text.
 */
import * as v from 'valibot';
import type { CslDate, CslItem } from '../corpus/model.ts';
import type { Cluster } from './cite-document.ts';

const Text = v.string();
const TextOrNumber = v.pipe(
  v.union([v.string(), v.pipe(v.number(), v.finite())]),
  v.transform((value) => String(value)),
);
const OptionalText = v.optional(Text);
const OptionalTextOrNumber = v.optional(TextOrNumber);

const NameSchema = v.pipe(
  v.looseObject({
    family: OptionalText,
    given: OptionalText,
    literal: OptionalText,
    'non-dropping-particle': OptionalText,
    'dropping-particle': OptionalText,
    suffix: OptionalText,
    'static-ordering': v.optional(v.boolean()),
  }),
  v.check(
    (n) => Boolean(n.family || n.given || n.literal),
    'a name needs a "family", "given" or "literal" part',
  ),
);

const DatePart = v.union([
  v.pipe(v.number(), v.integer()),
  v.pipe(v.string(), v.regex(/^-?\d+$/, 'a date part must be a whole number'), v.transform(Number)),
]);

const DateSchema = v.pipe(
  v.looseObject({
    'date-parts': v.optional(v.array(v.pipe(v.array(DatePart), v.minLength(1), v.maxLength(3)))),
    literal: OptionalText,
    raw: OptionalText,
    circa: v.optional(v.union([v.boolean(), v.string(), v.number()])),
  }),
  v.transform((date): CslDate => {
    const out: CslDate = {};
    if (date['date-parts']) out['date-parts'] = date['date-parts'] as [number, number?, number?][];
    if (date.literal !== undefined) out.literal = date.literal;
    if (date.raw !== undefined) out.raw = date.raw;
    if (date.circa) out.circa = true;
    return out;
  }),
);

const Names = v.optional(v.array(NameSchema));

/** One CSL-JSON item. Unknown variables are kept; the ones the formatter reads are checked. */
export const ItemSchema = v.pipe(
  v.looseObject({
    id: TextOrNumber,
    type: Text,
    title: OptionalText,
    'title-short': OptionalText,
    'container-title': OptionalText,
    'collection-title': OptionalText,
    author: Names,
    editor: Names,
    translator: Names,
    volume: OptionalTextOrNumber,
    issue: OptionalTextOrNumber,
    page: OptionalTextOrNumber,
    edition: OptionalTextOrNumber,
    issued: v.optional(DateSchema),
    accessed: v.optional(DateSchema),
    DOI: OptionalText,
    URL: OptionalText,
    publisher: OptionalText,
    'publisher-place': OptionalText,
    language: OptionalText,
    genre: OptionalText,
    archive: OptionalText,
    archive_location: OptionalText,
    'archive-place': OptionalText,
    archive_collection: OptionalText,
  }),
  v.transform((item) => item as CslItem),
);

/** A list of CSL-JSON items. */
export const ItemsSchema = v.array(ItemSchema);

const ClusterItemSchema = v.object({
  id: TextOrNumber,
  locator: OptionalTextOrNumber,
  label: OptionalText,
  prefix: OptionalText,
  suffix: OptionalText,
});

/** A list of clusters: `{ items: [{ id, locator?, label?, prefix?, suffix? }], noteIndex? }`. */
export const ClustersSchema = v.array(
  v.pipe(
    v.object({
      items: v.array(ClusterItemSchema),
      noteIndex: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    }),
    v.transform((cluster) => cluster as Cluster),
  ),
);
