import { Document, isSeq } from 'yaml';
import type { CslItem, Reliability } from '../../../core/corpus/model.ts';
import type { DetectedForm } from '../../../core/clean/detect-form.ts';

// The README's order of CSL variables; others follow alphabetically.
const CSL_ORDER = [
  'id', 'type', 'title', 'title-short', 'author', 'container-title', 'volume', 'issue', 'page',
  'issued', 'DOI', 'URL', 'accessed', 'publisher', 'publisher-place', 'language', 'genre', 'part',
];

/** What a recipe for an imported source records. */
export interface ImportRecipe {
  raw: string;
  form: DetectedForm;
  csl: CslItem;
  reliability: Reliability;
  /** The original file's name and the import date, for the recipe's opening comment. */
  origin: string;
  /** Facts a reader must know before quoting (a PDF whose pages are not printed pages). */
  caveats?: readonly string[];
  /** For a PDF: the printed page of each of its pages (null where none), for the page view. */
  pageLabels?: readonly (string | null)[];
}

/**
 * The text of `corpus/recipes/<id>.yml` for an imported source: a comment saying where it came
 * from, then `raw`, `form`, for a PDF `options.pageLabels`, `metadata` (CSL variables in the corpus README's order, then
 * `reliability`) and an empty `corrections` list, so that `npm run corpus` rebuilds the source.
 */
export function recipeText(recipe: ImportRecipe): string {
  const metadata: Record<string, unknown> = {};
  const keys = Object.keys(recipe.csl);
  const ordered = [
    ...CSL_ORDER.filter((key) => keys.includes(key)),
    ...keys.filter((key) => !CSL_ORDER.includes(key)).sort(),
  ];
  for (const key of ordered) metadata[key] = recipe.csl[key];
  metadata.reliability = recipe.reliability;
  if (recipe.caveats && recipe.caveats.length > 0) metadata.caveats = [...recipe.caveats];
  const options = recipe.pageLabels ? { options: { pageLabels: [...recipe.pageLabels] } } : {};
  const doc = new Document({ raw: recipe.raw, form: recipe.form, ...options, metadata, corrections: [] });
  // One label per page: a long book's labels as one flowing list, not a line each.
  const labels = doc.getIn(['options', 'pageLabels'], true);
  if (isSeq(labels)) labels.flow = true;
  const body = doc.toString({ lineWidth: 100, flowCollectionPadding: true });
  const comment = recipe.origin.replace(/\s+/g, ' ');
  return `# ${comment}\n${body}`;
}
