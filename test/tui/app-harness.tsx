import { render } from 'ink-testing-library';
import { App, type AppProps } from '../../source/tui/app.js';
import type { WatchData } from '../../source/tui/data/app-data.js';

export const settle = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));
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
    const deadline = Date.now() + timeoutMs;
    const ok = () => {
      if (typeof expected === 'string') return frame().includes(expected);
      return typeof expected === 'function' ? expected(frame()) : expected.test(frame());
    };
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`screen never showed ${String(expected)}:\n${frame()}`);
      await settle(10);
    }
    return frame();
  };
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      instance.stdin.write(key);
      await settle(key === KEYS.escape ? 80 : 30);
    }
  };
  return { instance, frame, see, press };
}
