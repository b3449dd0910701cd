/**
 * How the main-process services announce changes: one small typed emitter that every service
 * shares. A service emits after its change is saved; listeners (search, the window) react.
 */
import type { CorpusChange, HistoryLabels } from '../../core/api.ts';

/** What changed, by event name. */
export interface ServiceEvents {
  /**
   * Annotations created, edited, deleted, restored or re-attached; `origin: 'remote'` when the
   * change came from a group the corpus is shared with (so it is not sent back to the group).
   */
  'annotations.changed': { ids: string[]; origin?: 'remote' };
  /** A tag action, and whether it changes what annotations say (names, which annotations carry a tag); `origin` as for annotations. */
  'tags.changed': { ids: string[]; annotations: boolean; origin?: 'remote' };
  /** Source files of the corpus added, rewritten or removed; an empty list means "any of them". */
  'corpus.changed': CorpusChange;
  /** The list of references without text was written (by Apparatus or another program). */
  'references.changed': undefined;
  /** What undo and redo would do now, as the page last said. */
  'history.changed': HistoryLabels;
}

type Listener<T> = (payload: T) => void;

/** A typed emitter: `on` returns a function that stops listening. */
export class Emitter<Events extends object> {
  readonly #listeners = new Map<keyof Events, Set<Listener<never>>>();
  readonly #log: (error: unknown) => void;

  /** `log` receives what a listener throws, so one failing listener never undoes the change or stops the others. */
  constructor(log: (error: unknown) => void = console.error) {
    this.#log = log;
  }

  /** Calls `listener` with the payload of every later `event`. */
  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void {
    const listeners = this.#listeners.get(event) ?? new Set();
    listeners.add(listener as Listener<never>);
    this.#listeners.set(event, listeners);
    return () => {
      listeners.delete(listener as Listener<never>);
    };
  }

  /** Tells every listener of `event`, in the order they started listening. */
  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        (listener as Listener<Events[E]>)(payload);
      } catch (error) {
        this.#log(error);
      }
    }
  }
}

/** The emitter the services share. */
export type ServiceEmitter = Emitter<ServiceEvents>;
