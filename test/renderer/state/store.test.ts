import { describe, expect, it } from 'vitest';
import { Store } from '../../../renderer/state/store.ts';

type State = { a: { n: number }; b: { n: number } };
type Action = { type: 'a' } | { type: 'b' } | { type: 'none' };

const reducer = (state: State, action: Action): State => {
  if (action.type === 'a') return { ...state, a: { n: state.a.n + 1 } };
  if (action.type === 'b') return { ...state, b: { n: state.b.n + 1 } };
  return state;
};
const fresh = () => new Store<State, Action>(reducer, { a: { n: 0 }, b: { n: 0 } });

describe('Store', () => {
  it('tells a watcher of its slice at once, then only when that slice changes', () => {
    const store = fresh();
    const seen: number[] = [];
    store.watch((state) => state.a, (a) => seen.push(a.n));
    store.dispatch({ type: 'b' });
    store.dispatch({ type: 'none' });
    store.dispatch({ type: 'a' });
    expect(seen).toEqual([0, 1]);
  });

  it('compares a tuple of slices element by element', () => {
    const store = fresh();
    const calls: [number, number][] = [];
    store.watch((state) => [state.a, state.b] as const, ([a, b]) => calls.push([a.n, b.n]));
    store.dispatch({ type: 'none' });
    store.dispatch({ type: 'b' });
    expect(calls).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });

  it('gives the previous value, and stops when unwatched', () => {
    const store = fresh();
    const pairs: [number, number | undefined][] = [];
    const stop = store.watch((state) => state.a.n, (n, previous) => pairs.push([n, previous]));
    store.dispatch({ type: 'a' });
    stop();
    store.dispatch({ type: 'a' });
    expect(pairs).toEqual([
      [0, undefined],
      [1, 0],
    ]);
  });

  it('lets a watcher dispatch, and every watcher ends on the latest state', () => {
    const store = fresh();
    store.watch((state) => state.a.n, (n) => n === 1 && store.dispatch({ type: 'b' }));
    const seenB: number[] = [];
    store.watch((state) => state.b.n, (n) => seenB.push(n));
    store.dispatch({ type: 'a' });
    expect(store.state).toEqual({ a: { n: 1 }, b: { n: 1 } });
    expect(seenB).toEqual([0, 1]);
  });
});
