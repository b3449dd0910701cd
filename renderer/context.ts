import type { Calls } from './calls.ts';
import type { Action } from './state/actions.ts';
import type { AppState, ModalKind } from './state/app-state.ts';
import type { History } from './state/history.ts';
import type { Store } from './state/store.ts';

/** The store of the page's state. */
export type AppStore = Store<AppState, Action>;

/** What every feature is given: the state, the calls to main, the undo history and the page. */
export interface Context {
  readonly store: AppStore;
  readonly calls: Calls;
  readonly history: History;
  /** The element the app lives in (index.html's `.app`). */
  readonly root: HTMLElement;
  /** Shows a modal dialog, with the state saying one is open until it closes. */
  modal<T>(kind: ModalKind, show: () => Promise<T>): Promise<T>;
  /** An element of the page's skeleton (index.html); its absence is a bug in the page. */
  part<T extends HTMLElement = HTMLElement>(selector: string): T;
}

/** The context of a page whose skeleton is under `root`. */
export function createContext(root: HTMLElement, store: AppStore, calls: Calls, history: History): Context {
  return {
    store,
    calls,
    history,
    root,
    async modal(kind, show) {
      store.dispatch({ type: 'dialog/opened', modal: kind });
      try {
        return await show();
      } finally {
        store.dispatch({ type: 'dialog/closed' });
      }
    },
    part<T extends HTMLElement = HTMLElement>(selector: string): T {
      const found = root.querySelector<T>(selector);
      if (!found) throw new Error(`The page lacks ${selector}.`);
      return found;
    },
  };
}
