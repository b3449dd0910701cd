import markdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { el } from '../dom.ts';

// Raw HTML stays text; markdown-it refuses javascript:, vbscript: and data: links by default.
const parser = markdownIt({ html: false, linkify: false, typographer: false });

/** Where a note shows: on its own, with links the user can follow, or inside a control (a list row's button). */
export interface NoteLinks {
  /** Called when the user activates a link (the app asks before opening it); without it links show as text. */
  open?(href: string): void;
  /** Inside a control: blocks become lines of text (a button may hold no paragraphs or lists). */
  phrasing?: boolean;
}

// The blocks a note may hold, as the app shows them. A note's headings show as bold paragraphs:
// they are not part of the page's outline.
const BLOCKS: Record<string, keyof HTMLElementTagNameMap> = {
  paragraph: 'p',
  heading: 'p',
  bullet_list: 'ul',
  ordered_list: 'ol',
  list_item: 'li',
  blockquote: 'blockquote',
};
const INLINES: Record<string, keyof HTMLElementTagNameMap> = { em: 'em', strong: 'strong', s: 's' };

/**
 * A historian's Markdown note as elements built one by one (never as HTML), so nothing in a note
 * can add markup, scripts or styles to the page. Emphasis, lists, quotes and code show as such;
 * links only to http(s) addresses, opened through `links.open`.
 */
export function noteToDom(markdown: string, links: NoteLinks = {}): DocumentFragment {
  const root = document.createDocumentFragment();
  const stack: Node[] = [root];
  const top = () => stack.at(-1)!;
  const inline = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      const name = token.type.replace(/_(open|close)$/, '');
      if (token.type.endsWith('_close') && (INLINES[name] || name === 'link')) {
        stack.pop();
      } else if (token.type.endsWith('_open') && INLINES[name]) {
        const node = el(INLINES[name]);
        top().appendChild(node);
        stack.push(node);
      } else if (token.type === 'link_open') {
        stack.push(top().appendChild(linkElement(String(token.attrGet('href') ?? ''), links)));
      } else if (token.type === 'code_inline') {
        top().appendChild(el('code', '', token.content));
      } else if (token.type === 'softbreak') {
        top().appendChild(document.createTextNode(' '));
      } else if (token.type === 'hardbreak') {
        top().appendChild(el('br'));
      } else {
        top().appendChild(document.createTextNode(token.content));
      }
    }
  };
  for (const token of parser.parse(markdown, {})) {
    const name = token.type.replace(/_(open|close)$/, '');
    if (token.type === 'inline') inline(token.children ?? []);
    else if (token.type.endsWith('_open') && BLOCKS[name]) {
      const node = links.phrasing ? el('span', `note-line note-${name}`) : el(BLOCKS[name], name === 'heading' ? 'note-heading' : '');
      top().appendChild(node);
      stack.push(node);
    } else if (token.type.endsWith('_close') && BLOCKS[name]) stack.pop();
    else if (token.type === 'fence' || token.type === 'code_block') {
      const code = el('code', 'note-code', token.content);
      if (links.phrasing) top().appendChild(code);
      else top().appendChild(el('pre')).appendChild(code);
    } else if (token.type === 'hr' && !links.phrasing) top().appendChild(el('hr'));
  }
  return root;
}

function linkElement(href: string, links: NoteLinks): HTMLElement {
  const safe = /^https?:\/\//i.test(href);
  if (!safe || !links.open) return el('span', 'note-link', undefined, safe ? { title: href } : {});
  const open = links.open;
  // Never a live href: the app opens links only through a confirmed action.
  const link = el('a', 'external-link', undefined, { 'data-href': href, title: href, tabindex: '0', role: 'link' });
  const follow = (event: Event) => {
    event.preventDefault();
    open(href);
  };
  link.addEventListener('click', follow);
  link.addEventListener('keydown', (event) => event.key === 'Enter' && follow(event));
  return link;
}
