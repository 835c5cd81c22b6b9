// Run a command; resolve with its wall time (s), exit code, output, and with `rss` its peak RSS (MB) and CPU
// seconds (user + system, children included), from /usr/bin/time -v. Without /usr/bin/time, a node command reports
// its own peak RSS at exit (no CPU seconds then).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';

export function timed(command, args, { rss = false, env = {} } = {}) {
  const useTime = rss && existsSync(TIME);
  const childEnv = { ...process.env, NO_COLOR: '1', ...env };
  let rssFile;
  if (rss && !useTime) {
    rssFile = join(tmpdir(), `office-watch-rss-${process.pid}-${Date.now()}`);
    const hook =
      "process.on('exit',()=>require('node:fs')" +
      `.writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS)))`;
    childEnv.NODE_OPTIONS =
      `${childEnv.NODE_OPTIONS ?? ''} --require=data:text/javascript,${encodeURIComponent(hook)}`.trim();
  }
  const [file, argv] = useTime ? [TIME, ['-v', command, ...args]] : [command, args];
  return new Promise((done) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      let peakMb = match ? Number(match[1]) / 1024 : undefined;
      if (rssFile && existsSync(rssFile)) {
        peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
        rmSync(rssFile, { force: true });
      }
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const cpuSeconds = user && system ? Number(user[1]) + Number(system[1]) : undefined;
      if (useTime) stderr = stderr.split('\tCommand being timed')[0];
      done({ seconds, code, stdout, stderr, peakMb, cpuSeconds });
    });
  });
}

export function folderBytes(path) {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}
