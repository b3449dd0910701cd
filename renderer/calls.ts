import type { ApiError, CallInput, CallName, CallOutput, Result } from '../core/api.ts';
import { invoke } from './bridge.ts';
import { notify } from './ui/dialogs.ts';

/**
 * The page's calls to main, tracked so that closing the window can wait for them, and the saves
 * still pending in the page (a note being typed, the reading position), so they can be flushed.
 */
export class Calls {
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #flushers = new Set<() => void>();
  readonly #failures = new Set<(error: ApiError) => boolean>();
  // Failures a listener shows in its own way (a dialog), not as a message.
  readonly #claimed = new WeakSet<ApiError>();

  /** Calls main; a failure is shown to the user (its message is written for them) and gives null. */
  async call<N extends CallName>(name: N, input?: CallInput<N>): Promise<CallOutput<N> | null> {
    const result = await this.result(name, input);
    if (result.ok) return result.value;
    if (!this.#claimed.has(result.error)) notify(result.error.message, 'error');
    return null;
  }

  /** Calls main and hands back the result as it came, for a dialog that shows a refusal in place. */
  result<N extends CallName>(name: N, input?: CallInput<N>): Promise<Result<CallOutput<N>>> {
    return this.track(
      invoke(name, input).then((result) => {
        if (!result.ok) for (const listener of [...this.#failures]) if (listener(result.error)) this.#claimed.add(result.error);
        return result;
      }),
    );
  }

  /**
   * Tells `listener` of every call main refused or failed (a project that stopped saving shows so);
   * a listener returns true when it shows the failure itself, and no message is shown for it.
   */
  onFailure(listener: (error: ApiError) => boolean): void {
    this.#failures.add(listener);
  }

  /** Counts work that will call main (a queued command) as in flight until it ends. */
  track<T>(pending: Promise<T>): Promise<T> {
    this.#inFlight.add(pending);
    return pending.finally(() => this.#inFlight.delete(pending));
  }

  /** Registers a pending save to run on `flush`; returns a function that unregisters it. */
  onFlush(flush: () => void): () => void {
    this.#flushers.add(flush);
    return () => void this.#flushers.delete(flush);
  }

  /** Starts every pending save now (before another source opens, before an export, on quitting). */
  flush(): void {
    for (const flush of [...this.#flushers]) flush();
  }

  /** Flushes, then waits until every call in flight has been answered. */
  async settle(): Promise<void> {
    this.flush();
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }
}
