import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { PtySession } from './pty-session.js';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
test('probe', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'ow-pty-')), 'db');
  const s = new PtySession(['bin/office-watch.js', '--demo', '--db', db], { cwd: process.cwd() });
  const show = async (label: string) => { await s.waitFor(() => true); console.log(`--- ${label}\n${s.screen()}`); };
  try {
    await wait(35000);
    s.write('j'); await wait(300); await show('bonn');
    s.write('[');  await wait(500); await show('bonn history');
    s.write('2'); await wait(800); await show('timeline');
    s.write('3'); await wait(300); await show('health');
    s.write('1'); s.write('/'); await wait(100); s.write('f'); await wait(100); s.write('r'); await wait(300); await show('filter');
    s.write('\r'); await wait(100); s.write('r'); await wait(4000); await show('rescrape');
    s.write('q'); await s.exited;
  } finally { s.kill(); }
}, 90000);
