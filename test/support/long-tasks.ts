/**
 * Watching a page's main thread for long tasks (the Long Tasks API: every task over 50 ms), to
 * show that an action kept the window responsive, or to measure how long it froze.
 */
import type { Page } from 'playwright-core';

/** One long task, in the page's clock (milliseconds since the page started loading). */
export interface LongTask {
  start: number;
  duration: number;
}

/** The long tasks of one page, read back from Node. */
export interface LongTaskLog {
  /** The page's clock now, to mark where a phase starts or ends. */
  now(): Promise<number>;
  /** Every long task that overlaps `[from, to)` (to: now), delivered or still queued, by start. */
  between(from: number, to?: number): Promise<LongTask[]>;
}

interface PageLog {
  tasks: LongTask[];
  observer: PerformanceObserver;
}

/**
 * Starts recording the page's long tasks, including those Chromium buffered before the call
 * (`buffered: true` needs `type`, not `entryTypes`, or it is ignored). Refuses, rather than
 * returning a log that can never fail, when this Chromium does not report long tasks.
 */
export async function watchLongTasks(page: Page): Promise<LongTaskLog> {
  const supported = await page.evaluate(() => {
    if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) return false;
    const tasks: LongTask[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    });
    observer.observe({ type: 'longtask', buffered: true });
    (window as unknown as { __longTasks: PageLog }).__longTasks = { tasks, observer };
    return true;
  });
  if (!supported) throw new Error('This Chromium does not report long tasks (PerformanceObserver "longtask").');
  return {
    now: () => page.evaluate(() => performance.now()),
    between: (from, to) =>
      page.evaluate(
        ([from, to]) => {
          const log = (window as unknown as { __longTasks: PageLog }).__longTasks;
          // Entries wait for an idle moment before the callback sees them: take them now.
          for (const entry of log.observer.takeRecords()) {
            log.tasks.push({ start: entry.startTime, duration: entry.duration });
          }
          const end = to ?? performance.now();
          return log.tasks
            .filter((task) => task.start < end && task.start + task.duration > from)
            .sort((a, b) => a.start - b.start);
        },
        [from, to ?? null] as const,
      ),
  };
}

/** Blocks the page's main thread for `ms` milliseconds, as a control that the log sees it. */
export function blockMainThread(page: Page, ms: number): Promise<void> {
  return page.evaluate((ms) => {
    // A task posted from a timer, so the busy loop is a task of its own and not part of evaluate's.
    return new Promise<void>((resolve) => {
      setTimeout(() => {
        const until = performance.now() + ms;
        while (performance.now() < until) {
          // Busy on purpose.
        }
        resolve();
      }, 0);
    });
  }, ms);
}
