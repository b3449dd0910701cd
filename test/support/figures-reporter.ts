/**
 * A Vitest reporter for `npm run test:reliability` (issue 7: "the figures printed at the end of
 * the run"): after the default output, how many trials each long test ran, how long each file
 * took and whether it passed, in a short table that can be copied into the README.
 */
import type { Reporter, TestModule } from 'vitest/node';

const SETTINGS: [string, string][] = [
  ['APPARATUS_CRASH_TRIALS', 'writer processes killed with SIGKILL'],
  ['APPARATUS_PROPERTY_RUNS', 'random edit sequences per anchoring property'],
  ['APPARATUS_FUZZ_RUNS', 'hostile payloads per IPC property'],
  ['APPARATUS_SYNC_TRIALS', 'offline-then-reconnect trials of three replicas against the sync server'],
  ['APPARATUS_SERVER_KILL_TRIALS', 'sync servers killed with SIGKILL while clients wrote'],
  ['APPARATUS_CONCURRENCY_TRIALS', 'new projects shared by racing processes'],
  ['APPARATUS_CONCURRENCY_PROCESSES', 'processes per new project'],
  ['APPARATUS_CONCURRENCY_ACTIONS', 'acknowledged actions per process'],
  ['APPARATUS_JOURNAL_TRIALS', 'holders killed after their journal was removed, per variant'],
  ['APPARATUS_CLI_RACE_TRIALS', 'rounds of apparatus commands started at once'],
];

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Prints the reliability figures once every test file has finished. */
export default class FiguresReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const lines = ['', 'Reliability figures'];
    for (const [name, meaning] of SETTINGS) {
      const value = process.env[name];
      if (value) lines.push(`  ${Number(value).toLocaleString('en')} ${meaning}`);
    }
    let total = 0;
    for (const module of modules) {
      const tests = [...module.children.allTests()];
      const failed = tests.filter((test) => test.result().state === 'failed').length;
      const duration = module.diagnostic().duration;
      total += duration;
      const verdict = failed === 0 ? `${tests.length} passed` : `${failed} of ${tests.length} FAILED`;
      lines.push(`  ${module.moduleId.replace(`${process.cwd()}/`, '')}: ${verdict} in ${seconds(duration)}`);
      for (const test of tests) {
        const ms = test.diagnostic()?.duration ?? 0;
        if (ms >= 5000) lines.push(`    ${seconds(ms).padStart(7)}  ${test.name}`);
      }
    }
    lines.push(`  ${seconds(total)} of tests in all`, '');
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
