/**
 * Reading-text offsets in Unicode code points. Apparatus counts offsets in UTF-16 code units
 * (JavaScript string indices); the W3C TextPositionSelector counts code points, so a character
 * outside the Basic Multilingual Plane (𝔄, 📜) before a passage shifts the two apart by one.
 */

const cache = new WeakMap<object, number[]>();

/**
 * The code-point offset of the UTF-16 offset `offset` in `text`. `owner` keys a cache of where
 * `text`'s surrogate pairs lie (pass the object the text belongs to, such as its Source).
 */
export function codePointOffset(owner: object, text: string, offset: number): number {
  let pairs = cache.get(owner);
  if (!pairs) {
    pairs = [];
    for (let i = 0; i < text.length - 1; i += 1) {
      const code = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        pairs.push(i + 1);
        i += 1;
      }
    }
    cache.set(owner, pairs);
  }
  // Each pair's second unit before `offset` is one code unit that is not a code point of its own.
  let low = 0;
  let high = pairs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((pairs[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  return offset - low;
}
