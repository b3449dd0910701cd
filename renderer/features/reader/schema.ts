import { Schema, type DOMOutputSpec, type Node as PMNode } from 'prosemirror-model';

/**
 * The reader's document schema: a read-only rendering of a Source. Every textblock carries the
 * `blockId` of the Source block it shows, which is how positions map to the reading text
 * (positions.ts). Milestones, gaps, note references and source markers are inline atoms: they take
 * a ProseMirror position but add nothing to the reading text.
 */
export const readerSchema = new Schema({
  nodes: {
    doc: { content: 'block+ notes?' },
    text: { group: 'inline' },
    paragraph: {
      group: 'block',
      content: 'inline*',
      attrs: { blockId: { default: '' } },
      toDOM: (node) => ['p', { 'data-block-id': node.attrs.blockId }, 0],
    },
    heading: {
      group: 'block',
      content: 'inline*',
      attrs: { blockId: { default: '' }, level: { default: 2 } },
      toDOM: (node) => [`h${clampLevel(node.attrs.level)}`, { 'data-block-id': node.attrs.blockId }, 0],
    },
    blockquote: {
      group: 'block',
      content: 'paragraph+',
      toDOM: () => ['blockquote', 0],
    },
    bullet_list: {
      group: 'block',
      content: 'list_item+',
      toDOM: () => ['ul', 0],
    },
    list_item: {
      content: 'inline*',
      attrs: { blockId: { default: '' } },
      toDOM: (node) => ['li', { 'data-block-id': node.attrs.blockId }, 0],
    },
    notes: {
      content: 'note+',
      toDOM: () => ['section', { class: 'notes', 'aria-label': 'Notes' }, 0],
    },
    note: {
      content: 'paragraph+',
      attrs: { label: { default: '' } },
      toDOM: (node) => ['div', { class: 'note', id: noteElementId(node.attrs.label), 'data-label': node.attrs.label }, 0],
    },
    note_ref: {
      group: 'inline',
      inline: true,
      atom: true,
      selectable: false,
      attrs: { label: {} },
      // A note reference is a link (as DPUB-ARIA has it) set in superscript.
      toDOM: (node) => [
        'sup',
        { class: 'note-ref-mark' },
        ['a', { class: 'note-ref', href: `#${noteElementId(node.attrs.label)}`, 'data-label': node.attrs.label, role: 'doc-noteref', 'aria-label': `Note ${node.attrs.label}` }, node.attrs.label],
      ],
    },
    page: {
      group: 'inline',
      inline: true,
      atom: true,
      selectable: false,
      attrs: { label: {} },
      // A separator (doc-pagebreak is for <hr> only), named for the page that begins here.
      toDOM: (node) => ['span', { class: 'page-milestone', 'data-page': node.attrs.label, role: 'separator', 'aria-label': `Page ${node.attrs.label}` }],
    },
    gap: {
      group: 'inline',
      inline: true,
      atom: true,
      selectable: false,
      attrs: { reason: { default: null } },
      toDOM: (node): DOMOutputSpec => [
        'span',
        { class: 'gap', title: node.attrs.reason ? `Text lost: ${node.attrs.reason}` : 'Text lost in the source', role: 'img', 'aria-label': 'gap in the text' },
        '[…]',
      ],
    },
    marker: {
      group: 'inline',
      inline: true,
      atom: true,
      selectable: false,
      attrs: { label: {} },
      toDOM: (node) => ['span', { class: 'source-marker', 'data-label': node.attrs.label, title: `Original reference marker [${node.attrs.label}]` }],
    },
  },
  marks: {
    em: { toDOM: () => ['em', 0] },
    strong: { toDOM: () => ['strong', 0] },
    link: {
      attrs: { href: {} },
      inclusive: false,
      // Never a live href: the reader opens links only through a confirmed action (reader-view).
      toDOM: (mark) => ['a', { class: 'external-link', 'data-href': mark.attrs.href, title: mark.attrs.href, tabindex: '0', role: 'link' }, 0],
    },
  },
});

/** The DOM id of a note's element, so references can point at it. */
export function noteElementId(label: string): string {
  return `note-${encodeURIComponent(label)}`;
}

function clampLevel(level: unknown): number {
  return typeof level === 'number' ? Math.min(6, Math.max(1, Math.round(level))) : 2;
}

/** True for the textblocks that stand for Source blocks. */
export function isSourceBlock(node: PMNode): boolean {
  return node.isTextblock && typeof node.attrs.blockId === 'string' && node.attrs.blockId !== '';
}
