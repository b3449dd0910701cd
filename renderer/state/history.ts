import type { HistoryLabels } from '../../core/api.ts';

/** One undoable user action: its name in the Edit menu ("Rename Tag"), how to take it back and do it again. */
export interface Command {
  label: string;
  undo(): Promise<boolean>;
  redo(): Promise<boolean>;
}

/**
 * The undo/redo history of the user's actions on annotations and tags. A command is recorded
 * after it succeeded; undo and redo queue up and run one at a time (pressing Ctrl+Z twice quickly
 * undoes two actions), and a failed step stays where it was so nothing is skipped. Every change is
 * reported with the labels the Edit menu shows.
 */
export class History {
  readonly #done: Command[] = [];
  readonly #undone: Command[] = [];
  readonly #changed: (labels: HistoryLabels) => void;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(changed: (labels: HistoryLabels) => void = () => {}) {
    this.#changed = changed;
  }

  /** Records a command the user just performed. Clears what could be redone. */
  record(command: Command): void {
    this.#done.push(command);
    this.#undone.length = 0;
    if (this.#done.length > 500) this.#done.shift();
    this.#changed(this.peek());
  }

  /** Takes back the last action; false when there is none or it failed. */
  async undo(): Promise<boolean> {
    return this.#step(this.#done, this.#undone, (command) => command.undo());
  }

  /** Performs again the last undone action. */
  async redo(): Promise<boolean> {
    return this.#step(this.#undone, this.#done, (command) => command.redo());
  }

  /** Forgets every action (the project they changed was replaced by a backup). */
  clear(): void {
    this.#done.length = 0;
    this.#undone.length = 0;
    this.#changed(this.peek());
  }

  /** Labels of what undo and redo would do now, for menus and tooltips. */
  peek(): HistoryLabels {
    return { undo: this.#done.at(-1)?.label ?? null, redo: this.#undone.at(-1)?.label ?? null };
  }

  #step(from: Command[], to: Command[], run: (command: Command) => Promise<boolean>): Promise<boolean> {
    const next = this.#queue.then(async () => {
      const command = from.at(-1);
      if (!command || !(await run(command))) return false;
      from.pop();
      to.push(command);
      this.#changed(this.peek());
      return true;
    });
    this.#queue = next.catch(() => false);
    return next;
  }
}
