import type { Context } from '../../context.ts';
import { shownPanels, type Panel } from './panels.ts';

const TOGGLES: Record<Panel, { selector: string; key: string; name: string }> = {
  library: { selector: '[data-action="toggle-library"]', key: 'l', name: 'library' },
  side: { selector: '[data-action="toggle-side"]', key: 'a', name: 'annotations and tags' },
};

/** What the layout tells the rest of the app. */
export interface Panels {
  /** Restores the panels as the user left them. */
  restore(collapsed: { library: boolean; side: boolean }): void;
}

/**
 * Mounts the panel toggles: the library and the side panel collapse and show again by their
 * buttons in the reader's toolbar or Ctrl+Shift+L and Ctrl+Shift+A; a window too narrow for both
 * beside a readable text shows one. A hidden panel is out of the tab order; the user's choice is
 * remembered for the next start.
 */
export function mountPanels(ctx: Context): Panels {
  const { store, calls } = ctx;
  const app = ctx.root;
  const panels: Record<Panel, HTMLElement> = { library: ctx.part('.library'), side: ctx.part('.side-panel') };
  const toggle = (panel: Panel) => {
    store.dispatch({ type: 'panel/toggled', panel, reading: store.state.open !== null });
    const { collapsed } = store.state.layout;
    void calls.call('reader.saveSession', { libraryCollapsed: collapsed.library, sideCollapsed: collapsed.side });
  };
  for (const panel of ['library', 'side'] as const) ctx.part(TOGGLES[panel].selector).addEventListener('click', () => toggle(panel));
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey || store.state.dialogs.modal) return;
    const panel = (['library', 'side'] as const).find((p) => TOGGLES[p].key === event.key.toLowerCase());
    if (!panel) return;
    event.preventDefault();
    toggle(panel);
  });
  const resized = () => store.dispatch({ type: 'layout/resized', width: window.innerWidth });
  window.addEventListener('resize', resized);
  resized();

  store.watch(
    (state) => {
      const shown = shownPanels(state.layout, state.open !== null);
      return [shown.library, shown.side] as const;
    },
    ([library, side]) => {
      const shown = { library, side };
      for (const panel of ['library', 'side'] as const) {
        const element = panels[panel];
        const button = ctx.part(TOGGLES[panel].selector);
        // The focus leaves a panel as it hides, to the button that shows it again.
        if (!shown[panel] && element.contains(document.activeElement)) button.focus();
        element.hidden = !shown[panel];
        app.dataset[panel] = shown[panel] ? 'shown' : 'hidden';
        button.setAttribute('aria-expanded', String(shown[panel]));
        const shortcut = `Ctrl+Shift+${TOGGLES[panel].key.toUpperCase()}`;
        button.title = `${shown[panel] ? 'Hide' : 'Show'} the ${TOGGLES[panel].name} (${shortcut})`;
      }
    },
  );
  return { restore: (collapsed) => store.dispatch({ type: 'panels/restored', collapsed }) };
}
