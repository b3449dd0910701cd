import type { TagSummary } from '../../../core/api.ts';
import { el } from '../../dom.ts';

/** What the picker asks of the app. */
export interface TagPickerActions {
  /** Adds an existing tag to the highlight. */
  pick(tagId: string): void;
  /** Creates a tag with this name and adds it. */
  create(name: string): void;
}

let pickers = 0;

/**
 * A keyboard-first tag picker: type to filter, arrows to move, Enter to pick the highlighted
 * tag or to create one with the typed name, Escape to clear. A pick closes the list (typing or an
 * arrow opens it again). It stays on the page while the tags change, so the user keeps typing in
 * it after each pick.
 */
export class TagPicker {
  readonly element: HTMLElement;
  readonly #input: HTMLInputElement;
  readonly #list: HTMLUListElement;
  readonly #listId = `tag-options-${(pickers += 1)}`;
  readonly #actions: TagPickerActions;
  #tags: readonly TagSummary[] = [];
  #taken: ReadonlySet<string> = new Set();
  #options: { label: string; run: () => void }[] = [];
  #active = 0;
  /** Whether the user asked for the list (by focusing, typing or arrowing); a pick closes it. */
  #wanted = false;

  constructor(actions: TagPickerActions) {
    this.#actions = actions;
    this.element = el('div', 'tag-picker');
    this.#input = el('input', 'tag-input', undefined, {
      type: 'text',
      placeholder: 'Add a tag…',
      'aria-label': 'Add a tag',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-controls': this.#listId,
      'aria-expanded': 'false',
    });
    this.#list = el('ul', 'tag-options', undefined, { role: 'listbox', id: this.#listId });
    this.#list.hidden = true;
    const input = this.#input;
    const want = () => {
      this.#wanted = true;
      this.#render();
    };
    input.addEventListener('input', () => {
      this.#active = 0;
      want();
    });
    input.addEventListener('focus', want);
    input.addEventListener('blur', () => {
      this.#wanted = false;
      this.#render();
    });
    input.addEventListener('keydown', (event) => {
      const count = this.#options.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (count === 0) return;
        // The first arrow opens a closed list; the next ones move in it.
        if (this.#wanted) this.#active = (this.#active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
        want();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        if (this.#wanted) this.#choose(this.#options[this.#active]);
      } else if (event.key === 'Escape') {
        input.value = '';
        this.#render();
      }
    });
    this.element.append(input, this.#list);
  }

  /** The field the user types a tag's name in. */
  get input(): HTMLInputElement {
    return this.#input;
  }

  /** Offers these tags, except those the highlight already carries. */
  update(tags: readonly TagSummary[], taken: ReadonlySet<string>): void {
    this.#tags = tags;
    this.#taken = taken;
    this.#render();
  }

  #choose(option: { run: () => void } | undefined): void {
    if (!option) return;
    this.#input.value = '';
    this.#active = 0;
    this.#wanted = false;
    option.run();
    this.#render();
  }

  #render(): void {
    const query = this.#input.value.trim();
    const folded = query.toLocaleLowerCase();
    const matches = this.#tags.filter((tag) => !this.#taken.has(tag.id) && tag.name.toLocaleLowerCase().includes(folded));
    this.#options = matches.slice(0, 8).map((tag) => ({ label: tag.name, run: () => this.#actions.pick(tag.id) }));
    const exact = this.#tags.some((tag) => tag.name.toLocaleLowerCase() === folded);
    if (query && !exact) this.#options.push({ label: `Create “${query}”`, run: () => this.#actions.create(query) });
    this.#active = Math.min(this.#active, Math.max(0, this.#options.length - 1));
    this.#list.replaceChildren(
      ...this.#options.map((option, index) => {
        const item = el('li', index === this.#active ? 'active' : '', option.label, {
          role: 'option',
          'aria-selected': String(index === this.#active),
          id: `${this.#listId}-${index}`,
        });
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          this.#choose(option);
        });
        return item;
      }),
    );
    const open = this.#wanted && this.#input === document.activeElement && this.#options.length > 0;
    this.#list.hidden = !open;
    this.#input.setAttribute('aria-expanded', String(open));
    if (open) {
      this.#input.setAttribute('aria-activedescendant', `${this.#listId}-${this.#active}`);
      // The list scrolls, and hangs below the field inside the editor, which scrolls too: in a
      // small window the arrows would otherwise move to a tag out of sight.
      this.#list.children[this.#active]?.scrollIntoView({ block: 'nearest' });
    } else this.#input.removeAttribute('aria-activedescendant');
  }
}
