import type { TagSummary } from '../../../core/api.ts';
import { el } from '../../dom.ts';

/** What the picker asks of the app. */
export interface TagPickerActions {
  /** Adds an existing tag to the highlight. */
  pick(tagId: string): void;
  /** Creates a tag with this name and adds it. */
  create(name: string): void;
}

/**
 * A keyboard-first tag picker: type to filter, arrows to move, Enter to pick the highlighted
 * tag or to create one with the typed name, Escape to clear.
 */
export function tagPicker(tags: readonly TagSummary[], taken: ReadonlySet<string>, actions: TagPickerActions): HTMLElement {
  const wrapper = el('div', 'tag-picker');
  const listId = `tag-options-${Math.random().toString(36).slice(2)}`;
  const input = el('input', 'tag-input', undefined, {
    type: 'text',
    placeholder: 'Add a tag…',
    'aria-label': 'Add a tag',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-controls': listId,
    'aria-expanded': 'false',
  });
  const list = el('ul', 'tag-options', undefined, { role: 'listbox', id: listId });
  let options: { label: string; run: () => void }[] = [];
  let active = 0;

  const render = () => {
    const query = input.value.trim();
    const folded = query.toLocaleLowerCase();
    const matches = tags.filter((tag) => !taken.has(tag.id) && tag.name.toLocaleLowerCase().includes(folded));
    options = matches.slice(0, 8).map((tag) => ({ label: tag.name, run: () => actions.pick(tag.id) }));
    const exact = tags.some((tag) => tag.name.toLocaleLowerCase() === folded);
    if (query && !exact) options.push({ label: `Create “${query}”`, run: () => actions.create(query) });
    active = Math.min(active, Math.max(0, options.length - 1));
    list.replaceChildren(
      ...options.map((option, index) => {
        const item = el('li', index === active ? 'active' : '', option.label, { role: 'option', 'aria-selected': String(index === active), id: `${listId}-${index}` });
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          option.run();
        });
        return item;
      }),
    );
    const open = input === document.activeElement && options.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (open) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  input.addEventListener('input', () => {
    active = 0;
    render();
  });
  input.addEventListener('focus', render);
  input.addEventListener('blur', () => (list.hidden = true));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length === 0) return;
      active = (active + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      options[active]?.run();
    } else if (event.key === 'Escape') {
      input.value = '';
      render();
    }
  });
  wrapper.append(input, list);
  list.hidden = true;
  return wrapper;
}
