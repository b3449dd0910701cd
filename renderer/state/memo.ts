import { sameSlice } from './store.ts';

/** Remembers the last result of `fn`, recomputed only when an argument changed identity. */
export function memoize<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (last && sameSlice(last.args, args)) return last.result;
    last = { args, result: fn(...args) };
    return last.result;
  };
}
