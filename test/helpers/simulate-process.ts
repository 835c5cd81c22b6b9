import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from './run-bin.js';

export interface SimulateProcess {
  child: ChildProcess;
  /** What it has printed so far. */
  stdout(): string;
  stderr(): string;
}

/** Its stderr note counts the offices ("… 15 offices from …"); stdout lists them, a line each: all there, whole. */
export const allOfficesListed = ({ stdout, stderr }: { stdout: string; stderr: string }): boolean => {
  const count = /^office-watch simulate: (\d+) offices/m.exec(stderr)?.[1];
  return count !== undefined && stdout.endsWith('\n') && stdout.trimEnd().split('\n').length === Number(count);
};

/** `office-watch simulate ARGS` started as a user would, resolved once `ready` holds of its output (20 s at most). */
export async function startSimulate(
  args: string[],
  ready: (out: { stdout: string; stderr: string }) => boolean,
): Promise<SimulateProcess> {
  const child = spawn(process.execPath, [BIN, 'simulate', '--port', '0', '--speed', '1', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (const started = Date.now(); !ready({ stdout, stderr }); ) {
    if (Date.now() - started > 20_000) throw new Error(`simulate did not start: ${stdout}${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, stdout: () => stdout, stderr: () => stderr };
}
