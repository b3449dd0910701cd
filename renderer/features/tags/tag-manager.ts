import type { TagSummary } from '../../../core/api.ts';
import { COLORS, type Color } from '../../../core/annotate/palette.ts';
import { descendants } from '../../../core/annotate/tag-tree.ts';
import { button, el } from '../../dom.ts';

/** What the tag manager asks of the app; each is global and atomic in the store. */
export interface TagManagerActions {
  rename(tag: TagSummary, name: string): void;
  recolor(tag: TagSummary, color: Color): void;
  setParent(tag: TagSummary, parent: string | null): void;
  merge(tag: TagSummary, into: TagSummary): void;
  delete(tag: TagSummary): void;
}

/** The tags as a tree (children under their parent), each with its usage and its actions. */
export function tagManager(tags: readonly TagSummary[], actions: TagManagerActions): HTMLElement {
  const panel = el('section', 'tag-manager', undefined, { 'aria-label': 'Tags' });
  panel.append(el('h3', 'panel-heading', 'Tags'));
  if (tags.length === 0) {
    panel.append(el('p', 'status', 'No tags yet. Add one to a highlight to create it.'));
    return panel;
  }
  const list = el('ul', 'tag-tree');
  for (const [tag, depth] of treeOrder(tags)) list.append(row(tag, depth, tags, actions));
  panel.append(list);
  return panel;
}

function treeOrder(tags: readonly TagSummary[]): [TagSummary, number][] {
  const byParent = new Map<string | undefined, TagSummary[]>();
  const ids = new Set(tags.map((t) => t.id));
  for (const tag of tags) {
    const parent = tag.parent && ids.has(tag.parent) ? tag.parent : undefined;
    byParent.set(parent, [...(byParent.get(parent) ?? []), tag]);
  }
  const out: [TagSummary, number][] = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const tag of (byParent.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push([tag, depth]);
      walk(tag.id, depth + 1);
    }
  };
  walk(undefined, 0);
  return out;
}

function row(tag: TagSummary, depth: number, tags: readonly TagSummary[], actions: TagManagerActions): HTMLElement {
  const item = el('li', 'tag-row', undefined, { 'data-tag-id': tag.id });
  item.style.paddingInlineStart = `${0.5 + depth * 1.25}rem`;

  const name = el('input', 'tag-name', undefined, { type: 'text', 'aria-label': `Name of the tag ${tag.name}` });
  name.value = tag.name;
  const commit = () => {
    const value = name.value.trim();
    if (value && value !== tag.name) actions.rename(tag, value);
    else name.value = tag.name;
  };
  name.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') name.value = tag.name;
  });
  name.addEventListener('blur', commit);

  const color = el('select', `tag-color hl-${tag.color}`, undefined, { 'aria-label': `Colour of ${tag.name}` });
  for (const c of COLORS) {
    const option = el('option', '', c, { value: c });
    option.selected = c === tag.color;
    color.append(option);
  }
  color.addEventListener('change', () => actions.recolor(tag, color.value as Color));

  // A tag cannot move under itself or one of its own descendants.
  const below = new Set([tag.id, ...descendants(tags, tag.id)]);
  const parent = el('select', 'tag-parent', undefined, { 'aria-label': `Parent of ${tag.name}` });
  parent.append(el('option', '', '(top level)', { value: '' }));
  for (const other of tags) {
    if (below.has(other.id)) continue;
    const option = el('option', '', `under ${other.name}`, { value: other.id });
    option.selected = other.id === tag.parent;
    parent.append(option);
  }
  parent.addEventListener('change', () => actions.setParent(tag, parent.value || null));

  const merge = el('select', 'tag-merge', undefined, { 'aria-label': `Merge ${tag.name} into another tag` });
  merge.append(el('option', '', 'Merge into…', { value: '' }));
  for (const other of tags) if (other.id !== tag.id) merge.append(el('option', '', other.name, { value: other.id }));
  merge.addEventListener('change', () => {
    const into = tags.find((t) => t.id === merge.value);
    merge.value = '';
    if (into) actions.merge(tag, into);
  });

  item.append(
    name,
    el('span', 'tag-usage', `${tag.usage}`, { title: `${tag.usage} annotation${tag.usage === 1 ? '' : 's'}` }),
    color,
    parent,
    merge,
    button('Delete', () => actions.delete(tag), { className: 'danger', title: `Delete the tag ${tag.name}` }),
  );
  return item;
}
