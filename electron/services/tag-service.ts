import type { TagSummary } from '../../core/api.ts';
import type { Tag } from '../../core/annotate/model.ts';
import { DEFAULT_COLOR, type Color } from '../../core/annotate/palette.ts';
import { findTagByName } from '../../core/annotate/tag-names.ts';
import type { LocalChange } from '../../core/share/model.ts';
import { isEmptyTagPlan, type TagSyncPlan } from '../../core/share/tag-sync-plan.ts';
import type { ServiceEmitter } from './events.ts';
import type { ProjectStore } from './store/index.ts';
import { DRAFT_ID, OPEN_GATE, type ChangeGate } from './sync/change-gate.ts';

/**
 * Tags: every action is one transaction of the store, announced once it is saved. Actions that
 * change what annotations say (a name, which annotations carry a tag) say so, for search. In a
 * corpus shared with a group, each action is first put to the group's rules (`gate`), and handed
 * on once saved.
 */
export class TagService {
  readonly #store: ProjectStore;
  readonly #events: ServiceEmitter;
  readonly #gate: ChangeGate;

  constructor(store: ProjectStore, events: ServiceEmitter, gate: ChangeGate = OPEN_GATE) {
    this.#store = store;
    this.#events = events;
    this.#gate = gate;
  }

  /** Every tag with how many annotations carry it. */
  list(): TagSummary[] {
    return this.#store.listTags();
  }

  /** Creates a tag (under `parent`, if given). */
  create(name: string, color?: Color, parent?: string | null): Tag {
    this.#gate.check({ type: 'tag.created', tag: { id: DRAFT_ID, name, color: color ?? DEFAULT_COLOR } });
    return this.#record('tag.created', this.#store.createTag(name, color, parent), false);
  }

  /**
   * The tag with this name (case-insensitive), made if there is none; another process making the
   * same tag at the same moment gets the same one.
   */
  ensure(name: string, color?: Color): Tag {
    const existing = findTagByName(this.#store.listTags(), name);
    if (existing) {
      const tag = this.#store.ensureTag(name, color);
      this.#events.emit('tags.changed', { ids: [tag.id], annotations: false });
      return tag;
    }
    this.#gate.check({ type: 'tag.created', tag: { id: DRAFT_ID, name, color: color ?? DEFAULT_COLOR } });
    return this.#record('tag.created', this.#store.ensureTag(name, color), false);
  }

  /** Renames a tag everywhere at once. */
  rename(id: string, name: string): Tag {
    this.#checkUpdate(id, { name });
    return this.#record('tag.updated', this.#store.renameTag(id, name), true);
  }

  /** Gives a tag another colour. */
  recolor(id: string, color: Color): Tag {
    this.#checkUpdate(id, { color });
    return this.#record('tag.updated', this.#store.recolorTag(id, color), false);
  }

  /** Files a tag under another (null: at the top level). */
  setParent(id: string, parent: string | null): Tag {
    this.#checkUpdate(id, parent === null ? {} : { parent });
    return this.#record('tag.updated', this.#store.setTagParent(id, parent), false);
  }

  /** Merges tag `from` into `into`; the store keeps the record for `restore`. */
  merge(from: string, into: string): { tag: Tag; annotations: number } {
    const change: LocalChange = { type: 'tag.merged', from, into };
    this.#gate.check(change);
    const merged = this.#store.mergeTags(from, into);
    this.#gate.record(change);
    this.#events.emit('tags.changed', { ids: [from, into], annotations: true });
    return merged;
  }

  /** Deletes a tag; the store keeps the record for `restore`. */
  delete(id: string): { tag: Tag; annotations: number } {
    const change: LocalChange = { type: 'tag.deleted', id };
    this.#gate.check(change);
    const deleted = this.#store.deleteTag(id);
    this.#gate.record(change);
    this.#events.emit('tags.changed', { ids: [id], annotations: true });
    return deleted;
  }

  /** Brings back a tag deleted or merged away, as it was, on the annotations that carried it. */
  restore(id: string): Tag {
    this.#gate.check({ type: 'tag.restored', tag: { id, name: id, color: DEFAULT_COLOR } });
    return this.#record('tag.restored', this.#store.restoreTag(id), true);
  }

  /**
   * Brings the tags in line with the vocabulary of the group the corpus is shared with (tags
   * first, so that the annotations written next find theirs). Announced as a remote change.
   */
  applyShared(plan: TagSyncPlan): number {
    if (isEmptyTagPlan(plan)) return 0;
    const count = this.#store.applySharedTags(plan);
    const ids = [...plan.upserts.map((tag) => tag.id), ...plan.merges.flatMap((merge) => [merge.from, merge.into]), ...plan.deletes];
    if (count > 0) this.#events.emit('tags.changed', { ids, annotations: true, origin: 'remote' });
    return count;
  }

  #checkUpdate(id: string, patch: Partial<Tag>): void {
    const current = this.#store.getTag(id);
    if (current) this.#gate.check({ type: 'tag.updated', tag: { ...current, ...patch } });
  }

  #record(type: 'tag.created' | 'tag.updated' | 'tag.restored', tag: Tag, annotations: boolean): Tag {
    this.#gate.record({ type, tag });
    this.#events.emit('tags.changed', { ids: [tag.id], annotations });
    return tag;
  }
}
