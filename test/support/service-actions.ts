/**
 * Random actions on a shared project, made the way the app makes them: through its annotation and
 * tag services, on what the project's own store shows. Each action is recorded in the ledger of
 * the sharing tests (test/support/share-actions.ts) only when it really changed something, so that
 * what the group must keep can be checked once everyone has synced.
 */
import type { Annotation } from '../../core/annotate/model.ts';
import { COLORS } from '../../core/annotate/palette.ts';
import { tagNameKey } from '../../core/annotate/tag-names.ts';
import { readingText } from '../../core/corpus/reading-text.ts';
import { DomainError } from '../../core/errors.ts';
import type { SharedAnnotation, SharedVocabulary } from '../../core/share/model.ts';
import type { AppServices } from '../../electron/services/app-services.ts';
import type { ActionSeed, Ledger, ReplicaView } from './share-actions.ts';

/** A project acting as one member on one computer. */
export interface ActingProject {
  label: string;
  user: string;
  services: AppServices;
}

const SOURCES = ['edemskiy-2019', 'memorie-kapo', 'pilaca-nako-2021'];
const WORDS = ['Vlora', 'base', 'submarines', 'Khrushchev', 'Hoxha', 'Sazan', 'treaty', 'fleet'];

// Weighted towards what the acceptance asks for: create, edit notes, tag, delete, re-attach.
const KINDS = [
  'create', 'create', 'create', 'note', 'note', 'note', 'color', 'tag', 'tag', 'tag', 'untag', 'reattach', 'reattach',
  'delete', 'delete', 'undo-delete', 'tag-create', 'tag-create', 'tag-rename', 'tag-merge', 'tag-delete',
] as const;

/** The replica's view as the ledger reads it: the group's documents, tombstones included. */
export function sharedView(project: ActingProject): ReplicaView {
  const { annotations, vocabulary } = project.services.sync.sharedState();
  return { annotations, vocabulary };
}

/** Performs the action `seed` on `project`; returns what it did, for messages. */
export function performServiceAction(project: ActingProject, seed: ActionSeed, ledger: Ledger): string {
  const { services, label, user } = project;
  const kind = KINDS[seed.kind % KINDS.length] ?? 'create';
  const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
  const annotations = services.annotations.list({});
  const own = annotations.filter((annotation) => annotation.author === undefined || annotation.author === user);
  const tags = services.tags.list();
  const attempt = (what: string, work: () => void): string => {
    try {
      work();
      return what;
    } catch (error) {
      // The group's rules and the store refuse some actions (another's note, a name taken): as a user sees them.
      if (error instanceof DomainError) return `${what}: refused (${error.message})`;
      throw error;
    }
  };
  const textOf = (sourceId: string) => readingText(services.corpus.get(sourceId)).text;
  const range = (sourceId: string, a: number, b: number) => {
    const text = textOf(sourceId);
    const start = a % Math.max(1, text.length - 80);
    return { start, end: start + 5 + (b % 60) };
  };
  switch (kind) {
    case 'create': {
      const sourceId = pick(SOURCES, seed.a) ?? 'edemskiy-2019';
      const tag = seed.b % 2 === 0 ? pick(tags, seed.c) : undefined;
      return attempt('create', () => {
        const made = services.annotations.create({ sourceId, ...range(sourceId, seed.b, seed.c), color: pick(COLORS, seed.c), tags: tag ? [tag.id] : [] });
        ledger.annotations.add(made.id);
        if (tag) ledger.tagAdded(label, made.id, tag.id);
      });
    }
    case 'note': {
      const target = pick(own, seed.a);
      if (!target) return 'note: nothing';
      const marker = `⟦${label}·${ledger.tick()}⟧`;
      return attempt(`note ${target.id}`, () => {
        services.annotations.update(target.id, { note: `${target.note}${marker}` });
        ledger.markers.set(marker, target.id);
        ledger.edited(target.id, label);
      });
    }
    case 'color': {
      const target = pick(own, seed.a);
      const color = pick(COLORS, seed.b) ?? 'green';
      if (!target || target.color === color) return 'color: nothing';
      return attempt(`color ${target.id}`, () => {
        services.annotations.update(target.id, { color });
        ledger.colored(target.id, color);
        ledger.edited(target.id, label);
      });
    }
    case 'tag': {
      const target = pick(annotations, seed.a);
      const tag = pick(tags, seed.b);
      if (!target || !tag || target.tags.includes(tag.id)) return 'tag: nothing';
      return attempt(`tag ${target.id}`, () => {
        services.annotations.update(target.id, { tags: [...target.tags, tag.id] });
        ledger.tagAdded(label, target.id, tag.id);
        if (target.author === undefined || target.author === user) ledger.edited(target.id, label);
      });
    }
    case 'untag': {
      const target = pick(annotations.filter((annotation) => annotation.tags.length > 0), seed.a);
      const tag = target && pick(target.tags, seed.b);
      if (!target || !tag) return 'untag: nothing';
      const view = sharedView(project);
      return attempt(`untag ${target.id}`, () => {
        services.annotations.update(target.id, { tags: target.tags.filter((id) => id !== tag) });
        ledger.tagRemoved(label, target.id, tag, meaningIn(view.vocabulary));
        if (target.author === undefined || target.author === user) ledger.edited(target.id, label);
      });
    }
    case 'reattach': {
      const target = pick(own, seed.a);
      if (!target) return 'reattach: nothing';
      const next = range(target.sourceId, seed.b * 7 + 13, seed.c);
      if (next.start === target.position.start && next.end === target.position.end) return 'reattach: same place';
      return attempt(`reattach ${target.id}`, () => {
        services.annotations.reattach(target.id, next.start, next.end);
        ledger.edited(target.id, label);
      });
    }
    case 'delete': {
      const target = pick(own.length > 0 ? own : annotations, seed.a);
      if (!target) return 'delete: nothing';
      return attempt(`delete ${target.id}`, () => {
        services.annotations.delete(target.id);
        ledger.deleted(target.id, label);
      });
    }
    case 'undo-delete': {
      const view = sharedView(project);
      const target = pick(view.annotations.filter((annotation) => annotation.status === 'deleted' && annotation.author === user), seed.a);
      if (!target) return 'undo-delete: nothing';
      // Only this computer's own deletions are in its undo record; the others are refused.
      return attempt(`undo-delete ${target.id}`, () => void services.annotations.restore(target.id));
    }
    case 'tag-create': {
      const name = `${pick(WORDS, seed.a)} ${seed.b % 7}`;
      if (tags.some((tag) => tagNameKey(tag.name) === tagNameKey(name))) return 'tag-create: name taken';
      return attempt('tag-create', () => void ledger.tags.add(services.tags.create(name, pick(COLORS, seed.c)).id));
    }
    case 'tag-rename': {
      const tag = pick(tags, seed.a);
      const name = `${pick(WORDS, seed.b)} ${seed.c % 11}`;
      if (!tag || tags.some((other) => tagNameKey(other.name) === tagNameKey(name))) return 'tag-rename: nothing';
      return attempt(`tag-rename ${tag.id}`, () => {
        services.tags.rename(tag.id, name);
        ledger.renamed(tag.id, name);
      });
    }
    case 'tag-merge': {
      const from = pick(tags, seed.a);
      const into = pick(tags, seed.b);
      if (!from || !into || from.id === into.id) return 'tag-merge: nothing';
      return attempt(`tag-merge ${from.id}`, () => void services.tags.merge(from.id, into.id));
    }
    case 'tag-delete': {
      const tag = pick(tags, seed.a);
      if (!tag) return 'tag-delete: nothing';
      return attempt(`tag-delete ${tag.id}`, () => void services.tags.delete(tag.id));
    }
  }
}

/** What a replica's store shows of its annotations, as comparable across replicas: authors named. */
export function storeView(project: ActingProject): Record<string, unknown>[] {
  return project.services.annotations.list({}).map((annotation: Annotation) => ({ ...annotation, author: annotation.author ?? project.user, review: annotation.review ?? false }));
}

/** The annotations a store must hold for the group's documents `view` say: live and in review. */
export function expectedFromShared(view: ReplicaView, me: string): { id: string; note: string; color: string; review: boolean; author: string; tags: string[] }[] {
  return view.annotations
    .filter((annotation: SharedAnnotation) => annotation.status !== 'deleted')
    .map((annotation) => ({ id: annotation.id, note: annotation.note, color: annotation.color, review: annotation.status === 'review', author: annotation.author === me ? me : annotation.author, tags: annotation.tags }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function meaningIn(vocabulary: SharedVocabulary): (raw: string) => string | null {
  const live = new Set(vocabulary.tags.map((tag) => tag.id));
  return (raw) => (live.has(raw) ? raw : (vocabulary.aliases[raw] ?? null));
}
