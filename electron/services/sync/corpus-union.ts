/**
 * The group's corpus as the union of its members' sources, kept in the corpus folder through the
 * corpus service: sources the group has and this computer lacks are written here; sources this
 * member has and the group lacks are published; the same id with another text keeps the group's
 * copy and sets the local one aside in `set-aside/` with a notice (nothing is deleted). Runs while
 * connected, one round at a time.
 */
import { planCorpusSync, type LocalSourceFile } from '../../../core/share/corpus-sync-plan.ts';
import { canWrite } from '../../../core/share/roles.ts';
import { contentHash } from '../content-hash.ts';
import type { CorpusService } from '../corpus-service.ts';
import type { ProjectStore } from '../store/index.ts';
import type { SourcePublication, SyncEngine } from './sync-engine.ts';

// The hash of each source's text as last received from (or published to) the group, by id.
const RECEIVED = 'share-sources';

/** Where the union reads and writes. */
export interface CorpusTargets {
  corpus: CorpusService;
  /** The project's store as it is now: a restore replaces it. */
  store(): ProjectStore;
  notice(message: string): void;
  log(line: string): void;
  now(): Date;
}

/** Runs rounds of the union; a round asked for while one runs follows it. */
export class CorpusUnion {
  readonly #targets: CorpusTargets;
  #running: Promise<void> | undefined;
  #again = false;

  constructor(targets: CorpusTargets) {
    this.#targets = targets;
  }

  /** Brings the corpus folder and the group's corpus together; resolves once no round is left. */
  run(engine: SyncEngine): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#round(engine);
        } while (this.#again);
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  /** Resolves once no round runs. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running.catch(() => undefined);
  }

  async #round(engine: SyncEngine): Promise<void> {
    const { corpus } = this.#targets;
    const store = this.#targets.store();
    const role = engine.role();
    const writer = role === undefined || canWrite(role);
    const texts = new Map<string, string>();
    const local: LocalSourceFile[] = [];
    for (const summary of corpus.list()) {
      if (summary.problem) continue;
      const text = corpus.sourceText(summary.id);
      texts.set(summary.id, text);
      local.push({ id: summary.id, hash: contentHash(text) });
    }
    const shared = engine.sources();
    const received = readReceived(store);
    const plan = planCorpusSync(local, shared, received, writer);
    for (const { id, hash } of plan.agreed) received[id] = hash;
    const titles = new Map(shared.map((entry) => [entry.id, entry]));
    let arrived = 0;
    for (const step of plan.receive) {
      let fetched;
      try {
        fetched = await engine.fetchSource(step.id, false);
      } catch (error) {
        this.#targets.log(`could not receive the source ${step.id}: ${(error as Error).message}`);
        continue;
      }
      if (!fetched) continue;
      const text = fetched.text.text;
      const hash = contentHash(text);
      const title = titles.get(step.id)?.title ?? step.id;
      if (texts.has(step.id) && texts.get(step.id) !== text) {
        if (step.setAside) {
          const kept = corpus.setAside(step.id, this.#targets.now().toISOString());
          this.#targets.notice(`“${title}” (${step.id}) differs from the group’s copy: the group’s copy is now in the corpus, and yours was kept as ${kept} in the corpus folder.`);
        } else {
          this.#targets.notice(`The text of “${title}” was changed by ${fetched.text.by}; its highlights are placed again in the new text when you open it.`);
        }
      }
      if (!texts.has(step.id)) arrived += 1;
      if (texts.get(step.id) !== text) corpus.receiveShared(step.id, text);
      received[step.id] = hash;
    }
    if (arrived > 0) this.#targets.notice(`${arrived === 1 ? 'A source' : `${arrived} sources`} of the group arrived in your corpus.`);
    const publications: SourcePublication[] = [];
    for (const id of plan.publish) {
      const text = texts.get(id);
      if (text === undefined) continue;
      // A text the group holds already is written after the group's copy, never beside it.
      if (titles.has(id)) {
        try {
          await engine.fetchSource(id, false);
        } catch (error) {
          this.#targets.log(`could not publish the new text of ${id}: ${(error as Error).message}`);
          continue;
        }
      }
      publications.push({ id, title: corpus.source(id)?.meta.csl.title ?? id, text, hash: contentHash(text) });
    }
    if (publications.length > 0) {
      engine.publishSources(publications);
      for (const publication of publications) received[publication.id] = publication.hash;
    }
    store.setSetting(RECEIVED, received);
    engine.releaseSources();
  }
}

function readReceived(store: ProjectStore): Record<string, string> {
  const value = store.getSetting(RECEIVED);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const result: Record<string, string> = {};
  for (const [id, hash] of Object.entries(value)) if (typeof hash === 'string') result[id] = hash;
  return result;
}
