import { readFileSync } from 'node:fs';

/**
 * Five paragraphs of corpus/raw/004_b2516ecbae186d39.txt (Edemskiy, Balcanica 50, 2019), copied
 * byte for byte and joined by a blank line, as a reading text joins its blocks.
 */
export function edemskiyText(): string {
  const url = new URL('../../fixtures/annotate/edemskiy-paragraphs.txt', import.meta.url);
  return readFileSync(url, 'utf8').trimEnd();
}
