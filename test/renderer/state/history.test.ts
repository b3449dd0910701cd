import { describe, expect, it } from 'vitest';
import type { HistoryLabels } from '../../../core/api.ts';
import { History } from '../../../renderer/state/history.ts';

describe('History', () => {
  it('reports the labels the Edit menu shows after every change', async () => {
    const reported: HistoryLabels[] = [];
    const history = new History((labels) => reported.push(labels));
    const log: string[] = [];
    const command = (label: string) => ({
      label,
      undo: async () => (log.push(`undo ${label}`), true),
      redo: async () => (log.push(`redo ${label}`), true),
    });
    history.record(command('Highlight'));
    history.record(command('Rename Tag'));
    expect(await history.undo()).toBe(true);
    expect(await history.redo()).toBe(true);
    expect(await history.undo()).toBe(true);
    history.record(command('Delete Tag'));
    expect(log).toEqual(['undo Rename Tag', 'redo Rename Tag', 'undo Rename Tag']);
    expect(reported).toEqual([
      { undo: 'Highlight', redo: null },
      { undo: 'Rename Tag', redo: null },
      { undo: 'Highlight', redo: 'Rename Tag' },
      { undo: 'Rename Tag', redo: null },
      { undo: 'Highlight', redo: 'Rename Tag' },
      { undo: 'Delete Tag', redo: null },
    ]);
  });

  it('keeps a step that failed where it was, and reports nothing for it', async () => {
    const reported: HistoryLabels[] = [];
    const history = new History((labels) => reported.push(labels));
    let works = false;
    history.record({ label: 'Merge Tags', undo: async () => works, redo: async () => true });
    expect(await history.undo()).toBe(false);
    expect(history.peek()).toEqual({ undo: 'Merge Tags', redo: null });
    works = true;
    expect(await history.undo()).toBe(true);
    expect(history.peek()).toEqual({ undo: null, redo: 'Merge Tags' });
    expect(reported).toHaveLength(2);
  });

  it('runs quick undos one after the other, each on the next action', async () => {
    const history = new History();
    const order: string[] = [];
    for (const label of ['one', 'two']) {
      history.record({
        label,
        undo: async () => {
          await new Promise((resolve) => setTimeout(resolve, label === 'two' ? 20 : 0));
          order.push(label);
          return true;
        },
        redo: async () => true,
      });
    }
    await Promise.all([history.undo(), history.undo()]);
    expect(order).toEqual(['two', 'one']);
    expect(await history.undo()).toBe(false);
  });
});
