import type { TagSummary } from '../../core/api.ts';
import type { Tag } from '../../core/annotate/model.ts';
import type { Color } from '../../core/annotate/palette.ts';
import type { ServiceEmitter } from './events.ts';
import type { ProjectStore } from './store/index.ts';

/**
 * Tags: every action is one transaction of the store, announced once it is saved. Actions that
 * change what annotations say (a name, which annotations carry a tag) say so, for search.
 */
export class TagService {
  readonly #store: ProjectStore;
  readonly #events: ServiceEmitter;

  constructor(store: ProjectStore, events: ServiceEmitter) {
    this.#store = store;
    this.#events = events;
  }

  /** Every tag with how many annotations carry it. */
  list(): TagSummary[] {
    return this.#store.listTags();
  }

  /** Creates a tag (under `parent`, if given). */
  create(name: string, color?: Color, parent?: string | null): Tag {
    return this.#announce(this.#store.createTag(name, color, parent), false);
  }

  /**
   * The tag with this name (case-insensitive), made if there is none; another process making the
   * same tag at the same moment gets the same one.
   */
  ensure(name: string, color?: Color): Tag {
    return this.#announce(this.#store.ensureTag(name, color), false);
  }

  /** Renames a tag everywhere at once. */
  rename(id: string, name: string): Tag {
    return this.#announce(this.#store.renameTag(id, name), true);
  }

  /** Gives a tag another colour. */
  recolor(id: string, color: Color): Tag {
    return this.#announce(this.#store.recolorTag(id, color), false);
  }

  /** Files a tag under another (null: at the top level). */
  setParent(id: string, parent: string | null): Tag {
    return this.#announce(this.#store.setTagParent(id, parent), false);
  }

  /** Merges tag `from` into `into`; the store keeps the record for `restore`. */
  merge(from: string, into: string): { tag: Tag; annotations: number } {
    const merged = this.#store.mergeTags(from, into);
    this.#events.emit('tags.changed', { ids: [from, into], annotations: true });
    return merged;
  }

  /** Deletes a tag; the store keeps the record for `restore`. */
  delete(id: string): { tag: Tag; annotations: number } {
    const deleted = this.#store.deleteTag(id);
    this.#events.emit('tags.changed', { ids: [id], annotations: true });
    return deleted;
  }

  /** Brings back a tag deleted or merged away, as it was, on the annotations that carried it. */
  restore(id: string): Tag {
    return this.#announce(this.#store.restoreTag(id), true);
  }

  #announce(tag: Tag, annotations: boolean): Tag {
    this.#events.emit('tags.changed', { ids: [tag.id], annotations });
    return tag;
  }
}
