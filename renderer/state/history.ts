/** One undoable user action: how to do it again and how to take it back. */
export interface Command {
  label: string;
  undo(): Promise<boolean>;
  redo(): Promise<boolean>;
}

/**
 * The undo/redo history of annotation actions. A command is recorded after it succeeded; undo
 * and redo queue up and run one at a time (pressing Ctrl+Z twice quickly undoes two actions),
 * and a failed step stays where it was so nothing is skipped.
 */
export class History {
  readonly #done: Command[] = [];
  readonly #undone: Command[] = [];
  #queue: Promise<unknown> = Promise.resolve();

  /** Records a command the user just performed. Clears what could be redone. */
  record(command: Command): void {
    this.#done.push(command);
    this.#undone.length = 0;
    if (this.#done.length > 500) this.#done.shift();
  }

  /** Takes back the last action; false when there is none or it failed. */
  async undo(): Promise<boolean> {
    return this.#step(this.#done, this.#undone, (command) => command.undo());
  }

  /** Performs again the last undone action. */
  async redo(): Promise<boolean> {
    return this.#step(this.#undone, this.#done, (command) => command.redo());
  }

  /** Labels of what undo and redo would do now, for menus and tooltips. */
  peek(): { undo: string | null; redo: string | null } {
    return { undo: this.#done.at(-1)?.label ?? null, redo: this.#undone.at(-1)?.label ?? null };
  }

  #step(from: Command[], to: Command[], run: (command: Command) => Promise<boolean>): Promise<boolean> {
    const next = this.#queue.then(async () => {
      const command = from.at(-1);
      if (!command || !(await run(command))) return false;
      from.pop();
      to.push(command);
      return true;
    });
    this.#queue = next.catch(() => false);
    return next;
  }
}
