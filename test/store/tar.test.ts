import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TAR_END, TarFormatError, TarReader, tarHeader, tarPadding } from '../../store/tar.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

interface Entry {
  name: string;
  size: number;
  data: Buffer;
}

function makeTar(files: { name: string; data: Buffer }[]): Buffer {
  return Buffer.concat([
    ...files.flatMap((f) => [tarHeader(f.name, f.data.length, 1_626_000_000), f.data, tarPadding(f.data.length)]),
    TAR_END,
  ]);
}

/** Feed `bytes` to a TarReader in chunks of the given sizes (cycled); collect the entries. */
function readTar(bytes: Buffer, chunkSizes: number[] = [bytes.length || 1]): Entry[] {
  const entries: Entry[] = [];
  let current: { name: string; size: number; parts: Buffer[] } | undefined;
  const reader = new TarReader({
    start: (name, size) => void (current = { name, size, parts: [] }),
    data: (chunk) => current!.parts.push(Buffer.from(chunk)),
    end: () => {
      entries.push({ name: current!.name, size: current!.size, data: Buffer.concat(current!.parts) });
      current = undefined;
    },
  });
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(1, chunkSizes[i % chunkSizes.length]!);
    reader.push(bytes.subarray(at, at + size));
    at += size;
  }
  reader.end();
  return entries;
}

const files = [
  {
    name: 'bonn.csv',
    data: Buffer.from('date,source_id,location_id,2021-07-12 08:20:00\r\n2021-07-12 00:03:33,bonn,a,1\r\n'),
  },
  { name: 'empty.csv', data: Buffer.alloc(0) },
  { name: 'exact.csv', data: Buffer.alloc(512, 0x31) },
  { name: 'Bürgeramt.csv', data: Buffer.alloc(1500, 0x2c) },
];

describe('tarHeader + TarReader', () => {
  it('read back a tar written with tarHeader, whole', () => {
    expect(readTar(makeTar(files))).toEqual(files.map((f) => ({ name: f.name, size: f.data.length, data: f.data })));
  });

  it('read back the same in any chunking', () => {
    const tar = makeTar(files);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1200 }), { minLength: 1, maxLength: 20 }), (chunks) => {
        expect(readTar(tar, chunks)).toEqual(readTar(tar));
      }),
      { numRuns: 200 },
    );
  });

  it('write headers that GNU tar accepts', () => {
    const listing = execFileSync('tar', ['tvf', '-'], { input: makeTar(files) }).toString();
    expect(listing).toMatch(new RegExp(` ${files[0]!.data.length} .*bonn\\.csv`));
    expect(listing).toMatch(/ 1500 .*Bürgeramt\.csv/);
    expect(execFileSync('tar', ['xOf', '-', 'bonn.csv'], { input: makeTar(files) })).toEqual(files[0]!.data);
  });

  it('read an archive that ends without the two zero blocks', () => {
    const tar = makeTar(files.slice(0, 1));
    expect(readTar(tar.subarray(0, tar.length - TAR_END.length))).toHaveLength(1);
  });

  it('ignore what follows the end-of-archive blocks', () => {
    expect(readTar(Buffer.concat([makeTar(files.slice(0, 1)), Buffer.alloc(4096, 7)]))).toHaveLength(1);
  });

  it('an empty archive has no entries', () => {
    expect(readTar(TAR_END)).toEqual([]);
    expect(readTar(Buffer.alloc(0))).toEqual([]);
  });

  it('skip entries that are no regular files (folders)', () => {
    const dir = tarHeader('week/', 0, 0);
    dir.write('5', 156, 'latin1');
    let sum = 0;
    dir.fill(32, 148, 156);
    for (const byte of dir) sum += byte;
    dir.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    expect(readTar(Buffer.concat([dir, makeTar(files.slice(0, 1))])).map((e) => e.name)).toEqual(['bonn.csv']);
  });

  it('a file cut short is an error at the end of the stream', () => {
    const tar = makeTar(files);
    expect(() => readTar(tar.subarray(0, 512 + 40))).toThrow(TarFormatError);
    expect(() => readTar(tar.subarray(0, 100))).toThrow(/ends in the middle of a file/);
  });

  it('a damaged header is an error', () => {
    const tar = makeTar(files);
    tar[10] = tar[10]! ^ 0xff;
    expect(() => readTar(tar)).toThrow(/bad checksum/);
    expect(() => readTar(Buffer.alloc(1024, 0x41))).toThrow(TarFormatError);
  });
});

describe.runIf(hasSharedData('raw/2026-29.tar.gz'))('a published weekly .tar.gz', () => {
  it('lists the entries GNU tar lists, with their bytes', () => {
    const path = sharedData('raw/2026-29.tar.gz')!;
    const entries = readTar(gunzipSync(readFileSync(path)), [4096, 65536, 333]);
    expect(entries.map((e) => e.name)).toEqual(['wuppertalgeo.csv', 'wuppertalgw.csv']);
    for (const entry of entries) {
      expect(entry.data.length).toBe(entry.size);
      expect(entry.data.equals(execFileSync('tar', ['xzOf', path, entry.name], { maxBuffer: 1 << 26 }))).toBe(true);
    }
  });
});
