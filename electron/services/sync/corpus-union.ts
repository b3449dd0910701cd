/**
 * The group's corpus as the union of its members' sources, kept in the corpus folder through the
 * corpus service: sources the group has and this computer lacks are written here; sources this
 * member has and the group lacks are published; the same id with another text keeps the group's
 * copy and sets the local one aside in `set-aside/`, with its own raw file and recipe when they
 * are not the group's, and a notice (nothing is deleted). Each source's raw file and recipe
 * travel with it (so a PDF source's page view works for every member), written where a member has
 * none. Runs while connected, one round at a time.
 */
import { MAX_RAW_BYTES, type SharedRawFile } from '../../../core/share/corpus-doc.ts';
import { planCorpusSync, type LocalSourceFile } from '../../../core/share/corpus-sync-plan.ts';
import type { SharedSourceEntry } from '../../../core/share/model.ts';
import { canWrite } from '../../../core/share/roles.ts';
import { contentHash } from '../content-hash.ts';
import type { CorpusService } from '../corpus-service.ts';
import type { ProjectStore } from '../store/index.ts';
import type { SourcePublication, SyncEngine } from './sync-engine.ts';

// The hash of each source's text as last received from (or published to) the group, by id.
const RECEIVED = 'share-sources';
// The hash of each source's raw file as last received from (or published to) the group, by id.
const RECEIVED_RAW = 'share-raw-files';

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
  /** Raw files too large to share, already said so, by id and hash. */
  readonly #tooLarge = new Set<string>();

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

  // Writes the group's raw file and recipe of `id` where this computer has none.
  #receiveRaw(id: string, raw: SharedRawFile, title: string, receivedRaw: Record<string, string>): void {
    try {
      const kept = this.#targets.corpus.receiveSharedRaw(id, raw);
      if (kept.length > 0) this.#targets.notice(`The group’s raw file of “${title}” (${id}) differs from yours: yours was kept (${kept.join(', ')}).`);
      receivedRaw[id] = raw.hash;
    } catch (error) {
      this.#targets.log(`could not keep the raw file of ${id}: ${(error as Error).message}`);
    }
  }

  // The raw file and recipe of `id` to publish, unless the group has these already or it is too large.
  #rawToShare(id: string, entry: SharedSourceEntry | undefined): SharedRawFile | undefined {
    const raw = this.#targets.corpus.rawOf(id);
    if (!raw) return undefined;
    const hash = contentHash(raw.bytes);
    if (raw.bytes.byteLength > MAX_RAW_BYTES) {
      if (!this.#tooLarge.has(`${id} ${hash}`)) {
        this.#tooLarge.add(`${id} ${hash}`);
        const megabytes = Math.round(MAX_RAW_BYTES / 1024 / 1024);
        this.#targets.notice(`The raw file of ${id} (raw/${raw.name}) is larger than ${megabytes} MB and stays on this computer; its cleaned text is shared.`);
      }
      return undefined;
    }
    if (entry?.raw?.hash === hash) return undefined;
    return { name: raw.name, hash, bytes: raw.bytes, recipe: raw.recipe };
  }

  // A step that needed the server failed. Once disconnected (the exchange's time ran out, the
  // network went) every such step fails alike, and whoever waited is told why: that is no
  // failure of its own to log, and the next round takes the step again.
  #failed(engine: SyncEngine, line: string): void {
    const state = engine.status().state;
    if (state !== 'offline' && state !== 'error') this.#targets.log(line);
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
    const received = readReceived(store, RECEIVED);
    const receivedRaw = readReceived(store, RECEIVED_RAW);
    const plan = planCorpusSync(local, shared, received, writer);
    for (const { id, hash } of plan.agreed) received[id] = hash;
    const titles = new Map(shared.map((entry) => [entry.id, entry]));
    let arrived = 0;
    for (const step of plan.receive) {
      let fetched;
      try {
        fetched = await engine.fetchSource(step.id, titles.get(step.id)?.raw !== undefined);
      } catch (error) {
        this.#failed(engine, `could not receive the source ${step.id}: ${(error as Error).message}`);
        continue;
      }
      if (!fetched) continue;
      const text = fetched.text.text;
      const hash = contentHash(text);
      const title = titles.get(step.id)?.title ?? step.id;
      if (texts.has(step.id) && texts.get(step.id) !== text) {
        if (step.setAside) {
          // The member's recipe and raw file made the text set aside: left in place, they would
          // stand beside the group's text as if it came from them (and be shared as its raw file).
          // When the group's copy comes without a raw file (one may be too large to send), they
          // stay if the two texts share a past (one text edited on both sides), and go with the
          // text if they never did (two sources that happen to have one id).
          const foreign = fetched.raw ? !sameRaw(corpus.rawOf(step.id), fetched.raw) : received[step.id] === undefined;
          const kept = corpus.setAside(step.id, this.#targets.now().toISOString(), foreign);
          const withRecipe = kept.recipe ? `, its recipe and raw file in ${kept.recipe}` : '';
          this.#targets.notice(`“${title}” (${step.id}) differs from the group’s copy: the group’s copy is now in the corpus, and yours was kept as ${kept.text}${withRecipe} in the corpus folder.`);
        } else {
          this.#targets.notice(`The text of “${title}” was changed by ${fetched.text.by}; its highlights are placed again in the new text when you open it.`);
        }
      }
      if (!texts.has(step.id)) arrived += 1;
      if (texts.get(step.id) !== text) corpus.receiveShared(step.id, text);
      received[step.id] = hash;
      if (fetched.raw) this.#receiveRaw(step.id, fetched.raw, title, receivedRaw);
    }
    // Raw files the group gained for sources whose text this computer has already.
    const fetchedRaw = new Set(plan.receive.map((step) => step.id));
    for (const entry of shared) {
      if (!entry.raw || fetchedRaw.has(entry.id) || receivedRaw[entry.id] === entry.raw.hash || !texts.has(entry.id)) continue;
      try {
        const fetched = await engine.fetchSource(entry.id, true);
        if (fetched?.raw) this.#receiveRaw(entry.id, fetched.raw, entry.title, receivedRaw);
      } catch (error) {
        this.#failed(engine, `could not receive the raw file of ${entry.id}: ${(error as Error).message}`);
      }
    }
    if (arrived > 0) this.#targets.notice(`${arrived === 1 ? 'A source' : `${arrived} sources`} of the group arrived in your corpus.`);
    const publications: SourcePublication[] = [];
    // A source the group holds with this text but without the raw file this computer has gains it.
    const withRaw = writer ? shared.filter((entry) => !entry.raw && texts.has(entry.id) && received[entry.id] === entry.hash && !plan.publish.includes(entry.id)) : [];
    for (const id of [...plan.publish, ...withRaw.map((entry) => entry.id)]) {
      const text = texts.get(id);
      if (text === undefined) continue;
      const raw = this.#rawToShare(id, titles.get(id));
      if (!raw && !plan.publish.includes(id)) continue;
      // A text the group holds already is written after the group's copy, never beside it.
      if (titles.has(id)) {
        try {
          await engine.fetchSource(id, false);
        } catch (error) {
          this.#failed(engine, `could not publish the new text of ${id}: ${(error as Error).message}`);
          continue;
        }
      }
      publications.push({ id, title: corpus.source(id)?.meta.csl.title ?? id, text, hash: contentHash(text), ...(raw ? { raw } : {}) });
    }
    if (publications.length > 0) {
      engine.publishSources(publications);
      for (const publication of publications) {
        received[publication.id] = publication.hash;
        if (publication.raw) receivedRaw[publication.id] = publication.raw.hash;
      }
    }
    store.setSetting(RECEIVED, received);
    store.setSetting(RECEIVED_RAW, receivedRaw);
    engine.releaseSources();
  }
}

// Whether this computer's raw file and recipe of a source are the group's.
function sameRaw(local: { name: string; bytes: Uint8Array; recipe: string } | null, shared: SharedRawFile): boolean {
  return local !== null && local.name === shared.name && local.recipe === shared.recipe && contentHash(local.bytes) === shared.hash;
}

function readReceived(store: ProjectStore, key: string): Record<string, string> {
  const value = store.getSetting(key);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const result: Record<string, string> = {};
  for (const [id, hash] of Object.entries(value)) if (typeof hash === 'string') result[id] = hash;
  return result;
}
