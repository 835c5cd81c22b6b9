import { spawn } from 'node:child_process';
import type { Alert } from '../../store/alerts.js';

/**
 * `--exec CMD`: run the user's command through the shell with the alert as JSON on stdin (and in
 * OFFICE_WATCH_ALERT). A non-zero exit, a signal or a timeout is a failure.
 */
export function execDelivery(command: string, options: { timeoutMs?: number } = {}): (alert: Alert) => Promise<void> {
  return (alert) =>
    new Promise<void>((resolve, reject) => {
      const json = JSON.stringify(alert);
      const child = spawn(command, { shell: true, stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, OFFICE_WATCH_ALERT: json } });
      let stderr = '';
      const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 30_000);
      child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-500)));
      child.stdin.on('error', () => undefined); // a command that does not read stdin
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`the command exited with ${signal ?? `code ${code}`}${stderr.trim() ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`));
      });
      child.stdin.end(`${json}\n`);
    });
}
