import { button, el } from '../dom.ts';

/**
 * Asks the user to choose between actions in a modal dialog; resolves with the chosen value, or
 * null for Cancel (or `cancelLabel`: "OK" for a message with no choices) and Escape. Focus starts
 * on Cancel, so a stray Enter never does anything.
 */
export function chooseAction<T>(message: string, detail: string, choices: { label: string; value: T; danger?: boolean }[], cancelLabel = 'Cancel'): Promise<T | null> {
  return new Promise((resolve) => {
    const dialog = el('dialog', 'confirm-dialog', undefined, { 'aria-label': message });
    const finish = (answer: T | null) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const cancel = button(cancelLabel, () => finish(null));
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

/** The pending hide of the last short-lived message: a newer message must not be hidden by it. */
let hideTimer: ReturnType<typeof setTimeout> | undefined;

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
  clearTimeout(hideTimer);
  hideTimer = undefined;
  if (kind === 'error') toast.append(button('Dismiss', () => (toast!.hidden = true)));
  else hideTimer = setTimeout(() => (toast!.hidden = true), 4000);
}

/** Hides the message at the bottom of the window (a dialog now says it better). */
export function dismissNotice(): void {
  const toast = document.querySelector<HTMLElement>('.toast');
  if (toast) toast.hidden = true;
}

/** A form control with its visible label, as the app's forms lay them out. */
export function formField(label: string, control: HTMLElement, className = 'form-field'): HTMLLabelElement {
  const wrapper = el('label', className);
  wrapper.append(el('span', '', label), control);
  return wrapper;
}

/** A text input holding `value`. */
export function textInput(value: string, attributes: Record<string, string> = {}): HTMLInputElement {
  const node = el('input', '', undefined, { type: 'text', ...attributes });
  node.value = value;
  return node;
}

/** A drop-down of `[value, label]` options with `value` selected. */
export function selectInput(options: readonly (readonly [string, string])[], value = ''): HTMLSelectElement {
  const node = el('select');
  for (const [optionValue, text] of options) {
    const option = el('option', '', text, { value: optionValue });
    option.selected = optionValue === value;
    node.append(option);
  }
  return node;
}

/** What a form dialog shows and does. */
export interface FormDialogOptions {
  title: string;
  /** Shown between the title and the fields. */
  intro?: HTMLElement[];
  fields: HTMLElement[];
  submitLabel: string;
  /** Receives focus when the dialog opens. */
  focus?: HTMLElement;
  /** Null when done (the dialog closes), or a message shown in the form, which stays open. */
  submit(): Promise<string | null> | string | null;
}

/**
 * A modal form with Cancel and a submit button; resolves true once `submit` succeeds, false for
 * Cancel or Escape. While `submit` runs the button is disabled, so nothing is sent twice.
 */
export function formDialog(options: FormDialogOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = el('dialog', 'import-dialog', undefined, { 'aria-label': options.title });
    const form = el('form', 'import-form', undefined, { method: 'dialog' });
    const error = el('p', 'form-error', '', { role: 'alert' });
    const submitButton = el('button', 'primary', options.submitLabel, { type: 'submit' });
    const finish = (done: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(done);
    };
    const buttons = el('div', 'dialog-buttons');
    buttons.append(button('Cancel', () => finish(false)), submitButton);
    // The fields scroll between a fixed title and fixed buttons, so the buttons show in any window.
    const body = el('div', 'form-body');
    body.append(...(options.intro ?? []), ...options.fields, error);
    form.append(el('h2', '', options.title), body, buttons);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submitButton.disabled = true;
      const problem = await options.submit();
      submitButton.disabled = false;
      if (problem === null) finish(true);
      else error.textContent = problem;
    });
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
    options.focus?.focus();
  });
}
