import type { Mark, Node as PMNode } from 'prosemirror-model';
import type { Block, Inline, Source } from '../../../core/corpus/model.ts';
import { readerSchema as schema } from './schema.ts';

/**
 * Builds the reader's ProseMirror document from a Source: body blocks in order (consecutive quote
 * paragraphs form one block quote, consecutive items one list), then the notes section.
 */
export function sourceToDoc(source: Source): PMNode {
  const body: PMNode[] = [];
  // Consecutive quote paragraphs (or list items) are gathered into one container node.
  for (let i = 0; i < source.blocks.length; ) {
    const block = source.blocks[i]!;
    if (block.type === 'quote' || block.type === 'item') {
      const children: PMNode[] = [];
      for (; i < source.blocks.length && source.blocks[i]!.type === block.type; i++) {
        children.push(textblock(block.type === 'quote' ? 'paragraph' : 'list_item', source.blocks[i]!));
      }
      body.push(schema.nodes[block.type === 'quote' ? 'blockquote' : 'bullet_list']!.create(null, children));
    } else {
      body.push(block.type === 'heading' ? textblock('heading', block, { level: block.level ?? 2 }) : textblock('paragraph', block));
      i++;
    }
  }
  if (body.length === 0) body.push(schema.nodes.paragraph!.create());
  if (source.notes.length > 0) {
    const notes = source.notes.map((note) =>
      schema.nodes.note!.create(
        { label: note.label },
        note.blocks.map((block) => textblock('paragraph', block)),
      ),
    );
    body.push(schema.nodes.notes!.create(null, notes));
  }
  return schema.nodes.doc!.create(null, body);
}

function textblock(type: 'paragraph' | 'heading' | 'list_item', block: Block, attrs: Record<string, unknown> = {}): PMNode {
  return schema.nodes[type]!.create({ ...attrs, blockId: block.id }, block.content.flatMap(inlineNode));
}

function inlineNode(inline: Inline): PMNode[] {
  switch (inline.type) {
    case 'text': {
      if (inline.text === '') return [];
      const marks: Mark[] = [];
      if (inline.em) marks.push(schema.marks.em!.create());
      if (inline.strong) marks.push(schema.marks.strong!.create());
      if (inline.href) marks.push(schema.marks.link!.create({ href: inline.href }));
      return [schema.text(inline.text, marks)];
    }
    case 'noteRef':
      return [schema.nodes.note_ref!.create({ label: inline.label })];
    case 'page':
      return [schema.nodes.page!.create({ label: inline.label })];
    case 'gap':
      return [schema.nodes.gap!.create({ reason: inline.reason ?? null })];
    case 'marker':
      return [schema.nodes.marker!.create({ label: inline.label })];
  }
}
