/**
 * A list of elements kept in step with a list of items by key: an item's element is made once,
 * updated in place while the item stays, and removed when it goes. Elements that stay are not
 * re-created, so focus, caret and scroll position inside the list survive every update.
 */
export class KeyedList<T> {
  readonly #parent: HTMLElement;
  readonly #key: (item: T) => string;
  readonly #create: (item: T) => HTMLElement;
  readonly #update: (node: HTMLElement, item: T) => void;
  readonly #nodes = new Map<string, HTMLElement>();
  readonly #focusFallback: (() => HTMLElement | null) | undefined;

  /**
   * With `focusFallback`, the focus in an item that goes moves to the same control of the item
   * that takes its place (the next, else the one before), or to what `focusFallback` gives when
   * none is left: a removed element takes the focus with it to the page, and the keyboard user
   * would start again from the top of the window.
   */
  constructor(
    parent: HTMLElement,
    key: (item: T) => string,
    create: (item: T) => HTMLElement,
    update: (node: HTMLElement, item: T) => void,
    focusFallback?: () => HTMLElement | null,
  ) {
    this.#parent = parent;
    this.#key = key;
    this.#create = create;
    this.#update = update;
    this.#focusFallback = focusFallback;
  }

  /** How many items are shown. */
  get size(): number {
    return this.#nodes.size;
  }

  /** The element of the item with this key, if shown. */
  get(key: string): HTMLElement | undefined {
    return this.#nodes.get(key);
  }

  /** Shows exactly `items`, in this order. */
  render(items: readonly T[]): void {
    const wanted = new Map(items.map((item) => [this.#key(item), item]));
    const refocus = this.#focusFallback ? this.#leavingFocus(wanted) : null;
    // Remove first, so that no element that stays has to move past one that goes.
    for (const [key, node] of this.#nodes) {
      if (wanted.has(key)) continue;
      node.remove();
      this.#nodes.delete(key);
    }
    let cursor = this.#parent.firstElementChild;
    for (const [key, item] of wanted) {
      let node = this.#nodes.get(key);
      if (node) this.#update(node, item);
      else {
        node = this.#create(item);
        this.#nodes.set(key, node);
      }
      if (node === cursor) cursor = cursor.nextElementSibling;
      else place(this.#parent, node, cursor);
    }
    refocus?.();
  }

  // Read before the item goes (its removal moves the focus to the page): where the focus is
  // among the item's controls, and where the item stands, to focus the same control after.
  #leavingFocus(wanted: ReadonlyMap<string, T>): (() => void) | null {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement)) return null;
    const leaving = [...this.#nodes].find(([key, node]) => !wanted.has(key) && node.contains(active));
    if (!leaving) return null;
    const [, node] = leaving;
    const place = [...this.#parent.children].indexOf(node);
    const control = controls(node).indexOf(active);
    return () => {
      const items = [...this.#parent.children] as HTMLElement[];
      const successor = items[Math.min(place, items.length - 1)];
      const choices = successor ? controls(successor) : [];
      const target = choices[control] ?? choices[0] ?? this.#focusFallback?.();
      target?.focus();
    };
  }
}

// The controls of an item the keyboard can reach, in order.
function controls(node: HTMLElement): HTMLElement[] {
  return [...node.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex]')].filter((control) => control.tabIndex >= 0 && !control.matches(':disabled') && control.checkVisibility());
}

// moveBefore keeps a moved element's focus and state, where insertBefore would blur it.
function place(parent: HTMLElement, node: HTMLElement, before: Element | null): void {
  if (node.parentNode === parent && parent.isConnected) parent.moveBefore(node, before);
  else parent.insertBefore(node, before);
}
