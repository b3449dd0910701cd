/**
 * What the HTML readers (the DOM walk of the import and the streaming reader of large pages) agree
 * on about elements: which ones are blocks, and which ones are active content that is never text of
 * the source and never kept. Names are lower case, as an HTML parser reports them.
 */

/** Elements that start and end a block; any other element is inline and gives its text. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'address article aside blockquote body caption dd details div dl dt fieldset figcaption ' +
    'figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary ' +
    'table tbody td tfoot th thead tr ul'
  ).split(' '),
);

/**
 * Elements whose content is code or an embedded document, removed with everything inside them.
 * `meta` counts only with `http-equiv` (a refresh can redirect the page): see `isActiveElement`.
 */
export const ACTIVE_ELEMENTS: readonly string[] = [
  'script', 'style', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'template', 'applet',
];

/** Whether an element (lower-case name, its attributes) is active content to remove whole. */
export function isActiveElement(name: string, attributes: Readonly<Record<string, string>>): boolean {
  if (name === 'meta') return Object.hasOwn(attributes, 'http-equiv');
  return ACTIVE_ELEMENTS.includes(name);
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'];
const SCRIPT_URL = /^\s*(?:javascript|vbscript|data\s*:\s*text\/html)/i;

/**
 * Whether an attribute makes an element active, and is removed: an event handler (`onclick` …),
 * `srcdoc`, or a `javascript:`, `vbscript:` or HTML `data:` URL.
 */
export function isActiveAttribute(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('on') || lower === 'srcdoc') return true;
  return URL_ATTRIBUTES.includes(lower) && SCRIPT_URL.test(value);
}
