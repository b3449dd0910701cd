import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

/** A window's position and size in screen pixels, and whether it was maximised. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** A display's usable area, as Electron's `screen` reports it. */
export interface WorkArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 860, maximized: false };
const MIN_WIDTH = 640;
const MIN_HEIGHT = 480;

/**
 * Remembers the main window's bounds in a small JSON file. A missing or damaged file, or bounds
 * that no longer fit on any display (a monitor was unplugged), give the default size, centred.
 */
export class WindowStateStore {
  readonly #file: string;

  constructor(file: string) {
    this.#file = file;
  }

  /** The bounds to open the window with, given the displays present now. */
  load(workAreas: WorkArea[]): WindowBounds {
    let saved: unknown;
    try {
      saved = JSON.parse(readFileSync(this.#file, 'utf8'));
    } catch {
      return { ...DEFAULT_BOUNDS };
    }
    const bounds = sanitize(saved);
    if (!bounds) return { ...DEFAULT_BOUNDS };
    if (bounds.x === undefined || bounds.y === undefined) return bounds;
    const visible = workAreas.some((area) => overlapsEnough(bounds as Required<WindowBounds>, area));
    return visible ? bounds : { width: bounds.width, height: bounds.height, maximized: bounds.maximized };
  }

  /** Saves the bounds atomically, so a crash mid-write never leaves a truncated file. */
  save(bounds: WindowBounds): void {
    mkdirSync(dirname(this.#file), { recursive: true });
    writeFileAtomic(this.#file, JSON.stringify(bounds), { overwrite: true });
  }
}

function sanitize(value: unknown): WindowBounds | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const width = record.width;
  const height = record.height;
  if (!isInteger(width) || !isInteger(height) || width < MIN_WIDTH || height < MIN_HEIGHT) return null;
  const bounds: WindowBounds = { width, height, maximized: record.maximized === true };
  if (isInteger(record.x) && isInteger(record.y)) {
    bounds.x = record.x;
    bounds.y = record.y;
  }
  return bounds;
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 100_000;
}

// A window counts as visible when at least a 100×100 corner of it lies on a display, so the
// user can always grab its title bar.
function overlapsEnough(bounds: Required<WindowBounds>, area: WorkArea): boolean {
  const left = Math.max(bounds.x, area.x);
  const right = Math.min(bounds.x + bounds.width, area.x + area.width);
  const top = Math.max(bounds.y, area.y);
  const bottom = Math.min(bounds.y + bounds.height, area.y + area.height);
  return right - left >= 100 && bottom - top >= 100;
}
