/** A highlight as the reader draws it: a range of the reading text and how to paint it. */
export interface Highlight {
  id: string;
  start: number;
  end: number;
  color: string;
}

/** A stretch of text covered by the same highlights: drawn as one element. */
export interface Segment {
  start: number;
  end: number;
  /** The highlights covering it, shortest first (the one a click on it means). */
  ids: string[];
  /** Their colours, shortest highlight's first, each once. */
  colors: string[];
}

/**
 * The segments of `highlights` inside `[from, to)` (reading-text offsets): the text cut wherever a highlight starts or
 * ends, each piece listing every highlight over it. Overlaps are drawn from these (a blend of the
 * colours and a double underline), so no highlight seems to end where another begins.
 */
export function segmentsIn(highlights: Iterable<Highlight>, from: number, to: number): Segment[] {
  const inside: Highlight[] = [];
  const cuts = new Set<number>([from, to]);
  for (const h of highlights) {
    if (h.end <= from || h.start >= to || h.end <= h.start) continue;
    inside.push(h);
    cuts.add(Math.max(from, h.start));
    cuts.add(Math.min(to, h.end));
  }
  if (inside.length === 0) return [];
  inside.sort((a, b) => a.end - a.start - (b.end - b.start) || (a.id < b.id ? -1 : 1));
  const rank = new Map(inside.map((h, i) => [h, i]));
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: a highlight is open from the cut at its start to the cut at its end.
  const starting = new Map<number, Highlight[]>();
  for (const h of inside) {
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
    const covering = [...open];
    if (covering.length > 1) covering.sort((a, b) => rank.get(a)! - rank.get(b)!);
    segments.push({ start, end, ids: covering.map((h) => h.id), colors: [...new Set(covering.map((h) => h.color))] });
  }
  return segments;
}
