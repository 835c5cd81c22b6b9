import { spawn } from 'node:child_process';
import { messageText, messageTitle } from './alert-text.js';
import type { AlertMessage } from './alert-message.js';

/** What `--exec` reads on stdin: the message, its title and text, and every alert in it. */
export function execJson(message: AlertMessage): string {
  return JSON.stringify({ ...message, title: messageTitle(message), text: messageText(message) });
}

/**
 * `--exec CMD`: run the user's command through the shell with the message as JSON on stdin (and in
 * OFFICE_WATCH_ALERT). A non-zero exit, a signal or a timeout is a failure; office-watch ending stops it.
 */
export function execDelivery(command: string, options: { timeoutMs?: number } = {}) {
  return (message: AlertMessage, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const json = execJson(message);
      const env = { ...process.env, OFFICE_WATCH_ALERT: json };
      const stdio: ['pipe', 'ignore', 'pipe'] = ['pipe', 'ignore', 'pipe'];
      const child = spawn(command, { shell: true, stdio, env, ...(signal ? { signal } : {}) });
      let stderr = '';
      const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 30_000);
      child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-500)));
      child.stdin.on('error', () => undefined); // a command that does not read stdin
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code, signalName) => {
        clearTimeout(timer);
        const last = stderr.trim() ? `: ${stderr.trim().split('\n').at(-1)}` : '';
        if (code === 0) resolve();
        else reject(new Error(`the command exited with ${signalName ?? `code ${code}`}${last}`));
      });
      child.stdin.end(`${json}\n`);
    });
}
