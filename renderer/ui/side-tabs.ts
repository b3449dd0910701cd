import type { Context } from '../context.ts';
import type { SideTab } from '../state/app-state.ts';

function isSideTab(value: string | undefined): value is SideTab {
  return value === 'annotations' || value === 'tags';
}

/** The side panel's tabs: the chosen tab's pane shows, the other is hidden (and keeps its state). */
export function mountSideTabs(ctx: Context): void {
  const { store } = ctx;
  const tabs = ctx.part('.side-tabs');
  tabs.addEventListener('click', (event) => {
    const tab = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-side]')?.dataset.side : undefined;
    if (!isSideTab(tab)) return;
    ctx.calls.flush();
    store.dispatch({ type: 'side/shown', tab });
  });
  store.watch(
    (state) => state.side.tab,
    (shown) => {
      for (const tab of tabs.querySelectorAll<HTMLElement>('[data-side]')) tab.setAttribute('aria-selected', String(tab.dataset.side === shown));
      for (const pane of ctx.part('.side-panel').querySelectorAll<HTMLElement>('[data-pane]')) pane.hidden = pane.dataset.pane !== shown;
    },
  );
}
