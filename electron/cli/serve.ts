import { resolve } from 'node:path';
import { isRole } from '../../core/share/roles.ts';
import { AccessStore } from '../server/access-store.ts';
import { openServerDatabase } from '../server/server-database.ts';
import { DEFAULT_PORT, startSyncServer } from '../server/sync-server.ts';
import { CliUsageError, ok, parseCommandArgs, type CliCommand, type CliContext, type CliOutcome } from './command.ts';

const USAGE = `Usage:
  apparatus serve --data DIR [--host ADDRESS] [--port N] [--cert FILE --key FILE]
  apparatus serve user add NAME --data DIR
  apparatus serve user token NAME --data DIR
  apparatus serve user remove NAME --data DIR
  apparatus serve user list --data DIR
  apparatus serve group create GROUP --data DIR
  apparatus serve group add GROUP USER --role owner|editor|reader --data DIR
  apparatus serve group remove GROUP USER --data DIR
  apparatus serve group list --data DIR

Runs the sync server a research group shares its corpora through, keeping everything in the
data folder DIR (or $APPARATUS_SERVER_DATA). It listens on 127.0.0.1:${DEFAULT_PORT} unless told
otherwise (--port 0 picks a free port) and prints "Listening on ws://HOST:PORT" once ready; with
--cert and --key (PEM files) it speaks TLS (wss://). Stop it with Ctrl-C or SIGTERM.

"user add" prints the new user's token alone on its last line: give it to them privately; it is
stored only hashed and cannot be shown again ("user token" replaces it with a new one). Removing
a user or a member takes effect at once, for open connections too. Owners and editors add
sources, shape the tags and write their own annotations; readers only read.`;

/** `apparatus serve`: the sync server and the commands that manage who may use it. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'run the sync server a group shares corpora through; manage its users and groups',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, {
      data: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      role: { type: 'string' },
    });
    const flag = values.data ?? context.env.APPARATUS_SERVER_DATA;
    if (!flag) throw new CliUsageError('say where the server keeps its data with --data DIR');
    const data = resolve(context.cwd, flag);
    const [area, action, ...rest] = positionals;
    if (area === undefined) return serve(data, values, context);
    if (area === 'user') return withAccess(data, (access) => userAction(access, action, rest));
    if (area === 'group') return withAccess(data, (access) => groupAction(access, action, rest, values.role));
    throw new CliUsageError(`unknown action "${area}": use user or group, or no action to run the server`);
  },
};

async function serve(data: string, values: { host?: string; port?: string; cert?: string; key?: string }, context: CliContext): Promise<CliOutcome> {
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliUsageError(`--port needs a port number (0–65535), not "${values.port}"`);
  if ((values.cert === undefined) !== (values.key === undefined)) throw new CliUsageError('give both --cert and --key, or neither');
  const tls = values.cert !== undefined && values.key !== undefined ? { cert: resolve(context.cwd, values.cert), key: resolve(context.cwd, values.key) } : undefined;
  // A server runs until it is stopped, so it writes as it goes instead of returning its output.
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const server = await startSyncServer({ dataDir: data, host: values.host, port, tls, log });
  log(`Listening on ${server.url}`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  log('Stopping: saving the shared documents…');
  await server.stop();
  return ok('Stopped.\n');
}

function withAccess(data: string, work: (access: AccessStore) => CliOutcome): CliOutcome {
  const db = openServerDatabase(data);
  try {
    return work(new AccessStore(db));
  } finally {
    db.close();
  }
}

function userAction(access: AccessStore, action: string | undefined, [name]: string[]): CliOutcome {
  const needName = () => {
    if (!name) throw new CliUsageError(`user ${action} needs the user's name`);
    return name;
  };
  switch (action) {
    case 'add': {
      const token = access.addUser(needName());
      return ok(`Added the user “${name}”. Their token, shown only this once (give it to them privately):\n${token}\n`);
    }
    case 'token': {
      const token = access.renewToken(needName());
      return ok(`“${name}” has a new token; the old one no longer works. The new token, shown only this once:\n${token}\n`);
    }
    case 'remove':
      access.removeUser(needName());
      return ok(`Removed the user “${name}”: their token no longer works and their connections are closed.\n`);
    case 'list': {
      const lines = access.users().map((user) => `${user.name}\t${user.groups.map((g) => `${g.group} (${g.role})`).join(', ') || 'no group'}\n`);
      return ok(lines.join('') || 'No users yet: add one with “apparatus serve user add NAME”.\n');
    }
    default:
      throw new CliUsageError(action ? `unknown user action "${action}"` : 'say what to do: user add, token, remove or list');
  }
}

function groupAction(access: AccessStore, action: string | undefined, [group, user]: string[], role: string | undefined): CliOutcome {
  const needGroup = () => {
    if (!group) throw new CliUsageError(`group ${action} needs the group's name`);
    return group;
  };
  const needUser = () => {
    if (!user) throw new CliUsageError(`group ${action} needs the group's name and the user's`);
    return user;
  };
  switch (action) {
    case 'create':
      access.createGroup(needGroup());
      return ok(`Created the group “${group}”. Add members with “apparatus serve group add ${group} USER --role owner|editor|reader”.\n`);
    case 'add': {
      if (!isRole(role)) throw new CliUsageError('group add needs --role owner, editor or reader');
      access.setMember(needGroup(), needUser(), role);
      return ok(`“${user}” is now ${role === 'reader' ? 'a reader' : `an ${role}`} of “${group}”.\n`);
    }
    case 'remove':
      access.removeMember(needGroup(), needUser());
      return ok(`“${user}” is no longer a member of “${group}”; their connections to it are closed.\n`);
    case 'list': {
      const lines = access.groups().map((name) => `${name}\t${access.membersOf(name).map((m) => `${m.name} (${m.role})`).join(', ') || 'no members'}\n`);
      return ok(lines.join('') || 'No groups yet: create one with “apparatus serve group create GROUP”.\n');
    }
    default:
      throw new CliUsageError(action ? `unknown group action "${action}"` : 'say what to do: group create, add, remove or list');
  }
}
