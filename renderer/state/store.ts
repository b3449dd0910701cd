/** A pure function from a state and an action to the next state (the same object when nothing changed). */
export type Reducer<S, A> = (state: S, action: A) => S;

interface Watcher<S> {
  check(state: S): void;
}

/** Equal when identical, or when both are arrays of identical elements (a selector's tuple). */
export function sameSlice(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((item, index) => item === b[index]);
}

/**
 * Holds the app state and changes it only through `dispatch`. Views `watch` the slice they show
 * and hear of it only when that slice changed, so nothing is redrawn that did not change.
 */
export class Store<S, A> {
  #state: S;
  readonly #reducer: Reducer<S, A>;
  readonly #watchers = new Set<Watcher<S>>();

  constructor(reducer: Reducer<S, A>, initial: S) {
    this.#reducer = reducer;
    this.#state = initial;
  }

  /** The current state. */
  get state(): S {
    return this.#state;
  }

  /** Applies an action; watchers whose slice changed are told at once. */
  dispatch(action: A): void {
    const next = this.#reducer(this.#state, action);
    if (next === this.#state) return;
    this.#state = next;
    for (const watcher of [...this.#watchers]) {
      if (this.#watchers.has(watcher)) watcher.check(this.#state);
    }
  }

  /**
   * Calls `listener` with the selected slice now and whenever it changes (by `sameSlice`, so a
   * selector may return a tuple of slices). Returns a function that stops watching.
   */
  watch<T>(select: (state: S) => T, listener: (value: T, previous: T | undefined) => void): () => void {
    let last = select(this.#state);
    const watcher: Watcher<S> = {
      check: (state) => {
        const value = select(state);
        if (sameSlice(value, last)) return;
        const previous = last;
        last = value;
        listener(value, previous);
      },
    };
    this.#watchers.add(watcher);
    listener(last, undefined);
    return () => void this.#watchers.delete(watcher);
  }
}
