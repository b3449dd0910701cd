import { describe, expect, it } from 'vitest';

describe('toolchain', () => {
  it('runs on Node 24, the Node that Electron 45 embeds', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
