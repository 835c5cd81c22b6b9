import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { PtySession } from './pty-session.js';

test('probe', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'ow-pty-')), 'db');
  const s = new PtySession(['bin/office-watch.js', '--demo', '--db', db], { cwd: process.cwd() });
  try {
    await new Promise((r) => setTimeout(r, 8000));
    await s.waitFor(() => true);
    console.log(s.screen());
    s.write('j'); s.write('\r');
    await new Promise((r) => setTimeout(r, 3000));
    await s.waitFor(() => true);
    console.log(s.screen());
    s.write('q');
    console.log(await s.exited, s.bufferType);
  } finally { s.kill(); }
}, 60000);
