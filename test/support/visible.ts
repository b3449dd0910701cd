import type { Locator, Page } from 'playwright-core';

/**
 * How the user sees an element, measured in the page: whether it is rendered at all (no
 * `display: none`, `visibility: hidden` or zero opacity on it or an ancestor, and a box of some
 * size), whether its box lies wholly inside the window and inside every ancestor that clips it,
 * and whether it is on top at its centre (nothing covers it).
 */
export interface Sight {
  rendered: boolean;
  /** Its whole box is in the window and not clipped by an ancestor's overflow. */
  whole: boolean;
  /** Some of it is in the window and not clipped away. */
  partly: boolean;
  /** The element (or one inside it) is what the user would click at the centre of its visible part. */
  onTop: boolean;
}

/** Measures how the user sees `element` (runs in the page). */
function measure(element: Element | null): Sight {
  const none = { rendered: false, whole: false, partly: false, onTop: false };
  if (!element || !element.isConnected) return none;
  if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return none;
  const box = element.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return none;
  let left = Math.max(box.left, 0);
  let top = Math.max(box.top, 0);
  let right = Math.min(box.right, window.innerWidth);
  let bottom = Math.min(box.bottom, window.innerHeight);
  let whole = box.left >= -0.5 && box.top >= -0.5 && box.right <= window.innerWidth + 0.5 && box.bottom <= window.innerHeight + 0.5;
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const style = getComputedStyle(parent);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const clip = parent.getBoundingClientRect();
    if (box.left < clip.left - 0.5 || box.top < clip.top - 0.5 || box.right > clip.right + 0.5 || box.bottom > clip.bottom + 0.5) whole = false;
    left = Math.max(left, clip.left);
    top = Math.max(top, clip.top);
    right = Math.min(right, clip.right);
    bottom = Math.min(bottom, clip.bottom);
  }
  const partly = right - left >= 1 && bottom - top >= 1;
  const hit = partly ? document.elementFromPoint((left + right) / 2, (top + bottom) / 2) : null;
  return { rendered: true, whole, partly, onTop: !!hit && (hit === element || element.contains(hit)) };
}

/** How the user sees the element a locator names (the first, if several). */
export async function sight(locator: Locator): Promise<Sight> {
  if ((await locator.count()) === 0) return { rendered: false, whole: false, partly: false, onTop: false };
  return locator.first().evaluate(measure);
}

/** True when the user sees all of the element, uncovered. */
export async function seenWhole(locator: Locator): Promise<boolean> {
  const seen = await sight(locator);
  return seen.whole && seen.onTop;
}

/** True when nothing of the element shows (it may still be in the page, hidden). */
export async function unseen(locator: Locator): Promise<boolean> {
  return !(await sight(locator)).partly;
}

/** One stop of the Tab key: what got the focus, and how the user sees it. */
export interface TabStop {
  /** Tag, class and accessible text of the focused element, to name it in a failure. */
  name: string;
  sight: Sight;
}

/** Presses Tab `count` times from where the focus is, recording every element it stops on. */
export async function tabStops(page: Page, count: number): Promise<TabStop[]> {
  const stops: TabStop[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluateHandle(() => document.activeElement);
    const name = await focused.evaluate((element) => {
      const label = element?.getAttribute('aria-label') ?? element?.textContent?.trim().slice(0, 40) ?? '';
      return `${element?.tagName.toLowerCase()}.${element?.className} “${label}”`;
    });
    stops.push({ name, sight: await focused.evaluate(measure) });
    await focused.dispose();
  }
  return stops;
}
