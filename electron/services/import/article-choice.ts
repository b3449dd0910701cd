/**
 * Mozilla Readability's choice of a page's article, made from the figures of `article-stats.ts`
 * instead of a DOM: its scoring of paragraphs and their ancestors, its top candidate and the
 * siblings it joins to it, and its cleaning of the article (`_prepArticle`: asides, footers, forms,
 * sharing buttons, link-heavy lists and blocks …), step for step as Readability 0.6 takes them
 * (`docs/architecture.md`, "Web pages"). Removing an element takes its figures from those around
 * it, as Readability's later checks see the page without it. Pure: the figures in, the article's
 * elements and runs out (removed elements are marked in the figures).
 */
import { DOCUMENT, FLAG, type PageStats, type TagName } from './article-stats.ts';

/** Which of Readability's attempts this is: what it still does. */
export interface ChoiceFlags {
  /** Class and id names weigh on scores (`FLAG_WEIGHT_CLASSES`). */
  weightClasses: boolean;
  /** Link-heavy and short blocks are removed from the article (`FLAG_CLEAN_CONDITIONALLY`). */
  cleanConditionally: boolean;
}

/** An article: elements whose whole content is kept (less what is marked removed), and runs. */
export interface ArticleChoice {
  roots: number[];
  runs: number[];
  /** The article's text length, as Readability measures it to judge the attempt. */
  length: number;
}

const TOP_CANDIDATES = 5;
const MINIMUM_TOP_CANDIDATES = 3;
const SHARE_TEXT = 500;

/**
 * Readability's choice (see the module's comment), or with `whole` its cleaning of the whole body.
 * Marks what the article's cleaning removes.
 */
export function chooseArticle(stats: PageStats, flags: ChoiceFlags, whole = stats.walkEnded): ArticleChoice {
  const scores = new Float64Array(stats.count);
  const scored = new Uint8Array(stats.count);
  const candidates: number[] = [];
  const weight = (id: number): number => (flags.weightClasses ? stats.classWeight(id) : 0);
  const parentOf = (id: number): number => {
    let up = stats.parent(id);
    while (up >= 0 && stats.has(up, FLAG.transparent)) up = stats.parent(up);
    return up;
  };
  const initialize = (id: number): void => {
    scored[id] = 1;
    scores[id] = tagScore(stats.tag(id)) + weight(id);
    candidates.push(id);
  };

  for (const entry of stats.scored()) {
    const run = entry < 0 ? -1 - entry : -1;
    const element = run >= 0 ? -1 : entry;
    if (element >= 0 && stats.has(element, FLAG.removed)) continue;
    if (element >= 0 && stats.has(element, FLAG.transparent)) continue;
    const length = run >= 0 ? stats.runText(run) : stats.text(element);
    if (length < 25) continue;
    const commas = run >= 0 ? stats.runCommas(run) : stats.commas(element);
    const content = 1 + commas + Math.min(Math.floor(length / 100), 3);
    let ancestor = run >= 0 ? stats.runParent(run) : parentOf(element);
    if (ancestor < 0 || insideRemoved(stats, ancestor)) continue;
    for (let level = 0; level < 5 && ancestor >= 0; level += 1) {
      // Readability never scores the root (`html`) nor the document above it.
      if (ancestor === DOCUMENT || stats.tag(ancestor) === 'html') break;
      if (scored[ancestor] === 0) initialize(ancestor);
      scores[ancestor] = (scores[ancestor] as number) + content / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      ancestor = parentOf(ancestor);
    }
  }

  const top: number[] = [];
  for (const candidate of candidates) {
    scores[candidate] = (scores[candidate] as number) * (1 - linkDensity(stats, candidate));
    for (let t = 0; t < TOP_CANDIDATES; t += 1) {
      const other = top[t];
      if (other === undefined || (scores[candidate] as number) > (scores[other] as number)) {
        top.splice(t, 0, candidate);
        if (top.length > TOP_CANDIDATES) top.pop();
        break;
      }
    }
  }

  const body = findBody(stats);
  let topCandidate = top[0];
  let wholeBody = false;
  if (whole || topCandidate === undefined || stats.tag(topCandidate) === 'body') {
    wholeBody = true;
    topCandidate = body;
  } else {
    topCandidate = betterCandidate(stats, top, scores, scored, parentOf);
    if (scored[topCandidate] === 0) initialize(topCandidate);
  }
  const roots: number[] = [];
  const runs: number[] = [];
  if (wholeBody) {
    roots.push(topCandidate);
  } else {
    const topScore = scores[topCandidate] as number;
    const threshold = Math.max(10, topScore * 0.2);
    const parent = parentOf(topCandidate);
    const topClass = stats.classHash(topCandidate);
    for (let id = parent + 1; id < stats.end(parent); id = stats.end(id)) {
      // The children of `parent`, a transparent `div` standing for its paragraph.
      let child = id;
      while (stats.has(child, FLAG.transparent) && child + 1 < stats.end(child)) child = firstLiveChild(stats, child);
      if (stats.has(child, FLAG.removed)) continue;
      if (child === topCandidate) {
        roots.push(child);
        continue;
      }
      const bonus = topClass !== 0 && stats.classHash(child) === topClass ? topScore * 0.2 : 0;
      if (scored[child] === 1 && (scores[child] as number) + bonus >= threshold) roots.push(child);
      else if (stats.tag(child) === 'p' && paragraphJoins(stats.text(child), linkDensity(stats, child), stats.has(child, FLAG.period))) roots.push(child);
    }
    if (stats.tag(parent) === 'div') {
      for (let run = 0; run < stats.runCount; run += 1) {
        if (stats.runParent(run) !== parent) continue;
        const length = stats.runText(run);
        const density = length === 0 ? 0 : stats.runLinks(run) / length;
        if (paragraphJoins(length, density, stats.runHas(run, FLAG.period))) runs.push(run);
      }
    }
  }
  prepArticle(stats, roots, runs, flags, weight);
  let length = 0;
  for (const root of roots) if (!stats.has(root, FLAG.removed)) length += stats.text(root);
  for (const run of runs) length += stats.runText(run);
  return { roots, runs, length };
}

// Readability's `_initializeNode`: a score from the tag alone.
function tagScore(tag: TagName): number {
  switch (tag) {
    case 'div':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/** Readability's `_getLinkDensity`: link text (a tenth of it… three tenths for links within the page) over text. */
function linkDensity(stats: PageStats, id: number): number {
  const text = stats.text(id);
  return text === 0 ? 0 : stats.links(id) / text;
}

// A paragraph beside the top candidate joins the article: long with few links, or a short sentence without any.
function paragraphJoins(length: number, density: number, sentence: boolean): boolean {
  if (length > 80 && density < 0.25) return true;
  return length < 80 && length > 0 && density === 0 && sentence;
}

function insideRemoved(stats: PageStats, id: number): boolean {
  for (let up = id; up >= 0; up = stats.parent(up)) if (stats.has(up, FLAG.removed)) return true;
  return false;
}

function findBody(stats: PageStats): number {
  for (let id = 0; id < stats.count; id += 1) if (stats.tag(id) === 'body' && !stats.has(id, FLAG.skipped)) return id;
  // A page without a body: the whole document.
  return DOCUMENT;
}

function firstLiveChild(stats: PageStats, id: number): number {
  for (let child = id + 1; child < stats.end(id); child = stats.end(child)) if (!stats.has(child, FLAG.removed)) return child;
  return id;
}

/**
 * Readability's refinements of the top candidate: the ancestor that most of the close runners-up
 * share, then an ancestor whose score still rises, then the parent of an only child.
 */
function betterCandidate(stats: PageStats, top: number[], scores: Float64Array, scored: Uint8Array, parentOf: (id: number) => number): number {
  let candidate = top[0] as number;
  const isBody = (id: number): boolean => id <= DOCUMENT || stats.tag(id) === 'body' || stats.tag(id) === 'html';
  const alternatives: Set<number>[] = [];
  for (const other of top.slice(1)) {
    if ((scores[other] as number) / (scores[candidate] as number) >= 0.75) {
      const ancestors = new Set<number>();
      for (let up = parentOf(other); up >= 0; up = parentOf(up)) ancestors.add(up);
      alternatives.push(ancestors);
    }
  }
  if (alternatives.length >= MINIMUM_TOP_CANDIDATES) {
    for (let up = parentOf(candidate); !isBody(up); up = parentOf(up)) {
      if (alternatives.filter((ancestors) => ancestors.has(up)).length >= MINIMUM_TOP_CANDIDATES) {
        candidate = up;
        break;
      }
    }
  }
  let lastScore = scores[candidate] as number;
  const threshold = lastScore / 3;
  for (let up = parentOf(candidate); !isBody(up); up = parentOf(up)) {
    if (scored[up] === 0) continue;
    const score = scores[up] as number;
    if (score < threshold) break;
    if (score > lastScore) {
      candidate = up;
      break;
    }
    lastScore = score;
  }
  for (let up = parentOf(candidate); !isBody(up) && stats.children(up) === 1; up = parentOf(up)) candidate = up;
  return candidate;
}

/** Readability's `_prepArticle`, on what the article holds. */
function prepArticle(stats: PageStats, roots: number[], runs: number[], flags: ChoiceFlags, weight: (id: number) => number): void {
  // The article's elements: each root with all it holds, and the elements inside each run, in document order.
  const ranges: [number, number][] = roots.map((root) => [root, stats.end(root)]);
  for (const run of runs) ranges.push([stats.runFirst(run), stats.runEnd(run)]);
  ranges.sort((a, b) => a[0] - b[0]);
  const live = (id: number): boolean => !stats.has(id, FLAG.removed);
  const each = (tags: readonly TagName[], visit: (id: number) => void, reverse = false): void => {
    const found: number[] = [];
    for (const [from, to] of ranges) {
      for (let id = from; id < to; id += 1) {
        if (stats.has(id, FLAG.removed)) {
          id = stats.end(id) - 1;
          continue;
        }
        if (tags.includes(stats.tag(id))) found.push(id);
      }
    }
    if (reverse) found.reverse();
    for (const id of found) if (live(id) && !insideRemoved(stats, id)) visit(id);
  };
  const clean = (tag: TagName): void => each([tag], (id) => stats.remove(id));
  const conditionally = (tag: TagName): void => {
    if (flags.cleanConditionally) each([tag], (id) => {
      // A `div` Readability replaced by its one paragraph is no longer there to clean.
      if (!stats.has(id, FLAG.transparent) && cleanedConditionally(stats, id, tag, weight(id))) stats.remove(id);
    }, true);
  };

  conditionally('form');
  conditionally('fieldset');
  for (const tag of ['object', 'embed', 'footer', 'link', 'aside'] as const) clean(tag);
  // Sharing buttons inside the article's parts (never a part itself).
  for (const [from, to] of ranges) {
    for (let id = from + 1; id < to; id += 1) {
      if (stats.has(id, FLAG.share) && live(id) && !insideRemoved(stats, id) && stats.text(id) < SHARE_TEXT) stats.remove(id);
    }
  }
  for (const tag of ['iframe', 'input', 'textarea', 'select', 'button'] as const) clean(tag);
  each(['h1', 'h2'], (id) => {
    if (weight(id) < 0) stats.remove(id);
  });
  conditionally('table');
  conditionally('ul');
  conditionally('div');
}

/** Readability's `_cleanConditionally` for one element: whether it goes. */
function cleanedConditionally(stats: PageStats, id: number, tag: TagName, weight: number): boolean {
  const text = stats.text(id);
  let isList = tag === 'ul' || tag === 'ol';
  if (!isList) isList = text > 0 && stats.lists(id) / text > 0.9;
  if (tag === 'table' && stats.has(id, FLAG.dataTable)) return false;
  for (let up = stats.parent(id); up >= 0; up = stats.parent(up)) if (stats.tag(up) === 'table' && stats.has(up, FLAG.dataTable)) return false;
  if (stats.has(id, FLAG.inCode) || stats.has(id, FLAG.holdsDataTable)) return false;
  if (weight < 0) return true;
  if (stats.commas(id) >= 10) return false;
  const p = stats.paragraphs(id);
  const img = stats.images(id);
  const li = stats.items(id) - 100;
  const input = stats.inputs(id);
  const headingDensity = text === 0 ? 0 : stats.headings(id) / text;
  if (stats.has(id, FLAG.ad)) return true;
  const density = linkDensity(stats, id);
  const textDensity = text === 0 ? 0 : stats.textish(id) / text;
  const inFigure = stats.has(id, FLAG.inFigure);
  const remove =
    (!inFigure && img > 1 && p / img < 0.5) ||
    (!isList && li > p) ||
    input > Math.floor(p / 3) ||
    (!isList && !inFigure && headingDensity < 0.9 && text < 25 && (img === 0 || img > 2) && density > 0) ||
    (!isList && weight < 25 && density > 0.2) ||
    (weight >= 25 && density > 0.5) ||
    (img === 0 && textDensity === 0);
  if (isList && remove) {
    // A simple list of images stays.
    for (let child = id + 1; child < stats.end(id); child = stats.end(child)) {
      if (!stats.has(child, FLAG.removed) && stats.children(child) > 1) return true;
    }
    if (img === stats.items(id)) return false;
  }
  return remove;
}
