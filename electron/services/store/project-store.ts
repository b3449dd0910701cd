/**
 * The project store: annotations, tags and settings in one SQLite database. Every method that
 * changes something is one transaction: it happens completely or, when it throws a `StoreError`,
 * not at all. Methods return plain data, safe to send over IPC.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Annotation, Omission, Tag } from '../../../core/annotate/model.ts';
import { DEFAULT_COLOR } from '../../../core/annotate/palette.ts';
import { checkOmissions } from '../../../core/annotate/omissions.ts';
import { parseAnnotation, parseTag } from '../../../core/annotate/schema.ts';
import { checkTagName, normalizeTagName } from '../../../core/annotate/tag-names.ts';
import { planMerge, planMove, planRename } from '../../../core/annotate/tag-plan.ts';
import { planRestore, recordRemoval, tagRemovalSchema } from '../../../core/annotate/tag-restore.ts';
import type { Color } from '../../../core/annotate/palette.ts';
import type { LocalAnnotation, SharedAnnotationWrite } from '../../../core/share/annotation-sync-plan.ts';
import type { TagSyncPlan } from '../../../core/share/tag-sync-plan.ts';
import * as rows from './annotation-table.ts';
import type { AnnotationFilter } from './annotation-table.ts';
import { listBackups, writeBackup } from './backups.ts';
import type { BackupInfo } from './backups.ts';
import * as schemas from './input-schemas.ts';
import { parseInput } from './input-schemas.ts';
import { jsonProblem } from './json-value.ts';
import type { JsonValue } from './json-value.ts';
import { describeDatabase, integrityCheck } from './open-database.ts';
import type { StoreDiagnostics } from './open-database.ts';
import { toStoreError } from './sqlite-errors.ts';
import type { AnchorUpdate, AnnotationInput, AnnotationPatch, Placement } from './store-inputs.ts';
import * as shared from './shared-table.ts';
import { StoreError, StoreRecoveryError } from './store-errors.ts';
import { mustRead, plainTag, requireAnnotation, requireTag, requireTags } from './guards.ts';
import * as tags from './tag-table.ts';
import type { TagWithUsage } from './tag-table.ts';
import { copyIntoDatabase, transact } from './transaction.ts';
import * as trash from './trash-table.ts';
import { retryWhileBusy } from './busy.ts';
import { markProject } from './project-marker.ts';
import { stopSaving } from './stop-saving.ts';
import { setAsideJournal } from './set-aside.ts';
import type { WorkingFiles, WorkingFilesProblem } from './working-files.ts';

/** A trashed annotation as the model's validator accepts it, or `invalid-input` naming the first problem. */
function checkedRecord(record: unknown, refusal: string): Annotation {
  const parsed = parseAnnotation(record);
  if (!parsed.ok) throw new StoreError('invalid-input', `${refusal}: ${parsed.problems[0]}`, { issues: parsed.problems });
  return parsed.value;
}

/**
 * A new highlight's timestamps: now, or for one made in another tool the times it gives, in UTC.
 * A time after `now` is taken as now: another computer's wrong clock must not date a highlight
 * after the ones made here since, nor its last change before its making.
 */
function madeAt(created: string | undefined, modified: string | undefined, now: string): { created: string; modified: string } {
  const atMost = (time: string) => {
    const utc = new Date(time).toISOString();
    return utc < now ? utc : now;
  };
  const made = created === undefined ? now : atMost(created);
  const changed = modified === undefined ? made : atMost(modified);
  return { created: made, modified: changed < made ? made : changed };
}

/** What the store needs besides its database: a clock and an id generator. */
export interface ProjectStoreDeps {
  db: DatabaseSync;
  file: string;
  now: () => Date;
  newId: () => string;
  /** The files the connection opened, checked before each action (none: not checked). */
  files?: WorkingFiles;
  /** How long an action waits for another process's lock in all (default 5 s). */
  busyTimeoutMs?: number;
}

const MAX_SETTING_BYTES = 1_000_000;
// How long a save waits for its commit to reach the project file before it is acknowledged anyway.
const COPY_WAIT_MS = 1000;

/** The open project database. Create it with `openProjectStore`; `close` it when done. */
export class ProjectStore {
  /** The database file. */
  readonly file: string;
  readonly #db: DatabaseSync;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #files: WorkingFiles | undefined;
  readonly #busyTimeoutMs: number;
  // Set once another program removed or replaced the open files: every later action fails so.
  #stopped: StoreError | undefined;
  // Some commits are only in the journal (`-wal`), not yet in the database file.
  #uncopied = false;
  #marked = false;

  constructor(deps: ProjectStoreDeps) {
    this.file = deps.file;
    this.#db = deps.db;
    this.#now = deps.now;
    this.#newId = deps.newId;
    this.#files = deps.files;
    this.#busyTimeoutMs = deps.busyTimeoutMs ?? 5000;
  }

  /** Saves a new highlight and returns it with its new id and timestamps. */
  create(input: AnnotationInput): Annotation {
    const refusal = 'The highlight was not saved';
    const valid = parseInput(schemas.AnnotationInputSchema, input, refusal);
    const time = this.#now().toISOString();
    const { created, modified } = madeAt(valid.created, valid.modified, time);
    const annotation: Annotation = {
      id: this.#newId(),
      sourceId: valid.sourceId,
      quote: valid.quote,
      position: valid.position,
      color: valid.color ?? DEFAULT_COLOR,
      tags: [...new Set(valid.tags ?? [])],
      note: valid.note ?? '',
      omissions: [],
      created,
      modified,
      anchor: valid.anchor ?? 'anchored',
    };
    return this.#write((db) => {
      requireTags(db, annotation.tags, refusal);
      rows.insertAnnotation(db, annotation);
      return mustRead(db, annotation.id);
    });
  }

  /** The annotation `id` with its tags, or undefined if there is none. */
  get(id: string): Annotation | undefined {
    const valid = parseInput(schemas.IdSchema, id, 'The highlight could not be read');
    return this.#read((db) => rows.selectAnnotation(db, valid));
  }

  /**
   * The annotations of one source, or carrying one tag (with `includeChildTags`, or any tag
   * below it), or all; ordered by source, then by position in the reading text.
   */
  list(filter: AnnotationFilter = {}): Annotation[] {
    const refusal = 'The highlights could not be listed';
    const valid = parseInput(schemas.ListFilterSchema, filter, refusal);
    return this.#read((db) => {
      if (valid.tagId !== undefined) requireTag(db, valid.tagId, refusal);
      return rows.selectAnnotations(db, valid);
    });
  }

  /** Changes the note, colour, tags and/or quotation cuts of annotation `id`; returns it as saved. */
  update(id: string, patch: AnnotationPatch): Annotation {
    const refusal = 'The highlight was not changed';
    const validId = parseInput(schemas.IdSchema, id, refusal);
    const valid = parseInput(schemas.AnnotationPatchSchema, patch, refusal);
    return this.#write((db) => {
      const current = requireAnnotation(db, validId, refusal);
      const next: Annotation = {
        ...current,
        note: valid.note ?? current.note,
        color: valid.color ?? current.color,
        omissions: valid.omissions ?? current.omissions,
        modified: this.#now().toISOString(),
      };
      const problem = valid.omissions ? checkOmissions(current.quote.exact, valid.omissions) : null;
      if (problem !== null) throw new StoreError('invalid-input', `${refusal}: ${problem}.`);
      rows.updateAnnotationFields(db, next);
      if (valid.tags !== undefined) {
        const tagIds = [...new Set(valid.tags)];
        requireTags(db, tagIds, refusal);
        rows.writeTags(db, validId, tagIds);
      }
      return mustRead(db, validId);
    });
  }

  /**
   * Deletes annotation `id` and returns it, tags included. The store keeps what it was, so that
   * `restore(id)` can undo this.
   */
  delete(id: string): Annotation {
    const refusal = 'The highlight was not deleted';
    const validId = parseInput(schemas.IdSchema, id, refusal);
    return this.#write((db) => {
      const current = requireAnnotation(db, validId, refusal);
      rows.deleteAnnotation(db, validId);
      trash.pushAnnotation(db, 'deleted', current, this.#now().toISOString());
      return current;
    });
  }

  /**
   * The newest earlier state the store kept of annotation `id` (what a deletion or a re-attachment
   * took away), checked with the model's own validator; undefined when there is none.
   */
  trashed(id: string): Annotation | undefined {
    const refusal = 'The highlight could not be restored';
    const validId = parseInput(schemas.IdSchema, id, refusal);
    return this.#read((db) => {
      const kept = trash.latestAnnotation(db, validId);
      return kept ? checkedRecord(kept.record, refusal) : undefined;
    });
  }

  /**
   * Undoes the newest deletion or re-attachment of annotation `id` from the store's own record:
   * a deleted annotation comes back exactly as it was (same id, timestamps, tag order and cuts),
   * a re-attached one gets its earlier quote, position and cuts back. `placement`, the record
   * re-anchored against the source's current text, replaces the recorded position and status.
   * Refused with `already-exists` for an annotation that is there and was not re-attached,
   * `nothing-to-restore` for one that was never deleted, and `unknown-tag` when one of its tags
   * has since been deleted.
   */
  restore(id: string, placement?: Placement): Annotation {
    const refusal = 'The highlight could not be restored';
    const validId = parseInput(schemas.IdSchema, id, refusal);
    const where = placement === undefined ? undefined : parseInput(schemas.PlacementSchema, placement, refusal);
    return this.#write((db) => {
      const present = rows.selectAnnotation(db, validId);
      const kept = trash.latestAnnotation(db, validId);
      if (!kept || (kept.reason === 'deleted') !== (present === undefined)) {
        if (present) throw new StoreError('already-exists', `${refusal}: it is already in the project.`);
        throw new StoreError('nothing-to-restore', `${refusal}: it was never deleted, so there is nothing to bring back.`);
      }
      const record = checkedRecord(kept.record, refusal);
      const placed = where ? { ...record, position: where.position, anchor: where.anchor } : record;
      if (present) {
        rows.updateSelectors(db, { ...present, quote: placed.quote, position: placed.position, anchor: placed.anchor, omissions: placed.omissions, modified: placed.modified });
      } else {
        requireTags(db, placed.tags, refusal);
        rows.insertAnnotation(db, placed);
      }
      trash.dropRecord(db, 'annotation_trash', kept.seq);
      return mustRead(db, validId);
    });
  }

  /**
   * Attaches annotation `id` to another passage (an orphan the user re-attached, or the undo of
   * that): new quote and position, status `anchored`. Note, colour and tags stay.
   */
  reattach(id: string, selectors: { quote: Annotation['quote']; position: Annotation['position'] }): Annotation {
    const refusal = 'The highlight was not re-attached';
    const validId = parseInput(schemas.IdSchema, id, refusal);
    const valid = parseInput(schemas.ReattachSchema, selectors, refusal);
    return this.#write((db) => {
      const current = requireAnnotation(db, validId, refusal);
      trash.pushAnnotation(db, 'reattached', current, this.#now().toISOString());
      // Cuts are ranges of the old quote: they mean nothing in the new one.
      rows.updateSelectors(db, { ...current, ...valid, anchor: 'anchored', omissions: [], modified: this.#now().toISOString() });
      return mustRead(db, validId);
    });
  }

  /**
   * Gives annotation `id` another extent in its source (the user dragged an end, or undid that):
   * new quote and position, status `anchored`, and `omissions`, checked against the new quote.
   * Note, colour and tags stay. Nothing is kept to restore: the change is undone by another.
   */
  reposition(id: string, selectors: { quote: Annotation['quote']; position: Annotation['position'] }, omissions: readonly Omission[]): Annotation {
    const refusal = 'The highlight was not changed';
    const validId = parseInput(schemas.IdSchema, id, refusal);
    const valid = parseInput(schemas.ReattachSchema, selectors, refusal);
    const problem = checkOmissions(valid.quote.exact, omissions);
    if (problem !== null) throw new StoreError('invalid-input', `${refusal}: ${problem}.`);
    return this.#write((db) => {
      const current = requireAnnotation(db, validId, refusal);
      rows.updateSelectors(db, { ...current, ...valid, anchor: 'anchored', omissions: [...omissions], modified: this.#now().toISOString() });
      return mustRead(db, validId);
    });
  }

  /**
   * Saves the results of re-anchoring, all in one transaction: either every annotation gets its
   * new position and status, or (if one id is unknown) none does. `modified` is left alone:
   * re-anchoring is not an edit by the user. Returns how many annotations were updated.
   */
  setAnchors(updates: AnchorUpdate[]): number {
    const refusal = 'The new highlight positions were not saved';
    const valid = parseInput(schemas.AnchorUpdatesSchema, updates, refusal);
    return this.#write((db) => {
      for (const update of valid) {
        if (!rows.updateAnchor(db, update.id, update.position, update.anchor)) {
          const message = `${refusal}: the highlight ${update.id} no longer exists.`;
          throw new StoreError('not-found', message);
        }
      }
      return valid.length;
    });
  }

  /**
   * Every annotation with where its author placed it (local re-anchoring moves `position`), for
   * comparing the project with the documents of a group it shares a corpus with.
   */
  localAnnotations(): Map<string, LocalAnnotation> {
    return this.#read((db) => {
      const placements = shared.selectPlacements(db);
      const found = new Map<string, LocalAnnotation>();
      for (const annotation of rows.selectAnnotations(db, {})) {
        found.set(annotation.id, { annotation, placed: placements.get(annotation.id) ?? annotation.position });
      }
      return found;
    });
  }

  /**
   * Writes what other members (or this user on another computer) changed, in one transaction,
   * keeping the ids, timestamps and authors they carry. Each annotation is checked as any
   * annotation from outside is; one that fails is left out and named in `skipped`. Returns the
   * ids written.
   */
  applySharedAnnotations(writes: readonly SharedAnnotationWrite[]): { written: string[]; skipped: { id: string; problem: string }[] } {
    const skipped: { id: string; problem: string }[] = [];
    const valid: SharedAnnotationWrite[] = [];
    for (const write of writes) {
      if (write.kind === 'remove') {
        valid.push(write);
        continue;
      }
      const parsed = parseAnnotation(write.annotation);
      if (!parsed.ok) {
        skipped.push({ id: write.annotation.id, problem: parsed.problems[0] ?? 'it is malformed' });
        continue;
      }
      const annotation = { ...parsed.value };
      if (write.annotation.author !== undefined) annotation.author = write.annotation.author;
      if (write.annotation.review) annotation.review = true;
      valid.push(write.kind === 'insert' ? { kind: 'insert', annotation } : { kind: 'update', annotation, reattached: write.reattached });
    }
    if (valid.length === 0) return { written: [], skipped };
    return { written: this.#write((db) => shared.writeSharedAnnotations(db, valid)), skipped };
  }

  /**
   * Brings the tags in line with a group's vocabulary, in one transaction: tags written with the
   * ids the group gave them, merged and deleted as the group did. Tags whose name or colour cannot
   * be kept are left out. Returns how many tags changed.
   */
  applySharedTags(plan: TagSyncPlan): number {
    const upserts = plan.upserts.flatMap((tag) => {
      const parsed = parseTag({ ...tag, name: normalizeTagName(tag.name) });
      return parsed.ok ? [parsed.value] : [];
    });
    const valid = { ...plan, upserts };
    const count = upserts.length + plan.merges.length + plan.deletes.length;
    if (count === 0) return 0;
    this.#write((db) => shared.writeTagSync(db, valid));
    return count;
  }

  /** Keeps an annotation that was waiting for review (its author's choice); returns it. */
  keepReviewed(id: string): Annotation {
    const refusal = 'The highlight was not kept';
    const validId = parseInput(schemas.IdSchema, id, refusal);
    return this.#write((db) => {
      requireAnnotation(db, validId, refusal);
      shared.clearReview(db, validId, this.#now().toISOString());
      return mustRead(db, validId);
    });
  }

  /**
   * Creates a tag. Refused if another tag already has this name in any capitalisation, or if
   * `parent` is not a tag. The name is stored normalised (`normalizeTagName` of core/annotate).
   */
  createTag(name: string, color: Color = DEFAULT_COLOR, parent?: string | null): Tag {
    const refusal = 'The tag was not created';
    const typed = parseInput(schemas.TagNameSchema, name, refusal);
    const validColor = parseInput(schemas.ColorSchema, color, refusal);
    const validParent =
      parent === undefined || parent === null
        ? undefined
        : parseInput(schemas.IdSchema, parent, refusal);
    return this.#write((db) => {
      const checked = checkTagName(tags.selectTags(db), typed);
      const tag: Tag = { id: this.#newId(), name: checked, color: validColor };
      if (validParent !== undefined) tag.parent = requireTag(db, validParent, refusal).id;
      tags.insertTag(db, tag);
      return plainTag(requireTag(db, tag.id, refusal));
    });
  }

  /**
   * The tag called `name` (ignoring case and spacing), created with `color` if there is none yet.
   * Safe when several processes ask at once: the first creates it, the others get that tag.
   */
  ensureTag(name: string, color: Color = DEFAULT_COLOR): Tag {
    const refusal = 'The tag was not created';
    const typed = parseInput(schemas.TagNameSchema, name, refusal);
    const validColor = parseInput(schemas.ColorSchema, color, refusal);
    let named: string;
    try {
      named = checkTagName([], typed);
    } catch (error) {
      throw toStoreError(error, this.file);
    }
    const found = this.#read((db) => tags.selectTagByName(db, named));
    if (found) return plainTag(found);
    return this.#write((db) => {
      tags.insertTagIfNew(db, { id: this.#newId(), name: named, color: validColor });
      return plainTag(tags.selectTagByName(db, named) as TagWithUsage);
    });
  }

  /** Renames tag `id` everywhere at once; changing only the capitals of its own name is allowed. */
  renameTag(id: string, name: string): Tag {
    const refusal = 'The tag was not renamed';
    const validId = parseInput(schemas.IdSchema, id, refusal);
    const typed = parseInput(schemas.TagNameSchema, name, refusal);
    return this.#write((db) => {
      tags.writeTagPlan(db, planRename(tags.selectTags(db), validId, typed));
      return plainTag(requireTag(db, validId, refusal));
    });
  }

  /** Gives tag `id` another colour. */
  recolorTag(id: string, color: Color): Tag {
    const refusal = 'The tag colour was not changed';
    const validId = parseInput(schemas.IdSchema, id, refusal);
    const validColor = parseInput(schemas.ColorSchema, color, refusal);
    return this.#write((db) => {
      requireTag(db, validId, refusal);
      tags.setTagColor(db, validId, validColor);
      return plainTag(requireTag(db, validId, refusal));
    });
  }

  /** Moves tag `id` under `parent` (null: to the top level). Refuses to put a tag inside itself. */
  setTagParent(id: string, parent: string | null): Tag {
    const refusal = 'The tag was not moved';
    const validId = parseInput(schemas.IdSchema, id, refusal);
    const validParent = parent === null ? undefined : parseInput(schemas.IdSchema, parent, refusal);
    return this.#write((db) => {
      tags.writeTagPlan(db, planMove(tags.selectTags(db), validId, validParent));
      return plainTag(requireTag(db, validId, refusal));
    });
  }

  /**
   * Merges tag `fromId` into `intoId`, atomically (`planMerge` of core/annotate): every annotation
   * that carried `from` now carries `into` exactly once, at the place of the first of the two in
   * its list; `from`'s child tags move under `into`; `from` is deleted. Returns `into` and how
   * many annotations carried `from`.
   */
  mergeTags(fromId: string, intoId: string): { tag: Tag; annotations: number } {
    const refusal = 'The tags were not merged';
    const from = parseInput(schemas.IdSchema, fromId, refusal);
    const into = parseInput(schemas.IdSchema, intoId, refusal);
    return this.#write((db) => {
      const carrying = tags.taggedWith(db, from);
      const before = tags.selectTags(db);
      const plan = planMerge(before, carrying, [from], into);
      tags.writeTagPlan(db, plan);
      trash.pushTag(db, recordRemoval(before, from, carrying, plan.updated, into), this.#now().toISOString());
      return { tag: plainTag(requireTag(db, into, refusal)), annotations: carrying.length };
    });
  }

  /**
   * Deletes tag `id`: it disappears from every annotation (the annotations stay) and its child
   * tags move up to its parent. Returns the deleted tag and how many annotations carried it.
   */
  deleteTag(id: string): { tag: Tag; annotations: number } {
    const refusal = 'The tag was not deleted';
    const validId = parseInput(schemas.IdSchema, id, refusal);
    return this.#write((db) => {
      const tag = requireTag(db, validId, refusal);
      const before = tags.selectTags(db);
      const children = before.filter((child) => child.parent === validId);
      const moved = children.map((child) => ({ ...plainTag(child), parent: tag.parent }));
      trash.pushTag(db, recordRemoval(before, validId, tags.taggedWith(db, validId), moved), this.#now().toISOString());
      tags.reparentChildren(db, validId, tag.parent ?? null);
      tags.deleteTagRow(db, validId);
      return { tag: plainTag(tag), annotations: tag.usage };
    });
  }

  /**
   * Undoes the newest deletion or merge of tag `id` from the store's record of it: the tag comes
   * back with its id, name, colour and parent, on exactly the annotations that carried it, with its
   * sub-tags under it again; after a merge, annotations that did not carry the target before it
   * lose the target again. Refused with `already-exists` for a tag that is there,
   * `nothing-to-restore` for one never deleted, and `tag-name-taken` when another tag has its name.
   */
  restoreTag(id: string): Tag {
    const refusal = 'The tag could not be restored';
    const validId = parseInput(schemas.IdSchema, id, refusal);
    return this.#write((db) => {
      if (tags.selectTag(db, validId)) throw new StoreError('already-exists', `${refusal}: it is already in the project.`);
      const kept = trash.latestTag(db, validId);
      if (!kept) throw new StoreError('nothing-to-restore', `${refusal}: it was never deleted, so there is nothing to bring back.`);
      const removal = parseInput(tagRemovalSchema, kept.record, refusal);
      const carriers = removal.carriers.flatMap((carrier) => {
        const annotation = rows.selectAnnotation(db, carrier.id);
        return annotation ? [{ id: annotation.id, tags: annotation.tags }] : [];
      });
      const { tag, plan } = planRestore(tags.selectTags(db), carriers, removal);
      tags.insertTag(db, tag);
      tags.writeTagPlan(db, plan);
      trash.dropRecord(db, 'tag_trash', kept.seq);
      return plainTag(requireTag(db, validId, refusal));
    });
  }

  /** How many annotations carry tag `id` (to ask "delete a tag used 12 times?" before deleting). */
  tagUsage(id: string): number {
    const refusal = 'The tag could not be read';
    const validId = parseInput(schemas.IdSchema, id, refusal);
    return this.#read((db) => requireTag(db, validId, refusal).usage);
  }

  /** Tag `id`, or undefined if there is none. */
  getTag(id: string): Tag | undefined {
    const validId = parseInput(schemas.IdSchema, id, 'The tag could not be read');
    return this.#read((db) => {
      const tag = tags.selectTag(db, validId);
      return tag ? plainTag(tag) : undefined;
    });
  }

  /** Every tag with its usage count, sorted by name ignoring case. */
  listTags(): TagWithUsage[] {
    return this.#read((db) => tags.selectTags(db));
  }

  /** The JSON value saved under `key`, or undefined if none was saved. */
  getSetting(key: string): JsonValue | undefined {
    const validKey = parseInput(schemas.SettingKeySchema, key, 'The setting could not be read');
    return this.#read((db) => {
      const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(validKey);
      return row ? (JSON.parse(String(row.value)) as JsonValue) : undefined;
    });
  }

  /** Saves `value` (plain JSON data) under `key`, replacing what was there. */
  setSetting(key: string, value: JsonValue): void {
    const refusal = 'The setting was not saved';
    const validKey = parseInput(schemas.SettingKeySchema, key, refusal);
    const problem = jsonProblem(value);
    if (problem) {
      throw new StoreError('invalid-input', `${refusal}: ${problem}.`, { issues: [problem] });
    }
    const text = JSON.stringify(value);
    if (text.length > MAX_SETTING_BYTES) {
      const message = `${refusal}: the value is larger than a million characters.`;
      throw new StoreError('invalid-input', message);
    }
    this.#write((db) => {
      db.prepare(
        `INSERT INTO settings (key, value) VALUES (?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(validKey, text);
    });
  }

  /** The problems SQLite's full `integrity_check` finds; empty when the database is sound. */
  checkIntegrity(): string[] {
    return this.#read((db) => integrityCheck(db));
  }

  /** How the database is configured (journal mode, synchronous level, schema version…). */
  diagnostics(): StoreDiagnostics {
    return this.#read((db) => describeDatabase(db));
  }

  /** Takes a backup now (the "Back up project" command); returns it. */
  backupNow(): BackupInfo {
    return this.#read((db) => writeBackup(db, this.file, 'auto', this.#now()));
  }

  /** The backups of this project, newest first. */
  listBackups(): BackupInfo[] {
    return listBackups(this.file);
  }

  /**
   * Why the store stopped saving, once another program removed or replaced its files; undefined
   * while it works. The project must then be restored or accepted as it is, after closing it.
   */
  get stopped(): StoreRecoveryError | undefined {
    return this.#stopped instanceof StoreRecoveryError ? this.#stopped : undefined;
  }

  /**
   * Closes the database; later calls throw `StoreError('closed')`. Closing twice is harmless.
   * If another program removed or replaced the open files meanwhile, what only this connection
   * still sees is first kept in a recovery copy, which the next open offers to restore.
   */
  close(): void {
    if (!this.#db.isOpen) return;
    if (this.#stopped === undefined && this.#files?.check() === undefined) {
      try {
        this.#db.exec('PRAGMA optimize');
      } catch {
        // Only a query-planner hint; closing matters more.
      }
    } else if (this.#stopped === undefined) {
      try {
        this.#guard();
      } catch {
        // Nobody is left to tell; the recovery copy, if one was needed, now blocks the next open.
      }
    }
    this.#db.close();
    // The journal of a database another program replaced or overwrote must never be replayed into
    // the file now in its place: it is set aside (everything in it is in the recovery copy).
    if (this.#stopped instanceof StoreRecoveryError && this.#stopped.code === 'file-replaced' && this.#files?.ownJournal()) {
      setAsideJournal(this.file, 'abandoned', this.#now());
    }
    this.#files?.release();
  }

  #read<T>(work: (db: DatabaseSync) => T): T {
    const db = this.#open();
    this.#guard();
    try {
      return retryWhileBusy(() => work(db), this.#busyTimeoutMs);
    } catch (error) {
      throw toStoreError(error, this.file);
    }
  }

  #write<T>(work: (db: DatabaseSync) => T): T {
    const db = this.#open();
    this.#guard();
    let result: T;
    try {
      result = retryWhileBusy(() => transact(db, () => work(db)), this.#busyTimeoutMs);
    } catch (error) {
      throw toStoreError(error, this.file);
    }
    // Acknowledged means in the database file: a journal removed by another program later on
    // then takes nothing with it.
    this.#uncopied = !copyIntoDatabase(db, Math.min(this.#busyTimeoutMs, COPY_WAIT_MS));
    if (!this.#marked) this.#marked = markProject(this.file);
    // The files may have changed under the commit itself; if it did not reach the project file,
    // it is in the recovery copy and the error says so.
    const problem = this.#files?.check();
    if (problem !== undefined) {
      const stopped = this.#stop(problem);
      if (this.#uncopied || problem.part === 'database') throw stopped;
    }
    return result;
  }

  #open(): DatabaseSync {
    if (this.#stopped !== undefined) throw this.#stopped;
    if (!this.#db.isOpen) {
      throw new StoreError('closed', 'The project is closed. Reopen it to continue.');
    }
    return this.#db;
  }

  // Before each action: the files must still be the ones this connection opened.
  #guard(): void {
    const problem = this.#files?.check();
    if (problem !== undefined) throw this.#stop(problem);
  }

  #stop(problem: WorkingFilesProblem): StoreError {
    this.#stopped ??= stopSaving(problem, {
      db: this.#db,
      file: this.file,
      now: this.#now(),
      needsCopy: this.#uncopied || problem.part === 'database',
    });
    return this.#stopped;
  }
}
