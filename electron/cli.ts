// The `apparatus` command line: the same services as the app, without Electron.
// Run it with `npm run apparatus -- <command>` (or `node electron/cli.ts <command>` on Node 24).
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { SourceSummary } from '../core/api.ts';
import { UserFacingError } from './errors.ts';
import { CorpusService } from './services/corpus-service.ts';

const USAGE = `Usage: apparatus <command> [options]

Commands:
  list [--json]          the sources of the corpus

Options:
  --corpus DIR           the corpus folder (default: ./corpus, or $APPARATUS_CORPUS)
  --help                 this text`;

/** What a command printed and the exit code it asks for; `run` never exits the process itself. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one command line (without `node` and the script name) and returns what it printed. */
export function run(argv: string[], env: Record<string, string | undefined> = {}): CliOutcome {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, corpus: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    return { code: 2, stdout: '', stderr: `${(error as Error).message}\n\n${USAGE}\n` };
  }
  const { values, positionals } = parsed;
  const [command] = positionals;
  if (values.help || !command) return { code: values.help ? 0 : 2, stdout: values.help ? `${USAGE}\n` : '', stderr: values.help ? '' : `${USAGE}\n` };
  const corpus = new CorpusService(values.corpus ?? env.APPARATUS_CORPUS ?? 'corpus', () => {});
  try {
    switch (command) {
      case 'list':
        return { code: 0, stdout: formatList(corpus.list(), values.json === true), stderr: '' };
      default:
        return { code: 2, stdout: '', stderr: `Unknown command: ${command}\n\n${USAGE}\n` };
    }
  } catch (error) {
    if (error instanceof UserFacingError) return { code: 1, stdout: '', stderr: `apparatus: ${error.message}\n` };
    throw error;
  }
}

function formatList(sources: SourceSummary[], json: boolean): string {
  if (json) return `${JSON.stringify(sources, null, 2)}\n`;
  return sources.map((s) => `${s.id}\t${s.authors ?? '—'}\t${s.shortTitle}\t${s.year ?? 'n.d.'}\t${s.reliability}\n`).join('');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outcome = run(process.argv.slice(2), process.env);
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.code;
}
