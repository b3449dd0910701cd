import { ACTIVE_ELEMENTS, isActiveAttribute } from '../../../core/clean/html-stream/html-stream.ts';
import type { DomDocument } from './html-dom.ts';

// Elements whose content is code or embedded documents, never text of the source.
const ACTIVE_SELECTOR = [...ACTIVE_ELEMENTS, 'meta[http-equiv]'].join(', ');

/**
 * Removes everything active from a parsed page, in place, before anything else reads it:
 * `script`, `style`, `noscript`, `iframe` (and frames, objects, embeds, templates), every event
 * handler attribute (`onclick` …), `srcdoc`, and every `javascript:`/`vbscript:`/HTML `data:`
 * URL. Afterwards no script text remains anywhere in the document.
 */
export function stripActiveContent(document: DomDocument): void {
  for (const element of Array.from(document.querySelectorAll(ACTIVE_SELECTOR))) element.remove();
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const { name, value } of Array.from(element.attributes)) {
      if (isActiveAttribute(name, value)) element.removeAttribute(name);
    }
  }
}
