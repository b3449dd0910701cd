import type { HistoryLabels } from '../../core/api.ts';
import type { ServiceEmitter } from './events.ts';

/**
 * What undo and redo would do in the page now ("Rename Tag"), as the page reports it, so that the
 * Edit menu can name the action and disable an item with nothing to do.
 */
export class HistoryLabelsService {
  readonly #events: ServiceEmitter;
  #labels: HistoryLabels = { undo: null, redo: null };

  constructor(events: ServiceEmitter) {
    this.#events = events;
  }

  /** The labels the page last reported (none before it reports). */
  current(): HistoryLabels {
    return this.#labels;
  }

  /** Takes the page's new labels and announces them when they differ. */
  set(labels: HistoryLabels): null {
    if (labels.undo === this.#labels.undo && labels.redo === this.#labels.redo) return null;
    this.#labels = { undo: labels.undo, redo: labels.redo };
    this.#events.emit('history.changed', this.#labels);
    return null;
  }
}
