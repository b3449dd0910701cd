/** Creates an element with a class, optional text and attributes: the renderer's only DOM builder. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/**
 * A button with a label, a tooltip and a click handler. A button whose label is a sign ("×") is
 * named by its tooltip; one with words is named by them, as the user reads it (the tooltip then
 * describes it).
 */
export function button(label: string, onClick: () => void, options: { className?: string; title?: string } = {}): HTMLButtonElement {
  const node = el('button', options.className ?? '', label, { type: 'button' });
  if (options.title) {
    node.title = options.title;
    if (!/[\p{L}\p{N}]/u.test(label)) node.setAttribute('aria-label', options.title);
  }
  node.addEventListener('click', onClick);
  return node;
}

/** True when keyboard input should go to a text field rather than to the app's shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Calls `fn` after `ms` of quiet; `flush` runs a pending call at once (e.g. before quitting). */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): { (...args: A): void; flush(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const run = () => {
    timer = undefined;
    const args = pending;
    pending = undefined;
    if (args) fn(...args);
  };
  const debounced = (...args: A) => {
    pending = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  debounced.flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    run();
  };
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return debounced;
}
