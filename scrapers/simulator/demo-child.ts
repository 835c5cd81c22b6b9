import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSimClock } from './clock.js';
import type { Demo, DemoSite } from './demo.js';

export type DemoWorld = Pick<Demo, 'sites' | 'clock' | 'close'>;

// Beside this module in dist/ and in the bundle; from the sources (tests) the built one.
const SCRIPTS = ['./demo-process.js', '../../dist/scrapers/simulator/demo-process.js'];

/**
 * Start the demo world in a child process (demo-process.ts).
 * The clock here follows the child's: the same speed, set to the simulated time the child reported when ready.
 */
export function startDemoProcess(options: {
  start: Date;
  speed: number;
  seed?: number;
  epoch?: Date;
}): Promise<DemoWorld> {
  const script = SCRIPTS.map((candidate) => fileURLToPath(new URL(candidate, import.meta.url))).find((path) =>
    existsSync(path),
  );
  if (!script) return Promise.reject(new Error('demo-process.js is missing from the installation'));
  // Serving pages leaves short-lived garbage only: a small young generation does (V8 would grow it to 32 MB).
  const execArgv = [...process.execArgv, '--max-semi-space-size=2'];
  const times = { start: options.start.getTime(), ...(options.epoch ? { epoch: options.epoch.getTime() } : {}) };
  const child = fork(script, [JSON.stringify({ ...options, ...times })], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    execArgv,
  });
  return new Promise((resolve, reject) => {
    const failed = (why: string) => reject(new Error(`the demo world did not start (${why})`));
    child.once('error', (error) => failed(error.message));
    child.once('exit', (code) => failed(`exit ${code}`));
    child.once('message', (message) => {
      const { sites, now } = message as { sites: DemoSite[]; now: number };
      child.removeAllListeners('exit');
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      resolve({
        sites,
        clock: createSimClock({ start: new Date(now), speed: options.speed }),
        close: async () => {
          if (child.connected) child.send('close');
          await exited;
        },
      });
    });
  });
}
