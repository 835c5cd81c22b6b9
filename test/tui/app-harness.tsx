import { render } from 'ink-testing-library';
import { App, type AppProps } from '../../source/tui/app.js';
import type { WatchData } from '../../source/tui/data/app-data.js';

/** One turn of the event loop: Ink's lone-Esc flush and React's effects (both setImmediate) run before it ends. */
const turn = () => new Promise((resolve) => setImmediate(resolve));
// The real clock and timer, kept before a test fakes the global ones: `see` polls the screen (and keeps its deadline)
// while the app's clock is held.
const { setTimeout: realSetTimeout } = globalThis;
const realNow = Date.now.bind(Date);
const poll = () => new Promise((resolve) => realSetTimeout(resolve, 10));
export const KEYS = {
  down: '\u001b[B',
  up: '\u001b[A',
  right: '\u001b[C',
  left: '\u001b[D',
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  backspace: '\u007f',
};

/** The app on fake data at a fixed size, without colours; `see` polls the screen, `press` types keys one by one. */
export function startApp(data: WatchData, size = { columns: 80, rows: 24 }, more: Partial<AppProps> = {}) {
  const instance = render(<App data={data} size={size} colour={false} throttleMs={0} {...more} />);
  const frame = () => instance.lastFrame() ?? '';
  const see = async (expected: string | RegExp | ((screen: string) => boolean), timeoutMs = 3000): Promise<string> => {
    const deadline = realNow() + timeoutMs;
    const ok = () => {
      if (typeof expected === 'string') return frame().includes(expected);
      return typeof expected === 'function' ? expected(frame()) : expected.test(frame());
    };
    while (!ok()) {
      if (realNow() > deadline) throw new Error(`screen never showed ${String(expected)}:\n${frame()}`);
      await poll();
    }
    return frame();
  };
  // Each key is handled (and drawn) when written; the turn lets a lone Esc through as Esc, not as the start of the
  // next key's sequence. What a key shows after a read, `see` waits for.
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      instance.stdin.write(key);
      await turn();
    }
  };
  return { instance, frame, see, press };
}
