import { describe, expect, test } from 'vitest';
import { loadInteractiveInk } from '../../source/tui/interactive-ink.js';

// Ink and its colour library decide once, when they load: this file loads them itself (its own process), as a
// CI runner would start the app in a terminal: CI=true, 256 colours, nothing forced.
describe('loading Ink for the live app', () => {
  test('in CI too: colours on, and the environment as it was', async () => {
    process.env.CI = 'true';
    process.env.TERM = 'xterm-256color';
    delete process.env.FORCE_COLOR;
    delete process.env.NO_COLOR;
    await loadInteractiveInk('full');
    expect(process.env.CI).toBe('true');
    expect(process.env.FORCE_COLOR).toBeUndefined();
    const { Text } = await import('ink');
    const { render } = await import('ink-testing-library');
    const { lastFrame, unmount } = render(<Text color="ansi256(31)">coloured</Text>);
    expect(lastFrame()).toContain('\u001b[38;5;31mcoloured');
    unmount();
  });
});
