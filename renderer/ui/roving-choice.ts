/** The ARIA state that says which item of the row is chosen: tabs are selected, radios checked. */
export type ChosenState = 'aria-selected' | 'aria-checked';

/**
 * A row of items of which one is chosen (tabs, a radio group of colours), as the WAI-ARIA tabs and
 * radio group patterns have them: Tab reaches the chosen item only (a roving tabindex), the arrows
 * move to the next or previous item and choose it (round from the last to the first), Home and End
 * to the first and the last. Without this, each item was a stop of its own for Tab and the arrows
 * did nothing, where the screen reader announcing a tab list had told the user to use them.
 */
export class RovingChoice {
  readonly #items: () => HTMLElement[];
  readonly #state: ChosenState;

  /** `choose` makes an item the chosen one (the app then calls `mark`); `vertical` lets Up and Down move too. */
  constructor(container: HTMLElement, items: () => HTMLElement[], state: ChosenState, choose: (item: HTMLElement) => void, vertical = false) {
    this.#items = items;
    this.#state = state;
    container.addEventListener('keydown', (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      const all = this.#items().filter((item) => !item.hidden && !item.matches(':disabled'));
      const here = all.findIndex((item) => item === document.activeElement);
      if (here < 0) return;
      const back = event.key === 'ArrowLeft' || (vertical && event.key === 'ArrowUp');
      const forward = event.key === 'ArrowRight' || (vertical && event.key === 'ArrowDown');
      const to = back ? (here - 1 + all.length) % all.length : forward ? (here + 1) % all.length : event.key === 'Home' ? 0 : event.key === 'End' ? all.length - 1 : -1;
      const target = all[to];
      if (!target) return;
      event.preventDefault();
      target.focus();
      if (target.getAttribute(this.#state) !== 'true') choose(target);
    });
  }

  /** Marks `chosen` as the chosen item, the one Tab reaches; the others leave the tab order. */
  mark(chosen: HTMLElement | undefined): void {
    const items = this.#items();
    for (const item of items) {
      item.setAttribute(this.#state, String(item === chosen));
      item.tabIndex = item === chosen ? 0 : -1;
    }
    // With none chosen, the first stays reachable, or the row could not be reached at all.
    if (!chosen && items[0]) items[0].tabIndex = 0;
  }
}
