import { button, el } from '../dom.ts';

/**
 * A modal dialog whose content may be long (a plan, a list of items, a report): the title and
 * the buttons stay in view and only the body scrolls, so every button is reachable in a small
 * window. Escape closes it unless it is `busy`, when it presses the dialog's Stop button instead
 * (if it has one, shown and not yet pressed); `closed` resolves once it is gone.
 */
export class PanelDialog {
  readonly element: HTMLDialogElement;
  /** The scrolling content. */
  readonly body: HTMLElement;
  /** A refusal or failure, read out when it changes. */
  readonly alert: HTMLElement;
  readonly buttons: HTMLElement;
  readonly closed: Promise<void>;
  /** While true (work under way), Escape does not close the dialog. */
  busy = false;
  #stop: HTMLButtonElement | null = null;
  #resolve: () => void = () => {};

  constructor(title: string, className = '') {
    this.element = el('dialog', `panel-dialog ${className}`.trim(), undefined, { 'aria-label': title });
    this.body = el('div', 'panel-body');
    this.alert = el('p', 'form-error panel-alert', '', { role: 'alert' });
    this.buttons = el('div', 'dialog-buttons');
    this.closed = new Promise((resolve) => (this.#resolve = resolve));
    this.element.append(el('h2', 'panel-title', title), this.body, this.alert, this.buttons);
    this.element.addEventListener('cancel', (event) => {
      event.preventDefault();
      if (!this.busy) this.close();
      else if (this.#stop && !this.#stop.disabled && this.#stop.checkVisibility()) this.#stop.click();
    });
    document.body.append(this.element);
    this.element.showModal();
  }

  /** Adds a button to the row; `primary` marks the one that does the work. */
  addButton(label: string, onClick: () => void, primary = false): HTMLButtonElement {
    const node = button(label, onClick, { className: primary ? 'primary' : '' });
    this.buttons.append(node);
    return node;
  }

  /** Makes `stop` (the button that stops the work under way) what Escape presses while the dialog is busy. */
  stopWith(stop: HTMLButtonElement): void {
    this.#stop = stop;
  }

  /** Replaces the buttons. */
  clearButtons(): void {
    this.buttons.replaceChildren();
  }

  /** Shows `message` as the dialog's alert; an empty message clears it. */
  say(message: string): void {
    this.alert.textContent = message;
  }

  close(): void {
    if (!this.element.isConnected) return;
    this.element.close();
    this.element.remove();
    this.#resolve();
  }
}

/** A checkbox with its label, as the dialogs' lists show them. */
export function checkboxItem(text: string, value: string, detail = ''): { label: HTMLLabelElement; input: HTMLInputElement } {
  const input = el('input', '', undefined, { type: 'checkbox', value });
  const label = el('label', 'check-item');
  label.append(input, el('span', 'check-text', text));
  if (detail) label.append(el('span', 'check-detail', detail));
  return { label, input };
}

/** A heading and a list, as the dialogs' reports group their lines; null when there is nothing to list. */
export function listSection(heading: string, items: readonly HTMLElement[], className = ''): HTMLElement | null {
  if (items.length === 0) return null;
  const section = el('section', `panel-section ${className}`.trim());
  const list = el('ul', 'panel-list');
  for (const item of items) {
    const li = el('li');
    li.append(item);
    list.append(li);
  }
  section.append(el('h3', '', heading), list);
  return section;
}

/** "1 source", "3 sources". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
