import { describe, expect, test } from 'vitest';
import { shortUrl } from '../../source/tui/short-url.js';

const url = 'https://termine.stadt-bonn.example/netappoint/index.php?company=stadtbonn&cur_cause=1';

describe('shortUrl', () => {
  test('whole where it fits; then without the scheme; then the host and the end of the path', () => {
    expect(shortUrl(url, 200)).toBe(url);
    expect(shortUrl(url, url.length - 3)).toBe(url.slice('https://'.length));
    const short = shortUrl(url, 50);
    expect([...short]).toHaveLength(50);
    expect(short).toMatch(/^termine\.stadt-bonn\.example\/…/);
    expect(short).toBe('termine.stadt-bonn.example/…=stadtbonn&cur_cause=1');
  });

  test('a host too long for the width is cut at the end; site text is sanitized', () => {
    expect(shortUrl('https://a-very-long-host-name.example/x', 20)).toBe('a-very-long-host-na…');
    expect(shortUrl('https://evil.example/\u001b[2Jpath\u202e', 80)).toBe('https://evil.example/path');
    for (const width of [10, 24, 37, 60]) expect([...shortUrl(url, width)].length).toBeLessThanOrEqual(width);
  });
});
