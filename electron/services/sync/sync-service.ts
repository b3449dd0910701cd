/**
 * Sharing the project's corpus with a group: joining it, keeping the project and the group's
 * documents in step while connected, and putting every local change to the group's rules.
 *
 * The project stays the store of record. Each change the annotation and tag services make is
 * checked here before the store changes (a reader's edit, another member's note are refused with
 * the rule's words) and written into the group's documents once saved; the sync engine keeps
 * those in a local update log, so work done offline is sent on reconnecting. What other members
 * change comes back through the same services (`applyShared`), announced as remote changes so it
 * is never sent back. Sources are shared as the union of the members' corpora.
 */
import type { ShareStatus, ShareView } from '../../../core/api.ts';
import { DomainError } from '../../../core/errors.ts';
import type { LocalChange } from '../../../core/share/model.ts';
import { isName } from '../../../core/share/names.ts';
import type { ShareError } from '../../../core/share/errors.ts';
import type { Role } from '../../../core/share/roles.ts';
import type { SharedWrite } from '../../../core/share/write-refusal.ts';
import type { AnnotationService } from '../annotation-service.ts';
import type { CorpusService, CorpusWrite } from '../corpus-service.ts';
import type { ServiceEmitter } from '../events.ts';
import type { ProjectStore } from '../store/index.ts';
import type { TagService } from '../tag-service.ts';
import { applyRemote, type PendingRemote, type RemoteApplied } from './apply-remote.ts';
import type { ChangeGate } from './change-gate.ts';
import { CorpusUnion } from './corpus-union.ts';
import { identify } from './identify.ts';
import { forgetSharing, readShareConfig, readToken, serverAddress, stateFile, writeShareConfig, writeToken, type ShareConfig } from './share-config.ts';
import { ShareRefusal } from './share-refusal.ts';
import { SyncEngine, type RemoteChange, type SharedState } from './sync-engine.ts';
import { SyncError } from './sync-error.ts';
import { corpusWriteRefusal, waitingForRole } from './write-refusal.ts';

/** What the service works with. */
export interface SyncServiceDeps {
  projectFile: string;
  env: Readonly<Record<string, string | undefined>>;
  store: () => ProjectStore;
  corpus: CorpusService;
  annotations: () => AnnotationService;
  tags: () => TagService;
  events: ServiceEmitter;
  /** Where failures that reach no caller go (never a token). */
  log: (line: string) => void;
  /** Keep syncing after joining (the app), or exchange once and stop (the command line). */
  keepSyncing: boolean;
  /** The engine's reconnection delays and checkpoint interval (tests shorten them). */
  engine?: { reconnect?: { minDelayMs: number; maxDelayMs: number }; checkpointMs?: number };
}

const NO_TOKEN = 'No token for the sync server: join the group again (apparatus share), or set $APPARATUS_SYNC_TOKEN.';

/** What the user gives to join a group. */
export interface JoinRequest {
  server: string;
  group: string;
  token: string;
  /** Checked against the token's owner when given. */
  user?: string;
}

/** See the module comment. One per project and process. */
export class SyncService implements ChangeGate {
  readonly #deps: SyncServiceDeps;
  readonly #union: CorpusUnion;
  readonly #viewListeners = new Set<(view: ShareView) => void>();
  readonly #noticeListeners = new Set<(message: string) => void>();
  readonly #changeListeners = new Set<(applied: RemoteApplied) => void>();
  #config: ShareConfig | null | undefined;
  #engine: SyncEngine | undefined;
  #stops: (() => void)[] = [];
  #pending: PendingRemote = { ids: new Set(), full: false, tags: false };
  #scheduled: Promise<void> | undefined;
  #corpusWanted = false;
  #lastState = '';
  #closed = false;

  constructor(deps: SyncServiceDeps) {
    this.#deps = deps;
    this.#union = new CorpusUnion({
      corpus: deps.corpus,
      store: deps.store,
      notice: (message) => this.#notice(message),
      log: deps.log,
      now: () => new Date(),
    });
    // A source imported or edited here joins the group's corpus while connected.
    deps.events.on('corpus.changed', () => {
      if (this.#engine && this.#lastState === 'synced') this.#schedule({ corpus: true });
    });
  }

  /** Whether the project shares its corpus with a group. */
  joined(): boolean {
    if (this.#config === undefined) this.#config = readShareConfig(this.#deps.store()) ?? null;
    return this.#config !== null;
  }

  /** Whether the project's replica of the group's documents is open (there is something to close). */
  active(): boolean {
    return this.#engine !== undefined;
  }

  /** Whether and how the project shares, and where syncing stands. */
  view(): ShareView {
    if (!this.joined() || !this.#config) return { joined: false };
    const engine = this.#open();
    const { server, group, user } = this.#config;
    return { joined: true, server, group, user, role: this.role() ?? null, status: engine.status(), members: engine.members() };
  }

  /**
   * The member's role in the group: as the group's member list says it, else as the server last
   * said it (kept in the project); undefined when the project shares nothing or no answer ever came.
   */
  role(): Role | undefined {
    if (!this.joined() || !this.#config) return undefined;
    return this.#open().role() ?? this.#config.role;
  }

  /**
   * Why syncing cannot go on until the user does something (no token, or the server refused this
   * member: a wrong or revoked token, no longer a member); undefined while it syncs, waits for the
   * network or the server, or the project shares nothing. Changes the server refuses while the
   * rest syncs (a member made a reader) do not stop it.
   */
  stoppedReason(): string | undefined {
    if (!this.joined()) return undefined;
    if (!this.#token()) return NO_TOKEN;
    const engine = this.#open();
    const status = engine.status();
    return status.state === 'error' && !engine.refusesWaiting() ? status.reason : undefined;
  }

  /** Where syncing stands (offline before connecting); undefined when the project shares nothing. */
  status(): ShareStatus | undefined {
    if (!this.joined()) return undefined;
    return this.#open().status();
  }

  /**
   * Joins the group at `server` with `token`: asks the server whose token it is, keeps the token
   * in a file only this account can read, publishes the project's work and corpus and receives
   * the group's, then keeps syncing. Refused with the server's reason (wrong or revoked token,
   * not a member) or when it cannot be reached.
   */
  async join(request: JoinRequest): Promise<ShareView> {
    const url = serverAddress(request.server);
    if (!url) throw new DomainError('invalid-input', `“${request.server}” is not a server address: give one like wss://sync.example.edu or ws://127.0.0.1:7480.`);
    if (!isName(request.group)) throw new DomainError('invalid-input', `“${request.group}” cannot name a group: use lower-case letters, digits, “.”, “_” and “-”.`);
    const current = this.joined() ? this.#config : null;
    if (current && (current.group !== request.group || current.server !== url)) {
      throw new DomainError('conflict', `This project already shares its corpus with the group “${current.group}” on ${current.server}. Stop sharing it first.`);
    }
    const identity = await identify(url, request.group, request.token);
    const wanted = request.user?.trim();
    if (wanted && wanted !== identity.user) throw new ShareRefusal(`This token belongs to “${identity.user}”, not to “${wanted}”.`);
    if (current && current.user !== identity.user) {
      throw new DomainError('conflict', `This project shares its corpus as “${current.user}”; the token belongs to “${identity.user}”. Stop sharing it first.`);
    }
    writeToken(this.#deps.projectFile, request.token);
    this.#config = { server: url, group: request.group, user: identity.user, role: identity.role };
    writeShareConfig(this.#deps.store(), this.#config);
    this.#reopen();
    await this.exchange(60_000);
    if (this.#deps.keepSyncing) this.connect();
    return this.view();
  }

  /** Starts syncing (the app does at start, and when asked again after an error); keeps reconnecting. */
  connect(): ShareView {
    if (!this.joined()) return { joined: false };
    const engine = this.#open();
    if (!this.#token()) {
      this.#notice('Your token for the sync server is missing: join the group again (File ▸ Join…, or apparatus share).');
      return this.view();
    }
    engine.disconnect();
    engine.connect();
    return this.view();
  }

  /** Stops syncing; changes keep being recorded and wait. */
  disconnect(): void {
    this.#engine?.disconnect();
  }

  /**
   * Connects, exchanges everything once (the group's work in, this project's out, the corpus
   * union) and disconnects. Resolves once the server holds every local change and this project
   * holds what the server had; rejects with the reason when the server refuses, or when the whole
   * exchange is not done within `timeoutMs` (one budget for every step, not one for each).
   */
  async exchange(timeoutMs: number): Promise<ShareStatus> {
    if (!this.joined()) throw new DomainError('not-found', 'This project does not share its corpus with a group: join one first (apparatus share).');
    const engine = this.#open();
    if (!this.#token()) throw new DomainError('not-found', NO_TOKEN);
    engine.disconnect();
    engine.connect();
    const deadline = this.#deadline(engine, timeoutMs);
    try {
      try {
        await deadline.race(this.#settled(engine));
      } catch (error) {
        // Changes the server refuses (the member became a reader while they waited) stay waiting,
        // and the status says so; the group's work and the new role still come in.
        if (!engine.refusesWaiting()) throw error;
        await deadline.race(engine.received(timeoutMs));
      }
      this.#schedule({ full: true });
      await deadline.race(this.#drain());
      await deadline.race(this.#union.run(engine));
      if (!engine.refusesWaiting()) await deadline.race(this.#settled(engine));
      await deadline.race(this.#drain());
      return engine.status();
    } finally {
      deadline.clear();
      engine.disconnect();
      // Disconnected, the round's waits for the server end at once: it is over before the
      // project closes.
      await this.#union.idle();
    }
  }

  /**
   * Resolves once connected and in step with the server (nothing waiting), and the group's
   * changes received so far are in the project; rejects as `exchange` does.
   */
  async waitSynced(timeoutMs: number): Promise<ShareStatus> {
    const engine = this.#open();
    const deadline = this.#deadline(engine, timeoutMs);
    try {
      await deadline.race(this.#settled(engine));
    } finally {
      deadline.clear();
    }
    await this.idle();
    return engine.status();
  }

  /** The group's documents as this project's replica holds them (tombstones included). */
  sharedState(): SharedState {
    return this.#open().state();
  }

  /** Stops sharing: the project and the corpus keep everything; the token and the update log go. */
  async leave(): Promise<ShareView> {
    if (!this.joined()) return { joined: false };
    await this.#closeEngine();
    writeShareConfig(this.#deps.store(), null);
    this.#config = null;
    forgetSharing(this.#deps.projectFile);
    this.#viewChanged();
    return { joined: false };
  }

  /** Throws the group's refusal of `change` (naming the role or the author) before the store changes. */
  check(change: LocalChange): void {
    if (!this.joined() || !this.#config) return;
    if (this.role() === undefined) throw waitingForRole(this.#config.group);
    const refusal = this.#open().check(change);
    if (refusal) throw refusal;
  }

  /** Throws the refusal of a change of kind `write` to the shared corpus (a reader's, or before the role is known). */
  checkCorpusWrite(write: CorpusWrite): void {
    const refusal = this.writeRefusal(write);
    if (refusal) throw refusal;
  }

  /** Why a change of kind `write` to the shared corpus would be refused now; null when it may be made or nothing is shared. */
  writeRefusal(write: SharedWrite): ShareError | null {
    if (!this.joined() || !this.#config) return null;
    return corpusWriteRefusal(this.#config.group, this.role(), write);
  }

  /** Writes a saved change into the group's documents, to be sent now or on reconnecting. */
  record(change: LocalChange): void {
    if (!this.joined()) return;
    try {
      this.#open().applyLocal(change);
    } catch (error) {
      this.#deps.log(`a change could not be written for the group: ${(error as Error).message}`);
    }
  }

  /** Calls `listener` whenever the view changes (status, role, members); returns a function that stops it. */
  onView(listener: (view: ShareView) => void): () => void {
    this.#viewListeners.add(listener);
    return () => this.#viewListeners.delete(listener);
  }

  /** Calls `listener` with each notice for the user (a source set aside, a text changed, a review). */
  onNotice(listener: (message: string) => void): () => void {
    this.#noticeListeners.add(listener);
    return () => this.#noticeListeners.delete(listener);
  }

  /** Calls `listener` after the project took in what other members changed. */
  onRemoteApplied(listener: (applied: RemoteApplied) => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  /** Resolves once remote changes received so far are in the project and no corpus round runs. */
  async idle(): Promise<void> {
    do {
      await this.#drain();
      await this.#union.idle();
    } while (this.#scheduled);
  }

  /** Stops syncing and closes the update log. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#closeEngine();
  }

  #token(): string | undefined {
    return readToken(this.#deps.projectFile, this.#deps.env);
  }

  #open(): SyncEngine {
    if (this.#engine) return this.#engine;
    if (this.#closed) throw new SyncError('closed', 'Sharing has been stopped for this project.');
    const config = this.#config;
    if (!config) throw new DomainError('not-found', 'This project does not share its corpus with a group.');
    const engine = SyncEngine.open({
      url: config.server,
      group: config.group,
      user: config.user,
      token: this.#token() ?? '',
      stateFile: stateFile(this.#deps.projectFile),
      rememberedRole: () => this.#config?.role,
      log: this.#deps.log,
      ...this.#deps.engine,
    });
    this.#engine = engine;
    this.#stops = [
      engine.onRemote((change) => this.#remote(change)),
      engine.onStatus((status) => {
        if (status.state === 'synced' && !this.#lastState.startsWith('synced')) this.#schedule({ full: true, corpus: true });
        this.#lastState = status.state;
        this.#rememberRole();
        this.#viewChanged();
      }),
    ];
    return engine;
  }

  // After joining (a new token, perhaps a new user): the engine is made again from the config.
  #reopen(): void {
    const engine = this.#engine;
    this.#engine = undefined;
    for (const stop of this.#stops) stop();
    if (engine) void engine.close();
    this.#open();
  }

  async #closeEngine(): Promise<void> {
    await this.#drain().catch(() => undefined);
    for (const stop of this.#stops) stop();
    this.#stops = [];
    const engine = this.#engine;
    this.#engine = undefined;
    await engine?.close();
  }

  #remote(change: RemoteChange): void {
    switch (change.type) {
      case 'annotations':
        this.#schedule({ ids: change.annotations.map((annotation) => annotation.id) });
        return;
      case 'tags':
        this.#schedule({ tags: true });
        return;
      case 'members':
        this.#rememberRole();
        this.#viewChanged();
        return;
      case 'corpus':
        this.#schedule({ corpus: true });
        return;
    }
  }

  // Remote changes arrive inside the documents' own transactions: they are applied just after.
  #schedule(what: { ids?: string[]; full?: boolean; tags?: boolean; corpus?: boolean }): void {
    for (const id of what.ids ?? []) this.#pending.ids.add(id);
    if (what.full) this.#pending.full = true;
    if (what.tags) this.#pending.tags = true;
    if (what.corpus) this.#corpusWanted = true;
    this.#scheduled ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.#scheduled = undefined;
      this.#applyPending();
    });
  }

  async #drain(): Promise<void> {
    while (this.#scheduled) await this.#scheduled;
  }

  #applyPending(): void {
    const engine = this.#engine;
    const pending = this.#pending;
    this.#pending = { ids: new Set(), full: false, tags: false };
    if (!engine || !this.#config || this.#closed) return;
    try {
      if (pending.full || pending.ids.size > 0 || pending.tags) {
        const applied = applyRemote(engine, this.#config.user, pending, {
          store: this.#deps.store(),
          tags: this.#deps.tags(),
          annotations: this.#deps.annotations(),
          notice: (message) => this.#notice(message),
        });
        if (applied.annotationIds.length > 0 || applied.tags) for (const listener of [...this.#changeListeners]) listener(applied);
      }
    } catch (error) {
      this.#deps.log(`the group's changes could not be taken into the project: ${(error as Error).message}`);
    }
    if (this.#corpusWanted && engine.status().state !== 'offline' && engine.status().state !== 'error') {
      this.#corpusWanted = false;
      this.#union.run(engine).catch((error: unknown) => this.#deps.log(`the group's corpus could not be brought in: ${(error as Error).message}`));
    }
  }

  // Resolves once the engine is synced; rejects with the reason on an error.
  async #settled(engine: SyncEngine): Promise<void> {
    const status = await engine.settled();
    if (status.state === 'error') throw new ShareRefusal(status.reason);
  }

  // One timer for a whole wait, however many steps it takes: `race` rejects a step still
  // unfinished when it fires, with why (the server not reached, or reached but silent).
  #deadline(engine: SyncEngine, timeoutMs: number): { race<T>(step: Promise<T>): Promise<T>; clear(): void } {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const status = engine.status();
        const reason = status.state === 'offline' ? (status.reason ?? `The server at ${this.#config?.server} cannot be reached.`) : `The server at ${this.#config?.server} did not answer in time.`;
        reject(new SyncError('unreachable', reason));
      }, timeoutMs);
      timer.unref?.();
    });
    expired.catch(() => undefined);
    return {
      race: (step) => Promise.race([step, expired]),
      clear: () => clearTimeout(timer),
    };
  }

  // The role the member list gives is kept in the project, for when it is opened without the server.
  // Called from the engine's own callbacks, also while it closes: it never throws into them.
  #rememberRole(): void {
    const config = this.#config;
    if (!config || this.#closed || !this.#engine) return;
    try {
      const role = this.#engine.role();
      if (role === undefined || role === config.role) return;
      this.#config = { ...config, role };
      writeShareConfig(this.#deps.store(), this.#config);
    } catch (error) {
      if (!(error instanceof SyncError)) this.#deps.log(`the role in the group could not be kept in the project: ${(error as Error).message}`);
    }
  }

  #notice(message: string): void {
    for (const listener of [...this.#noticeListeners]) listener(message);
  }

  #viewChanged(): void {
    if (this.#viewListeners.size === 0) return;
    const view = this.view();
    for (const listener of [...this.#viewListeners]) listener(view);
  }
}
