import { COLORS, type Color } from '../../../core/annotate/palette.ts';
import { el } from '../../dom.ts';

/**
 * The floating toolbar shown over a text selection: one button per highlight colour. Keyboard:
 * with text selected, H highlights in the first colour and 1–6 pick a colour.
 */
export class SelectionToolbar {
  readonly element: HTMLElement;
  readonly #reason = el('span', 'toolbar-read-only');

  constructor(onPick: (color: Color) => void) {
    this.element = el('div', 'selection-toolbar', undefined, { role: 'toolbar', 'aria-label': 'Highlight the selection' });
    COLORS.forEach((color, index) => {
      const swatch = el('button', `swatch hl-${color}`, '', {
        type: 'button',
        title: `Highlight in ${color} (${index + 1})`,
        'aria-label': `Highlight in ${color}`,
        'data-color': color,
      });
      // Keep the text selection: a mousedown on a button would otherwise clear it.
      swatch.addEventListener('mousedown', (event) => event.preventDefault());
      swatch.addEventListener('click', () => onPick(color));
      this.element.append(swatch);
    });
    this.#reason.hidden = true;
    this.element.append(this.#reason);
    this.element.hidden = true;
  }

  /** Turns the colours off, saying why (`reason`), or on again (null). */
  setReadOnly(reason: string | null): void {
    for (const swatch of this.element.querySelectorAll('button')) swatch.disabled = reason !== null;
    this.#reason.hidden = reason === null;
    this.#reason.textContent = reason ?? '';
  }

  /** Shows the toolbar above a selection rectangle (viewport coordinates). */
  show(rect: DOMRect): void {
    this.element.hidden = false;
    const width = this.element.offsetWidth;
    const left = Math.min(Math.max(8, rect.left + rect.width / 2 - width / 2), window.innerWidth - width - 8);
    // Above the selection if there is room, else below it, and always inside the window.
    const wanted = rect.top > 56 ? rect.top - 44 : rect.bottom + 8;
    const top = Math.min(Math.max(8, wanted), window.innerHeight - this.element.offsetHeight - 8);
    this.element.style.left = `${left}px`;
    this.element.style.top = `${top}px`;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
