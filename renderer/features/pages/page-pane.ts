import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { button, el } from '../../dom.ts';
import { markPassage } from './page-marks.ts';
import { pdfjs } from './pdf-document.ts';

/** What the pane's buttons ask for. */
export interface PagePaneEvents {
  /** Turn `delta` pages forward (1) or back (-1). */
  turn(delta: number): void;
  /** Draw the page larger (1) or smaller (-1). */
  zoom(delta: number): void;
  close(): void;
}

/** One page to draw: which, with what heading, how large, and the passage to mark on it. */
export interface PageToShow {
  document: PDFDocumentProxy;
  /** 0-based. */
  index: number;
  /** The printed page, or null when the page has none. */
  label: string | null;
  zoom: number;
  passage: { text: string; near?: number } | null;
}

/** The printed page's heading: "Page 14", or what the PDF calls it when no printed page is known. */
function heading(page: PageToShow): string {
  return page.label === null ? `PDF page ${page.index + 1} (no printed page number)` : `Page ${page.label}`;
}

/**
 * The page pane: a heading naming the printed page, buttons to turn pages, zoom and close, and
 * the page drawn by pdf.js with its text layer (selectable) and the marked passage over it.
 */
export class PagePane {
  readonly element: HTMLElement;
  readonly #title = el('h2', 'page-heading');
  readonly #where = el('span', 'page-where');
  readonly #note = el('p', 'page-note', '', { role: 'status', 'aria-live': 'polite' });
  readonly #scroll = el('div', 'page-scroll', undefined, { tabindex: '0', role: 'region' });
  readonly #sheet = el('div', 'page-sheet');
  readonly #canvas = el('canvas', 'page-canvas', undefined, { role: 'img' });
  readonly #text = el('div', 'textLayer');
  readonly #marks = el('div', 'page-marks', undefined, { 'aria-hidden': 'true' });
  readonly #previous: HTMLButtonElement;
  readonly #next: HTMLButtonElement;
  #task: RenderTask | null = null;
  #textLayer: { cancel(): void } | null = null;
  // Each drawing has a number; a drawing overtaken by a newer one stops where it is.
  #drawing = 0;

  constructor(element: HTMLElement, events: PagePaneEvents) {
    this.element = element;
    this.#previous = button('‹', () => events.turn(-1), { title: 'Previous page' });
    this.#next = button('›', () => events.turn(1), { title: 'Next page' });
    const tools = el('div', 'page-tools', undefined, { role: 'group', 'aria-label': 'Page' });
    tools.append(
      this.#previous,
      this.#next,
      button('−', () => events.zoom(-1), { title: 'Smaller page' }),
      button('+', () => events.zoom(1), { title: 'Larger page' }),
      button('✕', () => events.close(), { title: 'Close the page view (Ctrl+Shift+P)', className: 'page-close' }),
    );
    const header = el('header', 'page-header');
    const titles = el('div', 'page-titles');
    titles.append(this.#title, this.#where);
    header.append(titles, tools);
    this.#sheet.append(this.#canvas, this.#text, this.#marks);
    this.#scroll.setAttribute('aria-label', 'The printed page');
    this.#scroll.append(this.#sheet);
    element.replaceChildren(header, this.#note, this.#scroll);
  }

  /** Shows a message instead of a page (no PDF, loading, a failure). */
  message(title: string, text: string): void {
    this.#stop();
    this.#title.textContent = title;
    this.#where.textContent = '';
    this.#note.textContent = text;
    this.#sheet.hidden = true;
    this.#previous.disabled = true;
    this.#next.disabled = true;
  }

  /** Draws a page, then its text layer, then marks the passage; a newer call stops an older one. */
  async show(page: PageToShow): Promise<void> {
    this.#stop();
    const drawing = ++this.#drawing;
    const current = () => drawing === this.#drawing;
    const count = page.document.numPages;
    this.#title.textContent = heading(page);
    this.#where.textContent = `PDF page ${page.index + 1} of ${count}`;
    this.#previous.disabled = page.index <= 0;
    this.#next.disabled = page.index >= count - 1;
    const lib = await pdfjs();
    const pdfPage = await page.document.getPage(page.index + 1);
    if (!current()) return;
    const width = Math.max(120, this.#scroll.clientWidth - 24);
    const scale = (width / pdfPage.getViewport({ scale: 1 }).width) * page.zoom;
    const viewport = pdfPage.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;
    this.#canvas.width = Math.floor(viewport.width * ratio);
    this.#canvas.height = Math.floor(viewport.height * ratio);
    this.#canvas.setAttribute('aria-label', `${heading(page)} as printed`);
    this.#sheet.style.width = `${viewport.width}px`;
    this.#sheet.style.height = `${viewport.height}px`;
    this.#sheet.style.setProperty('--total-scale-factor', String(scale));
    this.#sheet.hidden = false;
    this.#text.replaceChildren();
    this.#marks.replaceChildren();
    this.#note.textContent = '';
    this.#task = pdfPage.render({ canvas: this.#canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
    try {
      await this.#task.promise;
      if (!current()) return;
      const textLayer = new lib.TextLayer({ textContentSource: pdfPage.streamTextContent(), container: this.#text, viewport });
      this.#textLayer = textLayer;
      await textLayer.render();
      if (!current()) return;
      this.#mark(page, { divs: textLayer.textDivs, strings: textLayer.textContentItemsStr });
    } catch (error) {
      // A drawing stopped for a newer one ends quietly; anything else is said.
      if (current() && !(error instanceof Error && /cancel/i.test(error.name + error.message))) {
        this.#note.textContent = `This page could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
  }

  /** Puts the focus on the page (for the keyboard: it scrolls with the arrow keys). */
  focus(): void {
    this.#scroll.focus({ preventScroll: true });
  }

  /** Stops drawing and forgets the page (the pane closed, the source changed). */
  clear(): void {
    this.#stop();
    this.#drawing += 1;
    this.#sheet.hidden = true;
    this.#text.replaceChildren();
    this.#marks.replaceChildren();
  }

  #mark(page: PageToShow, text: { divs: HTMLElement[]; strings: string[] }): void {
    if (!page.passage) return;
    const boxes = markPassage(this.#marks, text, page.passage.text, page.passage.near);
    if (boxes.length === 0) {
      this.#note.textContent = 'The highlighted passage is on this page, but it cannot be marked: the page’s text layer does not give its words (a scan, or text the PDF spells otherwise).';
      return;
    }
    this.#note.textContent = 'The highlighted passage is marked on the page.';
    const first = boxes[0] as HTMLElement;
    const top = first.offsetTop - this.#scroll.clientHeight / 3;
    this.#scroll.scrollTo({ top: Math.max(0, top), left: Math.max(0, first.offsetLeft - 24) });
  }

  #stop(): void {
    this.#task?.cancel();
    this.#task = null;
    this.#textLayer?.cancel();
    this.#textLayer = null;
  }
}
