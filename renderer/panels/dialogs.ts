import { button, el } from '../dom.ts';

/**
 * Asks the user to confirm an action in a modal dialog; resolves true for the confirming button.
 * Escape and the cancel button resolve false. Focus starts on the cancel button, so a stray
 * Enter never destroys anything.
 */
export function confirmAction(message: string, detail: string, confirmLabel: string): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = el('dialog', 'confirm-dialog', undefined, { 'aria-label': message });
    const finish = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const cancel = button('Cancel', () => finish(false));
    const confirm = button(confirmLabel, () => finish(true), { className: 'danger' });
    dialog.append(el('p', 'confirm-message', message), el('p', 'confirm-detail', detail), el('div', 'dialog-buttons'));
    dialog.lastElementChild!.append(cancel, confirm);
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
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
