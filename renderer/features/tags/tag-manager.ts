import type { TagSummary } from '../../../core/api.ts';
import { COLORS, isColor, type Color } from '../../../core/annotate/palette.ts';
import { descendants } from '../../../core/annotate/tag-tree.ts';
import { button, el } from '../../dom.ts';
import { KeyedList } from '../../ui/keyed-list.ts';

/** What the tag manager asks of the app; each is global and atomic in the store, and undoable. */
export interface TagManagerActions {
  rename(tag: TagSummary, name: string): void;
  recolor(tag: TagSummary, color: Color): void;
  setParent(tag: TagSummary, parent: string | null): void;
  merge(tag: TagSummary, into: TagSummary): void;
  delete(tag: TagSummary): void;
}

interface Row {
  tag: TagSummary;
  depth: number;
  tags: readonly TagSummary[];
}

interface RowParts {
  row: Row;
  name: HTMLInputElement;
  /** The name last shown or sent, so a rename is sent once however the field is left. */
  named: string;
  usage: HTMLElement;
  color: HTMLSelectElement;
  parent: HTMLSelectElement;
  merge: HTMLSelectElement;
  remove: HTMLButtonElement;
}

/**
 * The tags as a tree (children under their parent), each with its usage and its actions. Rows are
 * kept by tag id and updated in place, so the field the user is in keeps focus.
 */
export class TagManager {
  readonly element: HTMLElement;
  readonly #empty = el('p', 'status', 'No tags yet. Add one to a highlight to create it.');
  readonly #list = el('ul', 'tag-tree');
  readonly #rows: KeyedList<Row>;
  readonly #parts = new WeakMap<HTMLElement, RowParts>();
  readonly #readOnly = el('p', 'read-only-note', undefined, { role: 'note' });
  #readOnlyReason: string | null = null;

  constructor(actions: TagManagerActions) {
    this.element = el('section', 'tag-manager', undefined, { 'aria-label': 'Tags' });
    this.#readOnly.hidden = true;
    this.element.append(el('h2', 'panel-heading', 'Tags'), this.#readOnly, this.#empty, this.#list);
    // With the last tag gone, the focus rests on the line that says there are none.
    this.#empty.tabIndex = -1;
    this.#rows = new KeyedList(this.#list, (row) => row.tag.id, (row) => this.#row(row, actions), (node, row) => this.#fill(node, row), () => this.#empty);
  }

  /** Shows these tags. */
  render(tags: readonly TagSummary[]): void {
    this.#empty.hidden = tags.length > 0;
    this.#list.hidden = tags.length === 0;
    this.#rows.render(treeOrder(tags).map(([tag, depth]) => ({ tag, depth, tags })));
  }

  /**
   * Turns every control that would change a tag off (out of the tab order, announced as
   * unavailable), with the reason above the list and on each; null turns them on again.
   */
  setReadOnly(reason: string | null): void {
    this.#readOnlyReason = reason;
    this.#readOnly.hidden = reason === null;
    this.#readOnly.textContent = reason ?? '';
    for (const item of this.#list.querySelectorAll<HTMLElement>('.tag-row')) this.#applyReadOnly(item);
  }

  #applyReadOnly(item: HTMLElement): void {
    const parts = this.#parts.get(item);
    if (!parts) return;
    const reason = this.#readOnlyReason;
    for (const control of [parts.name, parts.color, parts.parent, parts.merge, parts.remove]) {
      control.disabled = reason !== null;
      // The name field's tooltip gives a long name whole; the others say why they are off.
      if (control !== parts.name) control.title = reason ?? (control === parts.remove ? `Delete the tag ${parts.row.tag.name}` : '');
    }
  }

  #row(row: Row, actions: TagManagerActions): HTMLElement {
    const item = el('li', 'tag-row', undefined, { 'data-tag-id': row.tag.id });
    const parts: RowParts = {
      row,
      name: el('input', 'tag-name', undefined, { type: 'text' }),
      named: row.tag.name,
      usage: el('span', 'tag-usage'),
      color: el('select', 'tag-color'),
      parent: el('select', 'tag-parent'),
      merge: el('select', 'tag-merge'),
      remove: button('Delete', () => actions.delete(parts.row.tag), { className: 'danger' }),
    };
    const { name, color, parent, merge } = parts;
    name.value = row.tag.name;
    const commit = () => {
      const value = name.value.trim();
      if (value && value !== parts.named) {
        parts.named = value;
        actions.rename(parts.row.tag, value);
      } else if (!value) name.value = parts.row.tag.name;
    };
    name.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') commit();
      if (event.key === 'Escape') name.value = parts.row.tag.name;
    });
    name.addEventListener('blur', commit);
    for (const c of COLORS) color.append(el('option', '', c, { value: c }));
    color.addEventListener('change', () => isColor(color.value) && actions.recolor(parts.row.tag, color.value));
    parent.addEventListener('change', () => actions.setParent(parts.row.tag, parent.value || null));
    merge.addEventListener('change', () => {
      const into = parts.row.tags.find((t) => t.id === merge.value);
      merge.value = '';
      if (into) actions.merge(parts.row.tag, into);
    });
    item.append(name, parts.usage, color, parent, merge, parts.remove);
    this.#parts.set(item, parts);
    this.#fill(item, row, true);
    this.#applyReadOnly(item);
    return item;
  }

  #fill(item: HTMLElement, row: Row, first = false): void {
    const parts = this.#parts.get(item)!;
    const before = parts.row;
    parts.row = row;
    const { tag, depth, tags } = row;
    if (!first && before.tag === tag && before.depth === depth && before.tags === tags) return;
    item.style.paddingInlineStart = `${0.5 + depth * 1.25}rem`;
    if (tag.name !== before.tag.name || first) {
      parts.name.value = tag.name;
      parts.named = tag.name;
    }
    parts.name.setAttribute('aria-label', `Name of the tag ${tag.name}`);
    // A long name is cut short in the field: the tooltip gives it whole.
    parts.name.title = tag.name;
    parts.usage.textContent = `${tag.usage}`;
    parts.usage.title = `${tag.usage} annotation${tag.usage === 1 ? '' : 's'}`;
    parts.color.className = `tag-color hl-${tag.color}`;
    parts.color.setAttribute('aria-label', `Colour of ${tag.name}`);
    parts.color.value = tag.color;
    parts.parent.setAttribute('aria-label', `Parent of ${tag.name}`);
    parts.merge.setAttribute('aria-label', `Merge ${tag.name} into another tag`);
    parts.remove.title = this.#readOnlyReason ?? `Delete the tag ${tag.name}`;
    parts.remove.setAttribute('aria-label', `Delete the tag ${tag.name}`);
    if (before.tags !== tags || first) {
      // A tag cannot move under itself or one of its own descendants.
      const below = new Set([tag.id, ...descendants(tags, tag.id)]);
      parts.parent.replaceChildren(el('option', '', '(top level)', { value: '' }), ...tags.filter((t) => !below.has(t.id)).map((t) => el('option', '', `under ${t.name}`, { value: t.id })));
      parts.merge.replaceChildren(el('option', '', 'Merge into…', { value: '' }), ...tags.filter((t) => t.id !== tag.id).map((t) => el('option', '', t.name, { value: t.id })));
    }
    parts.parent.value = tag.parent ?? '';
  }
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
