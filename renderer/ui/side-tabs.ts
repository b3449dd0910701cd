import type { Context } from '../context.ts';
import type { SideTab } from '../state/app-state.ts';
import { RovingChoice } from './roving-choice.ts';

function isSideTab(value: string | undefined): value is SideTab {
  return value === 'annotations' || value === 'tags';
}

/**
 * The side panel's tabs: the chosen tab's pane shows, the other is hidden (and keeps its state).
 * A click or the arrows (Home, End) choose a tab; Tab reaches the chosen one only.
 */
export function mountSideTabs(ctx: Context): void {
  const { store } = ctx;
  const tabs = ctx.part('.side-tabs');
  const show = (tab: string | undefined) => {
    if (!isSideTab(tab)) return;
    ctx.calls.flush();
    store.dispatch({ type: 'side/shown', tab });
  };
  tabs.addEventListener('click', (event) => {
    show(event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-side]')?.dataset.side : undefined);
  });
  const all = () => [...tabs.querySelectorAll<HTMLElement>('[data-side]')];
  const roving = new RovingChoice(tabs, all, 'aria-selected', (tab) => show(tab.dataset.side));
  store.watch(
    (state) => state.side.tab,
    (shown) => {
      roving.mark(all().find((tab) => tab.dataset.side === shown));
      for (const pane of ctx.part('.side-panel').querySelectorAll<HTMLElement>('[data-pane]')) pane.hidden = pane.dataset.pane !== shown;
    },
  );
}
