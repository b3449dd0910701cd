/** A highlight as the reader draws it: a range of the reading text and how to paint it. */
export interface Highlight {
  id: string;
  start: number;
  end: number;
  color: string;
  /** Another member's name, when the highlight is theirs. */
  author?: string;
}

/** A stretch of text covered by the same highlights: drawn as one element. */
export interface Segment {
  start: number;
  end: number;
  /** The highlights covering it: the shortest first (the one a click on it means), then the others in the order they begin. */
  ids: string[];
  /** The shortest one's colour, then the colour of the shortest in another colour, if any: the two an overlap blends. */
  colors: string[];
  /** The shortest one's author, when another member made it. */
  author?: string;
}

/**
 * The segments of `highlights` inside `[from, to)` (reading-text offsets): the text cut wherever a
 * highlight starts or ends, each piece listing every highlight over it. Overlaps are drawn from
 * these (a blend of the colours and a double underline), so no highlight seems to end where
 * another begins.
 */
export function segmentsIn(highlights: Iterable<Highlight>, from: number, to: number): Segment[] {
  const present: Highlight[] = [];
  const cuts = new Set<number>([from, to]);
  for (const h of highlights) {
    if (h.end <= from || h.start >= to || h.end <= h.start) continue;
    present.push(h);
    cuts.add(Math.max(from, h.start));
    cuts.add(Math.min(to, h.end));
  }
  if (present.length === 0) return [];
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: a highlight is open from the cut at its start to the cut at its end.
  const starting = new Map<number, Highlight[]>();
  for (const h of present) {
    const at = Math.max(from, h.start);
    const list = starting.get(at);
    if (list) list.push(h);
    else starting.set(at, [h]);
  }
  const open = new Set<Highlight>();
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    for (const h of open) if (h.end <= start) open.delete(h);
    for (const h of starting.get(start) ?? []) open.add(h);
    if (open.size === 0) continue;
    segments.push({ start, end, ...covering(open) });
  }
  return segments;
}

// Whether `a` is drawn inside `b`: shorter, or as long and first by id.
function inside(a: Highlight, b: Highlight): boolean {
  const la = a.end - a.start;
  const lb = b.end - b.start;
  return la < lb || (la === lb && a.id < b.id);
}

// One pass over the highlights open at a segment (no sorting: a dense passage has dozens).
function covering(open: ReadonlySet<Highlight>): Pick<Segment, 'ids' | 'colors' | 'author'> {
  let shortest: Highlight | undefined;
  for (const h of open) if (!shortest || inside(h, shortest)) shortest = h;
  let other: Highlight | undefined;
  const ids = [shortest!.id];
  for (const h of open) {
    if (h === shortest) continue;
    ids.push(h.id);
    if (h.color !== shortest!.color && (!other || inside(h, other))) other = h;
  }
  const author = shortest!.author;
  return { ids, colors: other ? [shortest!.color, other.color] : [shortest!.color], ...(author ? { author } : {}) };
}
