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

  constructor(parent: HTMLElement, key: (item: T) => string, create: (item: T) => HTMLElement, update: (node: HTMLElement, item: T) => void) {
    this.#parent = parent;
    this.#key = key;
    this.#create = create;
    this.#update = update;
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
  }
}

// moveBefore keeps a moved element's focus and state, where insertBefore would blur it.
function place(parent: HTMLElement, node: HTMLElement, before: Element | null): void {
  if (node.parentNode === parent && parent.isConnected) parent.moveBefore(node, before);
  else parent.insertBefore(node, before);
}
