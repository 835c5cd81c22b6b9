import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertDispatcher, RECORDS_KEPT } from '../../../source/alerts/dispatcher.js';
import type { Alert } from '../../../store/alerts.js';

const alert: Alert = {
  id: '2024-05-06 09:30:00|bonn|meldewesen|2024-05-08 08:00:00',
  sourceId: 'bonn',
  locationId: 'meldewesen',
  office: 'Meldewesen',
  siteName: 'Stadt Bonn',
  city: 'Bonn',
  slot: '2024-05-08 08:00:00',
  kind: 'cancellation',
  url: 'https://termine.bonn.de/',
  takenAt: '2024-05-06 09:30:00',
  watchIds: ['1'],
};

const dir = mkdtempSync(join(tmpdir(), 'ow-dispatch-'));
let server: Server;
let origin = '';
const received: { path: string; body: unknown }[] = [];
let failuresLeft = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/down' || failuresLeft-- > 0) return void response.writeHead(503).end('busy');
      received.push({ path: request.url ?? '', body: JSON.parse(body) });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const fast = { attempts: 3, baseDelayMs: 20 };

describe('createAlertDispatcher', () => {
  it('webhook: POSTs ntfy/Gotify-style JSON with the whole alert', async () => {
    received.length = 0;
    const dispatcher = createAlertDispatcher({ webhook: `${origin}/topic`, retry: fast, log: () => undefined });
    dispatcher.dispatch([alert]);
    await dispatcher.idle();
    expect(received).toHaveLength(1);
    expect(received[0]!.path).toBe('/topic');
    expect(received[0]!.body).toMatchObject({ title: 'Free slot: Meldewesen (Bonn)', click: alert.url, priority: 4, alert });
    expect((received[0]!.body as { message: string }).message).toContain('Wed 2024-05-08 08:00');
    expect(dispatcher.records).toEqual([{ alertId: alert.id, target: 'webhook', ok: true, attempts: 1 }]);
  });

  it('webhook: a failing answer is retried with back-off, then delivered', async () => {
    received.length = 0;
    failuresLeft = 2;
    const lines: string[] = [];
    const dispatcher = createAlertDispatcher({ webhook: `${origin}/topic`, retry: fast, log: (line) => lines.push(line) });
    dispatcher.dispatch([alert]);
    await dispatcher.idle();
    expect(received).toHaveLength(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/webhook attempt 1 failed/);
    expect(dispatcher.records[0]).toMatchObject({ ok: true, attempts: 3 });
  });

  it('keeps the last RECORDS_KEPT deliveries only (a live app runs for weeks)', async () => {
    const dispatcher = createAlertDispatcher({ webhook: `${origin}/topic`, retry: fast, log: () => undefined });
    const many = Array.from({ length: RECORDS_KEPT + 5 }, (_, i) => ({ ...alert, id: `alert ${i}` }));
    for (const one of many) {
      dispatcher.dispatch([one]);
      await dispatcher.idle();
    }
    expect(dispatcher.records).toHaveLength(RECORDS_KEPT);
    expect(dispatcher.records[0]!.alertId).toBe('alert 5');
    expect(dispatcher.records.at(-1)!.alertId).toBe(`alert ${RECORDS_KEPT + 4}`);
  });

  it('webhook always failing: retried, then logged as not delivered, never thrown; other alerts still go out', async () => {
    const lines: string[] = [];
    const delivered: string[] = [];
    const dispatcher = createAlertDispatcher({ webhook: `${origin}/down`, retry: fast, log: (line) => lines.push(line), onAlert: (a) => delivered.push(a.id) });
    dispatcher.dispatch([alert, { ...alert, id: 'second' }]);
    await dispatcher.idle();
    expect(delivered).toEqual([alert.id, 'second']);
    expect(lines.filter((l) => /attempt \d failed/.test(l))).toHaveLength(6);
    expect(lines.filter((l) => /NOT delivered by webhook: webhook failed 3 times .*503/.test(l))).toHaveLength(2);
    expect(dispatcher.records.map((r) => [r.ok, r.attempts])).toEqual([[false, 3], [false, 3]]);
  });

  it('webhook: a closed port is a logged failure, not a crash', async () => {
    const lines: string[] = [];
    const dispatcher = createAlertDispatcher({ webhook: 'http://127.0.0.1:9/x', retry: { attempts: 2, baseDelayMs: 10 }, log: (line) => lines.push(line) });
    dispatcher.dispatch([alert]);
    await dispatcher.idle();
    expect(lines.at(-1)).toMatch(/NOT delivered by webhook/);
  });

  it('exec: runs the command as a child process with the alert JSON on stdin', async () => {
    const out = join(dir, 'alert.json');
    const script = join(dir, 'save.sh');
    writeFileSync(script, `#!/bin/sh\ncat > "${out}"\n`, { mode: 0o755 });
    const dispatcher = createAlertDispatcher({ exec: script, retry: fast, log: () => undefined });
    dispatcher.dispatch([alert]);
    await dispatcher.idle();
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(alert);
    expect(dispatcher.records).toEqual([{ alertId: alert.id, target: 'exec', ok: true, attempts: 1 }]);
  });

  it('exec: a failing command is retried and logged with its last stderr line', async () => {
    const lines: string[] = [];
    const dispatcher = createAlertDispatcher({ exec: 'echo nope >&2; exit 3', retry: { attempts: 2, baseDelayMs: 10 }, log: (line) => lines.push(line) });
    dispatcher.dispatch([alert]);
    await dispatcher.idle();
    expect(lines).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/NOT delivered by exec: exec failed 2 times \(last: the command exited with code 3: nope\)/);
  });

  it('an onAlert listener that throws is logged; deliveries go on', async () => {
    received.length = 0;
    const lines: string[] = [];
    const dispatcher = createAlertDispatcher({ webhook: `${origin}/t`, retry: fast, log: (line) => lines.push(line), onAlert: () => {
      throw new Error('boom');
    } });
    dispatcher.dispatch([alert]);
    await dispatcher.idle();
    expect(lines[0]).toMatch(/alert listener failed: boom/);
    expect(received).toHaveLength(1);
  });
});
