/**
 * The client side of sharing: one member's replica of a group's documents, kept in a local update
 * log, synced with the server through Hocuspocus over one WebSocket.
 *
 * The app's services call `applyLocal` with each change they announce; the engine writes it into
 * the documents under the group's rules (a refused change is a `ShareError`, and `check` tells
 * before anything changes). Changes from other members arrive through `onRemote` as plain data for
 * the services to apply to the local store. A local change counts as waiting until a checkpoint
 * shows that the server holds it; `status` says synced, syncing, offline (with how many changes
 * wait) or error (with the reason).
 */
import type { ShareStatus } from '../../../core/api.ts';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { annotationsOf, taggingsOf } from '../../../core/share/annotation-doc.ts';
import { applyLocalChange, checkLocalChange, type ShareDocs } from '../../../core/share/apply-change.ts';
import { CHECKPOINT_REQUEST, readCheckpointReply } from '../../../core/share/checkpoint.ts';
import { readCorpus, readRawFile, readSourceText, writeCorpusEntry, writeRawFile, writeSourceText, type SharedRawFile, type SharedSourceText } from '../../../core/share/corpus-doc.ts';
import { ShareError } from '../../../core/share/errors.ts';
import { readMembers } from '../../../core/share/members-doc.ts';
import type { LocalChange, Member, SharedAnnotation, SharedSourceEntry, SharedVocabulary } from '../../../core/share/model.ts';
import { docName, isName, parseDocName } from '../../../core/share/names.ts';
import { canWrite, type Role } from '../../../core/share/roles.ts';
import { readSharedAnnotations } from '../../../core/share/shared-state.ts';
import { readVocabulary, vocabularyOf } from '../../../core/share/vocabulary-doc.ts';
import { SyncError } from './sync-error.ts';
import { loadDocument, UpdateLog } from './update-log.ts';

/** Where and as whom to sync. */
export interface SyncEngineOptions {
  /** The server, `ws://HOST:PORT` or `wss://HOST:PORT`. */
  url: string;
  group: string;
  user: string;
  /** The member's token; never stored or logged by the engine. */
  token: string;
  /** The file keeping this replica's updates (next to the project). */
  stateFile: string;
  /** Bounds of the wait between reconnection attempts, in ms. */
  reconnect?: { minDelayMs: number; maxDelayMs: number };
  /** How often to ask the server which waiting changes it holds, in ms. */
  checkpointMs?: number;
  log?: (line: string) => void;
  /**
   * The role the project remembers from an earlier answer of the server, ruling until this
   * replica holds the group's member list (a reader who opens the project offline still reads).
   */
  rememberedRole?: () => Role | undefined;
}

/** Where syncing stands, as the status indicator shows it (the contract's own type). */
export type SyncStatus = ShareStatus;

/** What other members changed, as plain data for the local store. */
export type RemoteChange =
  | { type: 'annotations'; annotations: SharedAnnotation[] }
  | { type: 'tags'; vocabulary: SharedVocabulary }
  | { type: 'members'; members: Member[] }
  | { type: 'corpus'; sources: SharedSourceEntry[] };

/** The group's state as this replica holds it. */
export interface SharedState {
  annotations: SharedAnnotation[];
  vocabulary: SharedVocabulary;
  members: Member[];
  sources: SharedSourceEntry[];
}

/** What `applyLocal` did: whether the documents changed, and the updates to wait for. */
export interface LocalReceipt {
  changed: boolean;
  updates: number[];
}

/** A source to publish: its entry in the group's index, its cleaned text and, when shared, its raw file. */
export interface SourcePublication {
  id: string;
  title: string;
  text: string;
  hash: string;
  raw?: SharedRawFile;
}

/** A source as the group holds it. */
export interface FetchedSource {
  text: SharedSourceText;
  raw?: SharedRawFile;
}

type Kind = 'members' | 'tags' | 'corpus' | 'annotations' | 'source' | 'raw';

type SocketStatus = 'connected' | 'connecting' | 'disconnected';

interface Tracked {
  name: string;
  kind: Kind;
  /** The member of an annotations document, the source of a source or raw document. */
  key?: string;
  doc: Y.Doc;
  provider?: HocuspocusProvider;
  synced: boolean;
  scope?: string;
}

const LOAD = Symbol('loaded from the local update log');

/** One member's replica of one group. Create it with `SyncEngine.open`, then `connect`. */
export class SyncEngine {
  readonly #options: Required<Omit<SyncEngineOptions, 'reconnect'>> & Pick<SyncEngineOptions, 'reconnect'>;
  readonly #log: UpdateLog;
  readonly #docs = new Map<string, Tracked>();
  readonly #remoteListeners = new Set<(change: RemoteChange) => void>();
  readonly #statusListeners = new Set<(status: SyncStatus) => void>();
  // Told of every handshake and status change, even one that leaves the status as it was.
  readonly #waiters = new Set<() => void>();
  #socket: HocuspocusProviderWebsocket | undefined;
  #socketStatus: SocketStatus = 'disconnected';
  #offlineReason: string | undefined;
  /** The reason the server gave when it last closed the connection, until connected again. */
  #serverReason: string | undefined;
  #failure: string | undefined;
  #receipt: number[] | undefined;
  #checkpointTimer: ReturnType<typeof setInterval> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Failed attempts in a row since the last connection: the next wait doubles with each. */
  #attempts = 0;
  #lastStatus = '';
  #closed = false;
  /** The last update of the log this replica holds: what other processes write comes after. */
  #seen = 0;

  private constructor(options: SyncEngineOptions, log: UpdateLog) {
    this.#options = { checkpointMs: 1000, log: () => {}, rememberedRole: () => undefined, ...options };
    this.#log = log;
  }

  /** Opens the replica from its update log (creating it), without connecting. */
  static open(options: SyncEngineOptions): SyncEngine {
    if (!isName(options.group)) throw new SyncError('local-state', `“${options.group}” cannot name a group.`);
    if (!isName(options.user)) throw new SyncError('local-state', `“${options.user}” cannot name a user.`);
    const engine = new SyncEngine(options, new UpdateLog(options.stateFile, options.group, options.user));
    engine.#track('members');
    engine.#track('corpus');
    engine.#track('tags');
    engine.#track('annotations', options.user);
    engine.#followMembers();
    // Sources published while offline are sent once connected.
    for (const name of engine.#log.waitingDocuments()) {
      const address = parseDocName(name);
      if (address?.group === options.group && (address.kind === 'source' || address.kind === 'raw')) engine.#track(address.kind, address.key);
    }
    engine.#seen = engine.#log.lastSeq();
    engine.#log.changedElsewhere();
    return engine;
  }

  /** Starts syncing with the server (and keeps reconnecting after a loss of connection). */
  connect(): void {
    this.#open();
    if (this.#socket) return;
    this.#failure = undefined;
    const { url, user } = this.#options;
    const socket = new HocuspocusProviderWebsocket({
      url: `${url}?user=${encodeURIComponent(user)}`,
      // One attempt each time it is asked to connect; the engine waits between attempts itself.
      // The provider's own retries wait on timers that stopping it does not clear: after
      // `apparatus sync --once` had answered, the process stayed up to 30 s more for them. A
      // connection that drops is tried again at once (the provider's `delay`), then as below.
      maxAttempts: 1,
      delay: 0,
      minDelay: 0,
      // Connected once every document is attached: connecting on creation as well raced with the
      // first attach's own connection attempt, and the loser's socket was dropped and made again a
      // second later (every document opened twice, the status offline for a moment).
      autoConnect: false,
      onStatus: ({ status }) => {
        if (this.#socket !== socket) return;
        this.#socketStatus = status === 'connected' || status === 'connecting' ? status : 'disconnected';
        if (status === 'connected') {
          this.#offlineReason = this.#serverReason = undefined;
          this.#attempts = 0;
        }
        this.#statusChanged();
      },
      onMaxAttemptsFailed: () => {
        if (this.#socket === socket) this.#retryLater(socket);
      },
      onClose: ({ event }) => {
        if (this.#socket !== socket) return;
        for (const tracked of this.#docs.values()) tracked.synced = false;
        const reason = typeof event.reason === 'string' && event.reason !== '' ? event.reason : undefined;
        // What the server said as it closed (it was stopped, access changed) stays until connected
        // again: the failed attempts to reconnect meanwhile say nothing new.
        if (reason) this.#serverReason = reason;
        this.#offlineReason = reason ?? this.#serverReason ?? `The server at ${url} cannot be reached.`;
        this.#statusChanged();
      },
    });
    this.#socket = socket;
    for (const tracked of this.#docs.values()) this.#attach(tracked);
    void socket.connect();
    this.#checkpointTimer = setInterval(() => this.#requestCheckpoints(), this.#options.checkpointMs);
    this.#checkpointTimer.unref?.();
    this.#statusChanged();
  }

  /** Stops syncing (work offline); local changes keep being recorded and wait. */
  disconnect(): void {
    clearInterval(this.#checkpointTimer);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#attempts = 0;
    for (const tracked of this.#docs.values()) {
      tracked.provider?.destroy();
      tracked.provider = undefined;
      tracked.synced = false;
      tracked.scope = undefined;
    }
    this.#socket?.destroy();
    this.#socket = undefined;
    this.#socketStatus = 'disconnected';
    this.#offlineReason = this.#serverReason = undefined;
    this.#statusChanged();
  }

  /** Why the group's rules would refuse `change`, or null when it may be applied. Changes nothing. */
  check(change: LocalChange): ShareError | null {
    this.#open();
    return checkLocalChange(this.#shareDocs(), change);
  }

  /**
   * Writes a change the app made (as its services announce it) into the documents. Throws
   * `ShareError` when the group's rules refuse it; writes nothing when it changes nothing.
   */
  applyLocal(change: LocalChange): LocalReceipt {
    return this.applyLocalBatch([change]);
  }

  /**
   * Writes several changes as one update per document (publishing a whole project when it joins
   * a group, say). Refuses them all, writing nothing, if the group's rules refuse one.
   */
  applyLocalBatch(changes: readonly LocalChange[]): LocalReceipt {
    this.#open();
    const docs = this.#shareDocs();
    for (const change of changes) {
      const refusal = checkLocalChange(docs, change);
      if (refusal) throw refusal;
    }
    this.#receipt = [];
    try {
      let changed = false;
      const at = new Date().toISOString();
      // Nested transactions on every document this replica writes: each sends one update.
      const mine = docs.authors.find((entry) => entry.author === docs.me)?.doc;
      const write = () => {
        for (const change of changes) changed = applyLocalChange(docs, change, at) || changed;
      };
      docs.vocabulary.transact(() => (mine ? mine.transact(write) : write()));
      return { changed, updates: this.#receipt };
    } finally {
      this.#receipt = undefined;
      this.#statusChanged();
    }
  }

  /** Whether the server holds every update of a local change. */
  acknowledged(receipt: LocalReceipt): boolean {
    return this.#log.stillWaiting(receipt.updates).length === 0;
  }

  /** Calls `listener` with every change other members make; returns a function that stops it. */
  onRemote(listener: (change: RemoteChange) => void): () => void {
    this.#remoteListeners.add(listener);
    return () => this.#remoteListeners.delete(listener);
  }

  /** Calls `listener` whenever the status changes; returns a function that stops it. */
  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  /** Where syncing stands now. */
  status(): SyncStatus {
    const waiting = this.#closed ? 0 : this.#log.waitingCount();
    if (this.#failure) return { state: 'error', waiting, reason: this.#failure };
    const refused = waiting > 0 && [...this.#docs.values()].some((tracked) => tracked.scope === 'readonly' && this.#log.waitingCount(tracked.name) > 0);
    if (refused) {
      const role = this.#knownRole();
      const why = role === 'reader' ? 'you are a reader in the group' : 'the server now lets you only read the group';
      const reason = `${waiting} change${waiting === 1 ? '' : 's'} cannot be sent: ${why} “${this.#options.group}”.`;
      return { state: 'error', waiting, reason };
    }
    if (this.#socketStatus !== 'connected') {
      return this.#offlineReason ? { state: 'offline', waiting, reason: this.#offlineReason } : { state: 'offline', waiting };
    }
    const handshakes = [...this.#docs.values()].every((tracked) => tracked.synced);
    if (!handshakes || waiting > 0) return { state: 'syncing', waiting };
    return { state: 'synced', waiting: 0 };
  }

  /** This member's role in the group, as the member list last said (undefined before it arrived). */
  role(): Role | undefined {
    return readMembers(this.#doc('members')).find((member) => member.name === this.#options.user)?.role;
  }

  /** The group's state as this replica holds it. */
  state(): SharedState {
    const vocabulary = readVocabulary(this.#doc('tags'));
    return {
      annotations: readSharedAnnotations(this.#authors(), vocabulary),
      vocabulary,
      members: readMembers(this.#doc('members')),
      sources: readCorpus(this.#doc('corpus')),
    };
  }

  /** The group's tag vocabulary as this replica holds it. */
  vocabulary(): SharedVocabulary {
    return readVocabulary(this.#doc('tags'));
  }

  /** The group's annotations as this replica holds them, all or those with an id in `ids`. */
  annotations(ids?: ReadonlySet<string>): SharedAnnotation[] {
    return readSharedAnnotations(this.#authors(), this.vocabulary(), ids);
  }

  /** The group's members as this replica last heard of them. */
  members(): Member[] {
    return readMembers(this.#doc('members'));
  }

  /** The group's index of sources as this replica holds it. */
  sources(): SharedSourceEntry[] {
    return readCorpus(this.#doc('corpus'));
  }

  /** Resolves with the status once it is `synced` (nothing waits, every document handshaken) or `error`. */
  settled(): Promise<SyncStatus> {
    return new Promise((resolve) => {
      const check = (status: SyncStatus) => {
        if (status.state !== 'synced' && status.state !== 'error') return false;
        stop();
        resolve(status);
        return true;
      };
      const stop = this.onStatus(check);
      if (!check(this.status())) this.#requestCheckpoints();
    });
  }

  /**
   * Whether the server refuses the changes waiting here (the member became a reader while they
   * waited), everything else syncing as usual.
   */
  refusesWaiting(): boolean {
    return this.status().state === 'error' && this.#failure === undefined;
  }

  /**
   * Resolves once every document this replica follows has had its handshake with the server, so
   * that it holds what the server holds, even while the server refuses changes waiting here;
   * rejects when the server refuses this member or cannot be reached within `timeoutMs`.
   */
  async received(timeoutMs: number): Promise<void> {
    this.#open();
    // The member list can name members whose documents are followed from then on.
    for (;;) {
      const pending = [...this.#docs.values()].filter((tracked) => !tracked.synced);
      if (pending.length === 0) return;
      await Promise.all(pending.map((tracked) => this.#synced(tracked, timeoutMs, 'the group’s work')));
    }
  }

  /**
   * Publishes sources into the group's corpus: each one's cleaned text, raw file (when given) and
   * entry in the index, as one change. Refused (`ShareError`) for a member who may only read.
   * A source the group already holds should be fetched first, so that its new text is written
   * after the one it replaces.
   */
  publishSources(sources: readonly SourcePublication[]): LocalReceipt {
    this.#open();
    const role = this.#knownRole();
    if (role !== undefined && !canWrite(role)) {
      throw new ShareError('read-only', 'You are a reader in this group: you can read its sources but not add to them.');
    }
    this.#receipt = [];
    try {
      const at = new Date().toISOString();
      const me = this.#options.user;
      let changed = false;
      const corpus = this.#doc('corpus');
      corpus.transact(() => {
        for (const source of sources) {
          const text = this.#track('source', source.id).doc;
          changed = writeSourceText(text, source.text, source.hash, me, at) || changed;
          const entry: SharedSourceEntry = { id: source.id, title: source.title, hash: source.hash, by: me, at };
          if (source.raw) {
            changed = writeRawFile(this.#track('raw', source.id).doc, source.raw) || changed;
            entry.raw = { name: source.raw.name, hash: source.raw.hash, size: source.raw.bytes.byteLength };
          }
          changed = writeCorpusEntry(corpus, entry) || changed;
        }
      });
      return { changed, updates: this.#receipt };
    } finally {
      this.#receipt = undefined;
      this.#statusChanged();
    }
  }

  /**
   * The group's copy of source `id` (and its raw file when `withRaw`), once this replica holds the
   * server's copy of its documents; undefined when the group holds no text for it. Rejects when
   * the server cannot be reached or refuses within `timeoutMs`.
   */
  async fetchSource(id: string, withRaw: boolean, timeoutMs = 60_000): Promise<FetchedSource | undefined> {
    this.#open();
    const source = this.#track('source', id);
    const raw = withRaw ? this.#track('raw', id) : undefined;
    await Promise.all([this.#synced(source, timeoutMs), raw && this.#synced(raw, timeoutMs)]);
    const text = readSourceText(source.doc);
    if (!text) return undefined;
    const file = raw && readRawFile(raw.doc);
    return file ? { text, raw: file } : { text };
  }

  /**
   * Stops following the source and raw documents that have nothing waiting for the server and
   * drops their copies from the local log: the corpus folder holds the sources themselves.
   */
  releaseSources(): void {
    if (this.#closed) return;
    for (const tracked of [...this.#docs.values()]) {
      if ((tracked.kind !== 'source' && tracked.kind !== 'raw') || this.#log.waitingCount(tracked.name) > 0) continue;
      tracked.provider?.destroy();
      tracked.doc.destroy();
      this.#docs.delete(tracked.name);
      this.#log.forget(tracked.name);
    }
    this.#statusChanged();
  }

  // The next attempt after one that failed, after a wait that doubles with each failure (from the
  // shortest to the longest wait), drawn at random below that so that members do not all
  // reconnect in the same instant when a server comes back.
  #retryLater(socket: HocuspocusProviderWebsocket): void {
    const shortest = this.#options.reconnect?.minDelayMs ?? 1000;
    const longest = this.#options.reconnect?.maxDelayMs ?? 30_000;
    const ceiling = Math.min(longest, shortest * 2 ** this.#attempts);
    this.#attempts += 1;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(
      () => {
        this.#retryTimer = undefined;
        if (this.#socket === socket) void socket.connect();
      },
      shortest + Math.random() * (ceiling - shortest),
    );
  }

  // Resolves once `tracked` has had its handshake with the server; `what` names it in the reasons.
  #synced(tracked: Tracked, timeoutMs: number, what = 'the source'): Promise<void> {
    if (tracked.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const finish = (error?: Error) => {
        clearTimeout(timer);
        stop();
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        // Changes the server refuses (made before the member became a reader) leave the rest to sync.
        if (tracked.synced) finish();
        else if (this.#failure) finish(new SyncError('unreachable', this.#failure));
        else if (!this.#socket || this.#closed) finish(new SyncError('unreachable', `Sharing is offline: ${what} can be received once connected.`));
      };
      const stop = () => this.#waiters.delete(check);
      this.#waiters.add(check);
      const timer = setTimeout(() => finish(new SyncError('unreachable', `The server at ${this.#options.url} did not send ${what} within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
      timer.unref?.();
      check();
    });
  }

  /** Stops syncing and closes the local log; the engine cannot be used afterwards. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.disconnect();
    for (const tracked of this.#docs.values()) this.#compact(tracked);
    this.#closed = true;
    this.#log.close();
    this.#statusListeners.clear();
    this.#remoteListeners.clear();
  }

  #open(): void {
    if (this.#closed) throw new SyncError('closed', 'Sharing has been stopped for this project.');
  }

  #doc(kind: 'members' | 'tags' | 'corpus'): Y.Doc {
    const tracked = this.#docs.get(docName({ group: this.#options.group, kind }));
    if (!tracked) throw new SyncError('closed', 'Sharing has been stopped for this project.');
    return tracked.doc;
  }

  #authors() {
    return [...this.#docs.values()].flatMap((tracked) => (tracked.kind === 'annotations' && tracked.key ? [{ author: tracked.key, doc: tracked.doc }] : []));
  }

  // The member list's word when this replica has one, else the project's memory of it.
  #knownRole(): Role | undefined {
    return this.role() ?? this.#options.rememberedRole();
  }

  #shareDocs(): ShareDocs {
    return { me: this.#options.user, role: this.#knownRole(), vocabulary: this.#doc('tags'), authors: this.#authors() };
  }

  #track(kind: Kind, key?: string): Tracked {
    const { group } = this.#options;
    const name = kind === 'annotations' || kind === 'source' || kind === 'raw' ? docName({ group, kind, key: key ?? '' }) : docName({ group, kind });
    const existing = this.#docs.get(name);
    if (existing) return existing;
    const doc = loadDocument(this.#log, name, LOAD);
    const tracked: Tracked = { name, kind, key, doc, synced: false };
    this.#docs.set(name, tracked);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD) return;
      const remote = origin !== null && origin === tracked.provider;
      const seq = this.#log.append(name, update, !remote);
      if (!remote) this.#receipt?.push(seq);
      this.#statusChanged();
    });
    this.#observe(tracked);
    if (this.#socket) this.#attach(tracked);
    return tracked;
  }

  // Every member's annotations are followed, including members who join later.
  #followMembers(): void {
    for (const member of readMembers(this.#doc('members'))) this.#track('annotations', member.name);
  }

  #observe(tracked: Tracked): void {
    const remote = (transaction: Y.Transaction) => transaction.origin !== null && transaction.origin === tracked.provider;
    switch (tracked.kind) {
      case 'members':
        tracked.doc.getMap('members').observe((_event, transaction) => {
          if (!remote(transaction)) return;
          this.#followMembers();
          this.#emit({ type: 'members', members: readMembers(tracked.doc) });
        });
        return;
      case 'corpus':
        tracked.doc.getMap('sources').observe((_event, transaction) => {
          if (remote(transaction) && this.#remoteListeners.size > 0) this.#emit({ type: 'corpus', sources: readCorpus(tracked.doc) });
        });
        return;
      case 'tags':
        vocabularyOf(tracked.doc).observeDeep((_events, transaction) => {
          if (remote(transaction) && this.#remoteListeners.size > 0) this.#emit({ type: 'tags', vocabulary: readVocabulary(tracked.doc) });
        });
        return;
      case 'annotations': {
        const changed = (ids: Set<string>) => {
          if (ids.size === 0 || this.#remoteListeners.size === 0) return;
          const annotations = readSharedAnnotations(this.#authors(), readVocabulary(this.#doc('tags')), ids);
          if (annotations.length > 0) this.#emit({ type: 'annotations', annotations });
        };
        annotationsOf(tracked.doc).observeDeep((events, transaction) => {
          if (!remote(transaction)) return;
          const ids = new Set<string>();
          for (const event of events) {
            const top = event.path[0];
            if (typeof top === 'string') ids.add(top);
            else for (const key of event.changes.keys.keys()) ids.add(key);
          }
          changed(ids);
        });
        taggingsOf(tracked.doc).observe((event, transaction) => {
          if (!remote(transaction)) return;
          const ids = new Set<string>();
          for (const key of event.changes.keys.keys()) {
            const cut = key.indexOf('\u0001');
            if (cut > 0) ids.add(key.slice(0, cut));
          }
          changed(ids);
        });
        return;
      }
      case 'source':
      case 'raw':
        return;
    }
  }

  #attach(tracked: Tracked): void {
    if (!this.#socket || tracked.provider) return;
    const provider = new HocuspocusProvider({
      websocketProvider: this.#socket,
      name: tracked.name,
      document: tracked.doc,
      token: this.#options.token,
      awareness: null,
    });
    tracked.provider = provider;
    provider.on('authenticated', ({ scope }: { scope: string }) => {
      tracked.scope = scope;
      this.#statusChanged();
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      // A refused token or membership does not heal by retrying: stop until asked to connect again.
      // The reason becomes the status, which every caller shows; it is not logged as well, once
      // for each document the server refused for that one reason.
      queueMicrotask(() => {
        this.disconnect();
        this.#failure = reason;
        this.#statusChanged();
      });
    });
    provider.on('synced', () => {
      tracked.synced = true;
      this.#requestCheckpoint(tracked);
      this.#statusChanged();
    });
    provider.on('stateless', ({ payload }: { payload: string }) => this.#checkpoint(tracked, payload));
    provider.on('close', () => {
      tracked.synced = false;
      this.#statusChanged();
    });
    provider.attach();
  }

  #requestCheckpoints(): void {
    this.#takeInOtherProcesses();
    for (const tracked of this.#docs.values()) this.#requestCheckpoint(tracked);
  }

  // Commands run on the project while the app or \`apparatus sync\` syncs it write their changes
  // into the log from processes of their own: applied here too, they are sent by this connection
  // instead of waiting for the next one. Applying an update this replica holds changes nothing.
  #takeInOtherProcesses(): void {
    if (this.#closed || !this.#log.changedElsewhere()) return;
    const { group } = this.#options;
    for (const update of this.#log.waitingAfter(this.#seen)) {
      this.#seen = Math.max(this.#seen, update.seq);
      const address = parseDocName(update.doc);
      if (address?.group !== group) continue;
      const followed = this.#docs.get(update.doc);
      // A source published by the other process is followed from now on (loaded from the log).
      if (!followed && (address.kind === 'source' || address.kind === 'raw')) {
        this.#track(address.kind, address.key);
        continue;
      }
      if (!followed) continue;
      try {
        Y.applyUpdate(followed.doc, update.data, LOAD);
      } catch {
        // A damaged update is skipped, as when loading; the other process still holds its change.
      }
    }
    this.#statusChanged();
  }

  #requestCheckpoint(tracked: Tracked): void {
    if (!tracked.synced || !tracked.provider || tracked.scope === 'readonly') return;
    if (this.#log.waitingCount(tracked.name) === 0) return;
    tracked.provider.sendStateless(CHECKPOINT_REQUEST);
  }

  // The server's snapshot says which of this document's waiting updates it now holds.
  #checkpoint(tracked: Tracked, payload: string): void {
    const encoded = readCheckpointReply(payload);
    if (!encoded || this.#closed) return;
    let snapshot: Y.Snapshot;
    try {
      snapshot = Y.decodeSnapshot(encoded);
    } catch {
      return;
    }
    const held = this.#log.waiting(tracked.name).filter((update) => Y.snapshotContainsUpdate(snapshot, update.data));
    if (held.length === 0) return;
    this.#log.acknowledge(held.map((update) => update.seq));
    this.#statusChanged();
  }

  #compact(tracked: Tracked): void {
    if (this.#log.settledCount(tracked.name) > 20) this.#log.compact(tracked.name, Y.encodeStateAsUpdate(tracked.doc));
  }

  #emit(change: RemoteChange): void {
    for (const listener of [...this.#remoteListeners]) {
      try {
        listener(change);
      } catch (error) {
        this.#options.log(`a listener of remote changes failed: ${(error as Error).message}`);
      }
    }
  }

  #statusChanged(): void {
    for (const waiter of [...this.#waiters]) waiter();
    if (this.#closed) return;
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.#lastStatus) return;
    this.#lastStatus = key;
    for (const listener of [...this.#statusListeners]) {
      try {
        listener(status);
      } catch (error) {
        this.#options.log(`a listener of the sync status failed: ${(error as Error).message}`);
      }
    }
  }
}
