import { button, el } from '../dom.ts';

/**
 * Asks the user to choose between actions in a modal dialog; resolves with the chosen value, or
 * null for Cancel and Escape. Focus starts on Cancel, so a stray Enter never does anything.
 */
export function chooseAction<T>(message: string, detail: string, choices: { label: string; value: T; danger?: boolean }[]): Promise<T | null> {
  return new Promise((resolve) => {
    const dialog = el('dialog', 'confirm-dialog', undefined, { 'aria-label': message });
    const finish = (answer: T | null) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const cancel = button('Cancel', () => finish(null));
    const buttons = el('div', 'dialog-buttons');
    buttons.append(cancel, ...choices.map((choice) => button(choice.label, () => finish(choice.value), { className: choice.danger ? 'danger' : '' })));
    dialog.append(el('p', 'confirm-message', message), el('p', 'confirm-detail', detail), buttons);
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(null);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

/** Asks the user to confirm an action; resolves true only for the confirming button. */
export async function confirmAction(message: string, detail: string, confirmLabel: string): Promise<boolean> {
  return (await chooseAction(message, detail, [{ label: confirmLabel, value: true, danger: true }])) === true;
}

/** Shows a short message at the bottom of the window; errors stay until dismissed. */
export function notify(message: string, kind: 'info' | 'error' = 'info'): void {
  let toast = document.querySelector<HTMLElement>('.toast');
  if (!toast) {
    toast = el('div', 'toast', undefined, { role: 'status', 'aria-live': 'polite' });
    document.body.append(toast);
  }
  toast.replaceChildren(el('span', '', message));
  toast.classList.toggle('error', kind === 'error');
  toast.hidden = false;
  if (kind === 'error') toast.append(button('Dismiss', () => (toast!.hidden = true)));
  else setTimeout(() => (toast!.hidden = true), 4000);
}
