/**
 * Generated huge sources for the size tests and the huge-source bench: realistic paragraphs (the
 * body of a real article from the corpus), repeated in varying order until the file reaches the
 * size asked for. Never committed: written to a temporary folder when a test runs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BASE = fileURLToPath(new URL('../../corpus/edemskiy-2019.md', import.meta.url));

/** One mebibyte, the unit of the import limit ("10 MB" is 10 × 2^20 bytes). */
export const MB = 2 ** 20;

/** The form of a generated file: plain text (`.txt`) or Markdown with a heading per part (`.md`). */
export type HugeForm = 'plain' | 'markdown';

/** The body paragraphs of the base article as plain text: no notes, page milestones or markup. */
export function baseParagraphs(): string[] {
  const text = readFileSync(BASE, 'utf8');
  const body = text.slice(text.indexOf('\n---\n', 4) + 5);
  return body
    .split('\n\n')
    .filter((block) => !block.startsWith('[^') && !block.startsWith('    '))
    .map((block) =>
      block
        .replace(/\{\{(page|gap|marker)(:[^}]*)?\}\}/g, '')
        .replace(/\[\^[^\]]+\]/g, '')
        .replace(/^(#+|>) ?/gm, '')
        .replace(/\*+/g, '')
        .replace(/\\(?=[\\[\]()*_{}#+.!>-])/g, '')
        .replace(/\s*\n\s*/g, ' ')
        .trim(),
    )
    .filter((paragraph) => paragraph.length > 0);
}

/**
 * Text of at most `bytes` UTF-8 bytes and within one paragraph of it: the base paragraphs, each
 * pass starting one paragraph later, so no two passes read alike from the top. Markdown gets a
 * `## Part N` heading before each pass.
 */
export function hugeSourceText(bytes: number, form: HugeForm = 'plain'): string {
  const paragraphs = baseParagraphs();
  const parts: string[] = [];
  let size = 0;
  const add = (block: string): boolean => {
    const cost = Buffer.byteLength(block, 'utf8') + 2;
    if (size + cost > bytes) return false;
    parts.push(block);
    size += cost;
    return true;
  };
  for (let pass = 0; ; pass++) {
    if (form === 'markdown' && !add(`## Part ${pass + 1}`)) break;
    for (let i = 0; i < paragraphs.length; i++) {
      if (!add(paragraphs[(pass + i) % paragraphs.length]!)) return parts.join('\n\n') + '\n';
    }
  }
  return parts.join('\n\n') + '\n';
}

/** Writes a generated source of about `bytes` bytes to `file` and returns its exact size. */
export function writeHugeSource(file: string, bytes: number, form: HugeForm = 'plain'): number {
  const text = hugeSourceText(bytes, form);
  writeFileSync(file, text);
  return Buffer.byteLength(text, 'utf8');
}
