import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWallTime } from '../../core/wall-clock.js';
import { readWeeklyFile, type FileSnapshot } from '../../store/weekly-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'ow-weekly-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const S = (text: string) => parseWallTime(`2021-07-13 ${text}:00`);

describe('readWeeklyFile', () => {
  it("reads each snapshot's rows; a row repeating its location's last row shares its slots, unparsed", async () => {
    const path = join(dir, 'bonn.csv');
    const lines = [
      'date,source_id,location_id,2021-07-13 08:00:00,2021-07-13 08:15:00,2021-07-13 08:30:00',
      '2021-07-12 00:03:33,bonn,a,1,,1',
      '2021-07-12 00:03:33,bonn,b,,1,',
      '2021-07-12 00:18:40,bonn,a,1,,1',
      '2021-07-12 00:18:40,bonn,b,,,',
      '2021-07-12 00:33:10,bonn,a,,,1',
      '2021-07-12 00:33:10,"bonn",b,,,',
      '2021-07-12 00:48:02,bonn,a,,,1',
      '2021-07-12 00:48:02,bonn,b,,,',
    ];
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    const snapshots: FileSnapshot[] = [];
    await readWeeklyFile(path, async (done) => void snapshots.push(...done));

    const slots = (i: number, location: string) => snapshots[i]!.rows.find((row) => row.locationId === location)!.slots;
    expect(snapshots.map((s) => s.date)).toEqual([
      '2021-07-12 00:03:33',
      '2021-07-12 00:18:40',
      '2021-07-12 00:33:10',
      '2021-07-12 00:48:02',
    ]);
    expect([0, 1, 2, 3].map((i) => slots(i, 'a'))).toEqual([
      [S('08:00'), S('08:30')],
      [S('08:00'), S('08:30')],
      [S('08:30')],
      [S('08:30')],
    ]);
    expect([0, 1, 2, 3].map((i) => slots(i, 'b'))).toEqual([[S('08:15')], [], [], []]);
    expect(slots(1, 'a')).toBe(slots(0, 'a'));
    expect(slots(3, 'a')).toBe(slots(2, 'a'));
    expect(slots(2, 'a')).not.toBe(slots(1, 'a'));
    expect(slots(3, 'b')).toBe(slots(1, 'b')); // the quoted row in between is parsed in full; the bytes still match
  });
});
