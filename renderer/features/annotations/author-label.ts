import { authorColor } from '../../../core/share/author-mark.ts';
import { el } from '../../dom.ts';

/** Another member's name, in their colour, as the list and the side panel show it. */
export function authorLabel(author: string): HTMLElement {
  return el('span', `annotation-author author-${authorColor(author)}`, author, { title: `Highlighted by ${author}` });
}
