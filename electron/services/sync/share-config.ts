/**
 * Where a project that shares its corpus keeps what joining decided: the server, the group and
 * the member's name in the project itself (a setting), the member's token in a file of its own
 * beside the project that only the user's account can read (0600), never in the project, a log
 * or an output; and the replica's update log beside it too. `$APPARATUS_SYNC_TOKEN`, when set,
 * is used instead of the token file (for a server account that must not keep one on disk).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import { NAME_PATTERN } from '../../../core/share/names.ts';
import { ROLES, type Role } from '../../../core/share/roles.ts';
import { syncFolder } from '../atomic-write.ts';
import type { ProjectStore } from '../store/index.ts';

/** Where and as whom the project syncs. */
export interface ShareConfig {
  /** `ws://HOST:PORT` or `wss://HOST:PORT`. */
  server: string;
  group: string;
  user: string;
  /**
   * The member's role as the server last said it (on joining, or in the member list), kept so that
   * a reader opening the project offline is still a reader; absent before any answer came.
   */
  role?: Role;
}

const SETTING = 'share';
const TOKEN_FILE = 'share-token';
const STATE_FILE = 'share-state.sqlite';
/** The environment variable that holds the token instead of the token file. */
export const TOKEN_VARIABLE = 'APPARATUS_SYNC_TOKEN';

const ConfigSchema = v.strictObject({
  server: v.pipe(v.string(), v.regex(/^wss?:\/\/[^\s]+$/)),
  group: v.pipe(v.string(), v.regex(NAME_PATTERN)),
  user: v.pipe(v.string(), v.regex(NAME_PATTERN)),
  role: v.optional(v.picklist(ROLES)),
});

/** The project's sharing, or undefined when it shares nothing. */
export function readShareConfig(store: ProjectStore): ShareConfig | undefined {
  const parsed = v.safeParse(ConfigSchema, store.getSetting(SETTING));
  return parsed.success ? parsed.output : undefined;
}

/** Records the project's sharing (null: it shares nothing any more). */
export function writeShareConfig(store: ProjectStore, config: ShareConfig | null): void {
  store.setSetting(SETTING, config === null ? null : { server: config.server, group: config.group, user: config.user, ...(config.role ? { role: config.role } : {}) });
}

/**
 * The address a user typed as the server's WebSocket address: `http(s)://` become `ws(s)://`, a
 * bare host gets `ws://`; undefined when it cannot be one.
 */
export function serverAddress(typed: string): string | undefined {
  const trimmed = typed.trim().replace(/\/+$/, '');
  const withScheme = /^[a-z]+:\/\//i.test(trimmed) ? trimmed : `ws://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme.replace(/^http(s?):/i, 'ws$1:'));
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'ws:' && url.protocol !== 'wss:') || url.hostname === '' || url.username || url.password || url.search || url.hash) return undefined;
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}

/** The file holding the member's token, beside the project file. */
export function tokenFile(projectFile: string): string {
  return join(dirname(projectFile), TOKEN_FILE);
}

/** The replica's update log, beside the project file. */
export function stateFile(projectFile: string): string {
  return join(dirname(projectFile), STATE_FILE);
}

/** The member's token: `$APPARATUS_SYNC_TOKEN`, else the token file; undefined when neither holds one. */
export function readToken(projectFile: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const fromEnv = env[TOKEN_VARIABLE]?.trim();
  if (fromEnv) return fromEnv;
  const file = tokenFile(projectFile);
  if (!existsSync(file)) return undefined;
  const token = readFileSync(file, 'utf8').trim();
  return token === '' ? undefined : token;
}

/**
 * Keeps the member's token in the token file, readable by this account alone: the file is made
 * with those rights (never readable by others, even for a moment), flushed, then takes its name.
 */
export function writeToken(projectFile: string, token: string): void {
  const file = tokenFile(projectFile);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${token}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
  syncFolder(dirname(file));
}

/** Removes the token file and the update log (the project stops sharing). */
export function forgetSharing(projectFile: string): void {
  for (const file of [tokenFile(projectFile), stateFile(projectFile), `${stateFile(projectFile)}-wal`, `${stateFile(projectFile)}-shm`]) rmSync(file, { force: true });
}
