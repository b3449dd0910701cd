import { describe, expect, it } from 'vitest';
import { BOTH_PANELS_MIN_WIDTH, layoutReducer, ONE_PANEL_MIN_WIDTH, shownPanels } from '../../../../renderer/features/layout/panels.ts';
import type { LayoutState } from '../../../../renderer/state/app-state.ts';

const open = (width: number): LayoutState => ({ collapsed: { library: false, side: false }, width });

describe('which panels show beside the text', () => {
  it('shows both in a wide window, one in a narrow one (the side panel while reading), none in a very narrow one', () => {
    expect(shownPanels(open(BOTH_PANELS_MIN_WIDTH), true)).toEqual({ library: true, side: true });
    expect(shownPanels(open(900), true)).toEqual({ library: false, side: true });
    expect(shownPanels(open(900), false)).toEqual({ library: true, side: false });
    expect(shownPanels(open(ONE_PANEL_MIN_WIDTH - 1), true)).toEqual({ library: false, side: false });
  });

  it('shows a hidden panel when toggled, folding the other in a narrow window, and collapses a shown one', () => {
    const narrow = layoutReducer(open(900), { type: 'panel/toggled', panel: 'library', reading: true });
    expect(narrow.collapsed).toEqual({ library: false, side: true });
    expect(shownPanels(narrow, true)).toEqual({ library: true, side: false });
    const wide = layoutReducer(open(1400), { type: 'panel/toggled', panel: 'library', reading: true });
    expect(wide.collapsed).toEqual({ library: true, side: false });
  });
});
