/**
 * Pairing straight quotation marks into curly ones, across a whole paragraph.
 *
 * Tokenised text (` " word " `) and damaged text (`people, "to which`) do not show which way a
 * straight quote faces, so direction comes from pairing order, not from the spaces around it.
 * An opening mark binds to the word after it, a closing mark to the word before it.
 */

type Role = 'open' | 'close' | 'apostrophe';

/** Characters after which an opening mark takes no space. */
const NO_SPACE_BEFORE_OPENING = '([{“‘—–-/"\'';

/** Punctuation that may follow a closing mark directly. */
const TRAILING_PUNCTUATION = '.,;:!?)]}…';

/**
 * Turns the straight double quotes of one paragraph into `“` and `”`. With an even number of
 * quotes they alternate open/close whatever their spacing; with an odd number (a mark lost in the
 * source) a quote attached to one side only faces that side and the others alternate, so a single
 * lost mark cannot flip the rest of the paragraph. Text without straight double quotes is
 * unchanged.
 */
export function pairDoubleQuotes(text: string): string {
  const positions = indicesOf(text, '"');
  if (positions.length === 0) return text;
  const roles =
    positions.length % 2 === 0
      ? positions.map((_, index): Role => (index % 2 === 0 ? 'open' : 'close'))
      : rolesByShape(text, positions);
  return renderQuotes(text, positions, roles, '“', '”');
}

/**
 * Turns the straight single quotes of one paragraph into `‘`, `’` (quotation marks) or `’`
 * (plural possessives such as `workers ' parties` → `workers’ parties`). Single quotes pair only
 * within one double-quoted span or the text between spans. A quote after a word ending in `s` and
 * before a word is a possessive unless it is needed to close an open quotation or to open one that
 * a later mark closes (`the materials ' had been loaded … Albania . '`). Apostrophes inside words
 * should be normalised first (`normalizeApostrophes`). Text without straight single quotes is
 * unchanged.
 */
export function pairSingleQuotes(text: string): string {
  const positions = indicesOf(text, "'");
  if (positions.length === 0) return text;
  const roles = positions.map((): Role => 'apostrophe');
  for (const group of groupBySpan(text, positions)) {
    assignSingleRoles(text, positions, group, roles);
  }
  return renderQuotes(text, positions, roles, '‘', '’');
}

function assignSingleRoles(
  text: string,
  positions: number[],
  group: number[],
  roles: Role[],
): void {
  let open: number | undefined;
  // Possessive-looking quotes seen while no quotation is open: one may yet turn out to open one.
  let pending: number[] = [];
  for (const index of group) {
    const position = positions[index] as number;
    if (open !== undefined) {
      roles[open] = 'open';
      roles[index] = 'close';
      open = undefined;
      pending = [];
    } else if (looksPossessive(text, position)) {
      pending.push(index);
    } else if (looksClosing(text, position) && pending.length > 0) {
      roles[pending.pop() as number] = 'open';
      roles[index] = 'close';
      pending = [];
    } else {
      open = index;
      pending = [];
    }
  }
  // An opening mark never closed: keep it opening only if its spacing says so.
  if (open !== undefined && shapeOf(text, positions[open] as number) === 'open') {
    roles[open] = 'open';
  }
}

/** `workers ' parties`, `workers 'parties`, `rascals' must`: after a plural, before a word. */
function looksPossessive(text: string, position: number): boolean {
  const before = text.slice(Math.max(0, position - 3), position);
  return /\p{L}[sS][ \t]?$/u.test(before) && /^[ \t]?\p{L}/u.test(text.slice(position + 1));
}

/** The next visible character is not a letter or digit: `Albania . ' "`, `silver ' …`. */
function looksClosing(text: string, position: number): boolean {
  return !/^[ \t]*[\p{L}\p{N}]/u.test(text.slice(position + 1));
}

function rolesByShape(text: string, positions: number[]): Role[] {
  let previous: Role = 'close';
  return positions.map((position) => {
    const role = shapeOf(text, position) ?? (previous === 'open' ? 'close' : 'open');
    previous = role;
    return role;
  });
}

/** The direction a quote's spacing shows, if it is attached to one side only. */
function shapeOf(text: string, position: number): Role | undefined {
  const before = text[position - 1];
  const after = text[position + 1];
  const attachedLeft = before !== undefined && !/\s/.test(before) && !'([{—–'.includes(before);
  const attachedRight =
    after !== undefined && !/\s/.test(after) && !TRAILING_PUNCTUATION.includes(after);
  if (attachedRight && !attachedLeft) return 'open';
  if (attachedLeft && !attachedRight) return 'close';
  return undefined;
}

/** Indexes of `positions`, grouped by the double-quoted span (or stretch between spans). */
function groupBySpan(text: string, positions: number[]): number[][] {
  const groups = new Map<number, number[]>();
  let span = 0;
  let next = 0;
  for (let offset = 0; offset < text.length && next < positions.length; offset++) {
    if (offset === positions[next]) {
      const group = groups.get(span) ?? [];
      group.push(next);
      groups.set(span, group);
      next++;
    } else if ('“”"'.includes(text[offset] as string)) {
      span++;
    }
  }
  return [...groups.values()];
}

function renderQuotes(
  text: string,
  positions: number[],
  roles: Role[],
  opening: string,
  closing: string,
): string {
  let out = '';
  let from = 0;
  positions.forEach((position, index) => {
    const segment = text.slice(from, position);
    from = position + 1;
    if (roles[index] === 'open') {
      out += segment;
      const last = out[out.length - 1];
      if (last !== undefined && !/\s/.test(last) && !NO_SPACE_BEFORE_OPENING.includes(last)) {
        out += ' ';
      }
      out += opening;
      while (text[from] === ' ' || text[from] === '\t') from++;
    } else {
      out = (out + segment).replace(/[ \t]+$/, '') + (roles[index] === 'close' ? closing : '’');
      const next = text[from];
      if (next !== undefined && /[\p{L}\p{N}“‘]/u.test(next)) out += ' ';
    }
  });
  return out + text.slice(from);
}

function indicesOf(text: string, char: string): number[] {
  const found: number[] = [];
  for (let offset = text.indexOf(char); offset !== -1; offset = text.indexOf(char, offset + 1)) {
    found.push(offset);
  }
  return found;
}
