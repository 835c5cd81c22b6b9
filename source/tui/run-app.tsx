import { render } from 'ink';
import type { WatchData } from './data/app-data.js';
import { App } from './app.js';
import type { ThemeSettings } from './theme.js';

export interface RunAppOptions {
  data: WatchData;
  theme: ThemeSettings;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

/** Enter the alternate screen, leave it (and show the cursor) on exit: q, Ctrl-C, a signal, or a crash. */
const ENTER = '\u001b[?1049h\u001b[H\u001b[2J';
const LEAVE = '\u001b[?25h\u001b[?1049l';

/** Render the app full-screen until the user quits; the terminal is restored whatever happens. */
export async function runApp(options: RunAppOptions): Promise<void> {
  const { data, theme, stdout = process.stdout, stdin = process.stdin } = options;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE);
  };
  stdout.write(ENTER);
  process.once('exit', restore);
  // Ink holds a frame back until 1000/maxFps ms after the one before; a key's frame should not wait. The app's own
  // data updates are throttled (App's throttleMs), so this only lets key presses through at once.
  const settings = { stdout, stdin, exitOnCtrlC: true, patchConsole: true, maxFps: 1000 };
  const instance = render(<App data={data} {...theme} />, settings);
  const quit = () => instance.unmount();
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, quit);
  try {
    await instance.waitUntilExit();
  } finally {
    for (const signal of signals) process.off(signal, quit);
    instance.cleanup();
    restore();
    process.off('exit', restore);
  }
}
