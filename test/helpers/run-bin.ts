import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './shared-data.js';

// The built binary: `npm run build` first (npm test does).
export const BIN = join(repoRoot, 'bin/office-watch.js');

export interface BinResult {
  /** The exit code; null when killed. */
  code: number | null;
  stdout: Buffer;
  stderr: string;
  /** Killed after `timeoutMs` (a hang). */
  timedOut: boolean;
}

export interface BinOptions {
  /** Added to the environment. */
  env?: NodeJS.ProcessEnv;
  /** Run as this user and group (a test running as root checks a read-only folder as nobody). */
  uid?: number;
  gid?: number;
}

/** Run the binary to its end, or kill it after `timeoutMs`; stdout kept as bytes. */
export function runBin(args: string[], timeoutMs = 30_000, options: BinOptions = {}): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NO_COLOR: '1', ...options.env };
    const ids = options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid };
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], ...ids });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => (clearTimeout(timer), reject(error)));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
  });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the binary to its end, two minutes at most (a hang fails the test); its output as text. */
export async function cli(...args: string[]): Promise<CliResult> {
  const { code, stdout, stderr, timedOut } = await runBin(args, 120_000);
  if (timedOut || code === null) throw new Error(`office-watch ${args.join(' ')} did not end`);
  return { code, stdout: stdout.toString('utf8'), stderr };
}
