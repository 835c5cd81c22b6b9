import { afterEach, describe, expect, test, vi } from 'vitest';
import { appCommand } from '../../source/app-command.js';
import { main } from '../../source/cli.js';

let stderr = '';
afterEach(() => vi.restoreAllMocks());

async function run(argv: string[]): Promise<number> {
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  return main(argv, appCommand);
}

describe('office-watch (the app command)', () => {
  test('bad flags: one sentence, exit 2, before anything starts', async () => {
    expect(await run(['--interval', '0', '--no-scrape'])).toBe(2);
    expect(stderr).toBe('office-watch: --interval needs a number from 1 to 1440.\n');
    expect(await run(['-w', '1.5'])).toBe(2);
    expect(stderr).toContain('--weeks needs a whole number from 1 to 26.');
    expect(await run(['--demo', '--sites', 'x.json'])).toBe(2);
    expect(stderr).toContain('--demo watches simulated offices and takes no --sites file.');
  });

  test('alert flags: --webhook needs an http(s) URL, --exec a command; --help documents them and --quiet', async () => {
    expect(await run(['--demo', '--webhook', 'ftp://x'])).toBe(2);
    expect(stderr).toBe('office-watch: --webhook needs an http(s) URL; got "ftp://x".\n');
    expect(await run(['--demo', '--exec', ' '])).toBe(2);
    expect(stderr).toBe('office-watch: --exec needs a command.\n');
    expect(await run(['--demo', '--webhook', 'https://example.org/x', '--webhook-format', 'pigeon'])).toBe(2);
    expect(stderr).toBe('office-watch: --webhook-format takes ntfy, gotify, slack, discord, telegram; got "pigeon".\n');
    expect(await run(['--demo', '--webhook', 'https://gotify.example.org/message', '--webhook-format=gotify'])).toBe(2);
    expect(stderr).toMatch(/^office-watch: a Gotify --webhook needs the app token/);
    expect(appCommand.help).toMatch(/--exec CMD[^]*--webhook URL[^]*--webhook-format F[^]*--quiet\s+no terminal bell/);
    const flags = Object.keys(appCommand.flags ?? {});
    expect(flags).toEqual(expect.arrayContaining(['exec', 'webhook', 'webhookFormat', 'quiet']));
  });

  test('--theme: auto, dark or light, else one sentence and exit 2; --help documents it', async () => {
    expect(await run(['--no-scrape', '--theme', 'blue'])).toBe(2);
    expect(stderr).toBe('office-watch: --theme is one of auto, dark and light; got "blue".\n');
    expect(appCommand.help).toMatch(/--theme NAME\s+dark or light: colours for the terminal's background/);
  });

  test('an include pattern that matches no source is named', async () => {
    expect(await run(['-i', 'nowhere'])).toBe(1);
    expect(stderr).toBe('office-watch: no source matches "nowhere"; office-watch list shows them.\n');
  });

  test('without a terminal it points to the one-shot commands', async () => {
    expect(await run(['--no-scrape', '--db', '/nonexistent/never-opened'])).toBe(1);
    expect(stderr).toMatch(/^office-watch: the live app needs a terminal; for scripts use the one-shot commands/);
  });
});
