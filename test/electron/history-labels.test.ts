import { describe, expect, it } from 'vitest';
import type { HistoryLabels } from '../../core/api.ts';
import { Emitter, type ServiceEvents } from '../../electron/services/events.ts';
import { HistoryLabelsService } from '../../electron/services/history-labels.ts';

describe('HistoryLabelsService', () => {
  it('keeps what the page last said undo and redo would do, and announces each change once', () => {
    const events = new Emitter<ServiceEvents>();
    const seen: HistoryLabels[] = [];
    events.on('history.changed', (labels) => seen.push(labels));
    const history = new HistoryLabelsService(events);
    expect(history.current()).toEqual({ undo: null, redo: null });
    expect(history.set({ undo: 'Rename Tag', redo: null })).toBeNull();
    history.set({ undo: 'Rename Tag', redo: null });
    history.set({ undo: null, redo: 'Rename Tag' });
    expect(seen).toEqual([
      { undo: 'Rename Tag', redo: null },
      { undo: null, redo: 'Rename Tag' },
    ]);
    expect(history.current()).toEqual({ undo: null, redo: 'Rename Tag' });
  });

  it('keeps telling the other listeners when one of them fails', () => {
    const failures: unknown[] = [];
    const events = new Emitter<ServiceEvents>((error) => failures.push(error));
    const seen: string[] = [];
    events.on('history.changed', () => {
      throw new Error('a broken listener');
    });
    events.on('history.changed', (labels) => seen.push(labels.undo ?? ''));
    new HistoryLabelsService(events).set({ undo: 'Highlight', redo: null });
    expect(seen).toEqual(['Highlight']);
    expect(failures).toHaveLength(1);
  });
});
