import type { Page } from 'playwright-core';

/**
 * Drags the mouse across `phrase` in the reader, as a user selects text. The phrase may span
 * several text nodes (paragraphs, a page milestone inside a word).
 */
export async function selectWithMouse(page: Page, phrase: string): Promise<void> {
  const box = await page.evaluate(async (wanted) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(document.querySelector('.reading')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest('.note-ref, .gap')) nodes.push(node as Text);
    }
    // Text as the eye reads it: paragraphs joined by a newline, so a phrase can name both.
    let text = '';
    const starts: number[] = [];
    for (const node of nodes) {
      const block = node.parentElement?.closest('p, li, h1, h2, h3, h4, h5, h6');
      const previous = starts.length ? nodes[starts.length - 1]!.parentElement?.closest('p, li, h1, h2, h3, h4, h5, h6') : block;
      if (block !== previous) text += '\n';
      starts.push(text.length);
      text += node.data;
    }
    const at = text.indexOf(wanted);
    if (at < 0) return null;
    const locate = (offset: number, preferEnd: boolean) => {
      for (let i = nodes.length - 1; i >= 0; i--) {
        const start = starts[i]!;
        if (offset > start || (!preferEnd && offset === start)) return { node: nodes[i]!, offset: Math.min(offset - start, nodes[i]!.data.length) };
      }
      return { node: nodes[0]!, offset: 0 };
    };
    const first = locate(at, false);
    const last = locate(at + wanted.length, true);
    const range = document.createRange();
    // Bring the start of the phrase a third of the way down the reader, so the whole phrase shows.
    range.setStart(first.node, first.offset);
    range.setEnd(first.node, first.offset);
    const scroller = document.querySelector('.reader-scroll')!;
    scroller.scrollTop += range.getBoundingClientRect().top - scroller.getBoundingClientRect().top - scroller.clientHeight / 3;
    // Blocks scrolled into view are laid out at the next frame (content-visibility: auto), so
    // measure the phrase once the screen shows it, as the user's eye would.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    range.setStart(first.node, first.offset);
    range.setEnd(first.node, first.offset + 1);
    const a = range.getBoundingClientRect();
    range.setStart(last.node, last.offset - 1);
    range.setEnd(last.node, last.offset);
    const b = range.getBoundingClientRect();
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  }, phrase);
  if (!box) throw new Error(`"${phrase}" is not in the reader`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}
