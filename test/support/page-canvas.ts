/** What the page view shows, read back from the page: how much of its drawn page is ink. */
import type { Page } from 'playwright-core';

/** A box in the window's coordinates, as Playwright's boundingBox gives it. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The share (0 to 1) of the page view's canvas, or of `region` of it, that is ink: pixels drawn
 * and darker than light grey. A blank page gives 0.
 */
export function inkOnPage(page: Page, region?: Box): Promise<number> {
  return page.evaluate((box) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.page-pane .page-canvas');
    if (!canvas || canvas.width === 0) return 0;
    const shown = canvas.getBoundingClientRect();
    const scale = canvas.width / shown.width;
    const area = box ? { x: (box.x - shown.left) * scale, y: (box.y - shown.top) * scale, w: box.width * scale, h: box.height * scale } : { x: 0, y: 0, w: canvas.width, h: canvas.height };
    const pixels = canvas.getContext('2d')!.getImageData(Math.round(area.x), Math.round(area.y), Math.max(1, Math.round(area.w)), Math.max(1, Math.round(area.h))).data;
    let ink = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3]! > 0 && pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 600) ink += 1;
    return ink / (pixels.length / 4);
  }, region ?? null);
}

/** True when `inner` lies wholly within `outer`. */
export function within(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
}
