import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../electron/sender.ts';

describe('isTrustedSender', () => {
  it('trusts only the main frame of our window on our origin', () => {
    expect(isTrustedSender('apparatus://app/index.html', true, true)).toBe(true);
  });

  it.each([
    ['another window', 'apparatus://app/index.html', false, true],
    ['a subframe', 'apparatus://app/index.html', true, false],
    ['a web page', 'https://app/index.html', true, true],
    ['a file URL', 'file:///tmp/index.html', true, true],
    ['another host on our scheme', 'apparatus://evil/index.html', true, true],
    ['no URL', undefined, true, true],
    ['garbage', 'not a url', true, true],
  ])('refuses %s', (_label, url, ours, main) => {
    expect(isTrustedSender(url, ours, main)).toBe(false);
  });
});
