/**
 * How far a cleaning has come, from 0 to 1, over its steps: each step a span of the whole, the
 * fraction never going back, and reported only when it has moved on by a hundredth (a long file's
 * cleaning would otherwise send thousands of messages to the window).
 */
export class Progress {
  #reported = 0;
  readonly #report: ((fraction: number) => void) | undefined;

  constructor(report: ((fraction: number) => void) | undefined) {
    this.#report = report;
  }

  /** The whole is done. */
  end(): void {
    if (this.#reported < 1) this.#report?.(1);
    this.#reported = 1;
  }

  /** A reporter for a step that spans `from` to `to` of the whole, given how far into it (0 to 1) it is. */
  pass(from: number, to: number): (position: number) => void {
    return (position) => {
      const fraction = from + (to - from) * position;
      if (this.#report === undefined || fraction < this.#reported + 0.01) return;
      this.#reported = fraction;
      this.#report(fraction);
    };
  }
}
