/**
 * Sync engines for tests: each replica with its own local state file, connected to a test server
 * with short reconnection delays, and seen as an `ActingReplica` by the random actions.
 */
import { join } from 'node:path';
import type { LocalChange } from '../../core/share/model.ts';
import { SyncEngine, type SyncStatus } from '../../electron/services/sync/sync-engine.ts';
import type { ActingReplica, ReplicaView } from './share-actions.ts';

/** Opens an engine for `user` whose state lives in `folder/label.sqlite`. */
export function openEngine(folder: string, label: string, url: string, group: string, user: string, token: string): SyncEngine {
  return SyncEngine.open({
    url,
    group,
    user,
    token,
    stateFile: join(folder, `${label}.sqlite`),
    reconnect: { minDelayMs: 50, maxDelayMs: 300 },
    checkpointMs: 50,
  });
}

/** An engine driven by the random actions. */
export class EngineReplica implements ActingReplica {
  readonly label: string;
  readonly user: string;
  engine: SyncEngine;

  constructor(label: string, user: string, engine: SyncEngine) {
    this.label = label;
    this.user = user;
    this.engine = engine;
  }

  view(): ReplicaView {
    const { annotations, vocabulary } = this.engine.state();
    return { annotations, vocabulary };
  }

  apply(change: LocalChange): boolean {
    return this.engine.applyLocal(change).changed;
  }
}

/** Waits until the engine is synced (nothing waiting) and fails on an error status or after `ms`. */
export async function settle(engine: SyncEngine, ms = 30_000): Promise<SyncStatus> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not synced after ${ms} ms: ${JSON.stringify(engine.status())}`)), ms);
  });
  try {
    return await Promise.race([engine.settled(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
