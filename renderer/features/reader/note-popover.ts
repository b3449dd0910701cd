import { el } from '../../dom.ts';

/**
 * Shows a source's note beside the number that refers to it, focused so the keyboard can read
 * it; Escape or moving focus away calls `dismiss`. Returns a function that removes the popover.
 */
export function showNotePopover(label: string, anchor: HTMLElement, note: Element | null, dismiss: (returnFocus: boolean) => void): () => void {
  const popover = el('div', 'note-popover', undefined, { role: 'dialog', 'aria-label': `Note ${label}` });
  popover.append(el('span', 'note-popover-label', label));
  for (const paragraph of note?.querySelectorAll('p') ?? []) popover.append(paragraph.cloneNode(true));
  popover.tabIndex = -1;
  popover.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    dismiss(true);
  });
  popover.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (!(next instanceof Node && popover.contains(next))) dismiss(false);
  });
  document.body.append(popover);
  const rect = anchor.getBoundingClientRect();
  popover.style.left = `${Math.min(rect.left, window.innerWidth - popover.offsetWidth - 12)}px`;
  popover.style.top = `${rect.bottom + 6}px`;
  popover.focus();
  return () => popover.remove();
}
