import { readingText } from '../../../core/corpus/reading-text.ts';
import type { Context } from '../../context.ts';
import { debounce } from '../../dom.ts';
import { findMatches, MAX_FIND_MATCHES } from './find-matches.ts';

/**
 * Mounts find in this source: Ctrl+F (or the Find button) opens a bar above the text; typing marks
 * every match, with their count, and shows the first after the place being read; Enter and
 * Shift+Enter (or F3 and Shift+F3) step through them; Escape closes the bar and clears the marks.
 * `focusReader` puts the focus back in the text.
 */
export function mountFind(ctx: Context, focusReader: () => void): void {
  const { store } = ctx;
  const bar = ctx.part('.find-bar');
  const input = ctx.part<HTMLInputElement>('.find-input');
  const count = ctx.part('.find-count');
  const button = ctx.part('[data-action="find"]');

  const run = () => {
    const { open, find, reader } = store.state;
    if (!open || !find.open) return;
    const ranges = findMatches(readingText(open.source).text, find.query);
    // The first match at or after the place being read, as a reader expects.
    const from = reader.offset ?? 0;
    const after = ranges.findIndex((range) => range.start >= from);
    store.dispatch({ type: 'find/matched', matches: { sourceId: open.source.id, ranges, current: after < 0 ? 0 : after } });
  };
  const search = debounce(run, 150);
  const open = () => {
    if (!store.state.open || store.state.dialogs.modal) return;
    store.dispatch({ type: 'find/opened' });
    input.focus();
    input.select();
    if (input.value.trim() !== '') run();
  };
  const close = () => {
    if (!store.state.find.open) return;
    search.cancel();
    store.dispatch({ type: 'find/closed' });
    focusReader();
  };
  const step = (direction: 1 | -1) => {
    search.flush();
    store.dispatch({ type: 'search/stepped', direction });
  };

  button.addEventListener('click', open);
  input.addEventListener('input', () => {
    store.dispatch({ type: 'find/typed', query: input.value });
    search();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  });
  ctx.part('[data-action="find-next"]').addEventListener('click', () => step(1));
  ctx.part('[data-action="find-prev"]').addEventListener('click', () => step(-1));
  ctx.part('[data-action="find-close"]').addEventListener('click', close);
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'f') return;
    event.preventDefault();
    open();
  });

  store.watch(
    (state) => [state.find.open, state.open !== null] as const,
    ([shown, reading]) => {
      bar.hidden = !shown || !reading;
      button.hidden = !reading;
    },
  );
  // Another source opened while the bar is open: find the same words in it.
  store.watch(
    (state) => state.open?.source,
    (source, previous) => previous !== undefined && source && run(),
  );
  store.watch(
    (state) => [state.find.open, state.find.query, state.search.matches] as const,
    ([shown, query, matches]) => {
      if (!shown) return;
      const total = matches?.ranges.length ?? 0;
      count.textContent =
        query.trim() === '' ? '' : total === 0 ? 'No matches' : `${matches!.current + 1} of ${total}${total >= MAX_FIND_MATCHES ? '+' : ''}`;
      input.setAttribute('aria-invalid', String(query.trim() !== '' && total === 0));
    },
  );
}
