import type { DomDocument } from './html-dom.ts';

// Elements whose content is code or embedded documents, never text of the source.
const ACTIVE_ELEMENTS =
  'script, style, noscript, iframe, frame, frameset, object, embed, template, applet, meta[http-equiv]';
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'];
const SCRIPT_URL = /^\s*(?:javascript|vbscript|data\s*:\s*text\/html)/i;

/**
 * Removes everything active from a parsed page, in place, before anything else reads it:
 * `script`, `style`, `noscript`, `iframe` (and frames, objects, embeds, templates), every event
 * handler attribute (`onclick` …), `srcdoc`, and every `javascript:`/`vbscript:`/HTML `data:`
 * URL. Afterwards no script text remains anywhere in the document.
 */
export function stripActiveContent(document: DomDocument): void {
  for (const element of Array.from(document.querySelectorAll(ACTIVE_ELEMENTS))) element.remove();
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const { name, value } of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on') || lower === 'srcdoc') element.removeAttribute(name);
      else if (URL_ATTRIBUTES.includes(lower) && SCRIPT_URL.test(value)) element.removeAttribute(name);
    }
  }
}
