import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { TAR_END, TarReader, tarHeader, tarPadding } from '../../store/tar.js';

/** A file of a weekly bundle. */
export interface TarEntry {
  name: string;
  data: Buffer;
}

/** One random damage to a weekly .tar.gz: its kind (for the report) and the damaged bytes. */
export interface Corruption {
  kind: string;
  describe: string;
  bytes: Buffer;
}

export function readTarGz(bytes: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let parts: Buffer[] = [];
  let name = '';
  const reader = new TarReader({
    start: (entry) => ((name = entry), (parts = [])),
    data: (chunk) => void parts.push(Buffer.from(chunk)),
    end: () => void entries.push({ name, data: Buffer.concat(parts) }),
  });
  reader.push(gunzipSync(bytes));
  reader.end();
  return entries;
}

export const packTar = (entries: TarEntry[]): Buffer =>
  Buffer.concat([
    ...entries.flatMap((e) => [tarHeader(e.name, e.data.length, 1_784_000_000), e.data, tarPadding(e.data.length)]),
    TAR_END,
  ]);

const packTarGz = (entries: TarEntry[]): Buffer => gzipSync(packTar(entries));

/** Byte offsets where lines start (after each LF), the first included. */
function lineStarts(data: Buffer): number[] {
  const starts = [0];
  for (let i = data.indexOf(10); i >= 0 && i + 1 < data.length; i = data.indexOf(10, i + 1)) starts.push(i + 1);
  return starts;
}

const insertAt = (data: Buffer, at: number, extra: Buffer): Buffer =>
  Buffer.concat([data.subarray(0, at), extra, data.subarray(at)]);

type CsvEdit = (data: Buffer, pick: (n: number) => number, junk: Buffer) => Buffer;

/** Damages to one CSV's content; `pick(n)` is a random index below n, `junk` random bytes. */
const CSV_EDITS: Record<string, CsvEdit> = {
  'cut line': (d, pick) => d.subarray(0, pick(d.length)),
  'extra comma': (d, pick) => insertAt(d, pick(d.length), Buffer.from(',')),
  'missing comma': (d, pick) => {
    const commas = [...d.keys()].filter((i) => d[i] === 44);
    const at = commas[pick(commas.length)]!;
    return Buffer.concat([d.subarray(0, at), d.subarray(at + 1)]);
  },
  'garbage bytes': (d, pick, junk) => insertAt(d, pick(d.length), junk),
  'bad date': (d, pick, junk) => {
    const starts = lineStarts(d).slice(1);
    const at = starts[pick(starts.length)]!;
    const dates = [
      '2026-13-45 99:99:99',
      '',
      'yesterday',
      '2026-07-16',
      '0000-00-00 00:00:00',
      '2026-07-16T10:00:00Z',
      junk.toString('latin1'),
    ];
    return Buffer.concat([d.subarray(0, at), Buffer.from(dates[pick(dates.length)]!, 'latin1'), d.subarray(at + 19)]);
  },
  'duplicated header': (d, pick) => {
    const starts = lineStarts(d);
    return insertAt(d, starts[pick(starts.length)]!, d.subarray(0, starts[1]));
  },
  'CR/LF mix': (d, pick) => {
    const endings = ['\n', '\r', '\r\r\n', '\n\r', ''];
    const ending = endings[pick(endings.length)]!;
    const text = d.toString('latin1');
    let n = 0;
    const every = 1 + pick(20);
    return Buffer.from(
      text.replace(/\r\n/g, (crlf) => (n++ % every === 0 ? ending : crlf)),
      'latin1',
    );
  },
  'huge line': (d, pick) => {
    const starts = lineStarts(d);
    const size = (1 + pick(8)) << 20;
    const fill = [Buffer.alloc(size, 'x'), Buffer.alloc(size, ','), Buffer.alloc(size, '1,')][pick(3)]!;
    return insertAt(
      d,
      starts[pick(starts.length)]!,
      Buffer.concat([Buffer.from('2026-07-16 10:00:00,wuppertalgw,x,'), fill, Buffer.from('\r\n')]),
    );
  },
  'NUL bytes': (d, pick) => {
    const out = Buffer.from(d);
    for (let k = 1 + pick(8); k > 0; k--) out[pick(out.length)] = 0;
    return out;
  },
};

/** The kinds of damage, each an arbitrary of corruptions of the given real week. */
export function corruptionArbitrary(tarGz: Buffer): fc.Arbitrary<Corruption> {
  const entries = readTarGz(tarGz);
  const tar = packTar(entries);
  const picks = fc.array(fc.nat(), { minLength: 16, maxLength: 16 });
  const picker = (seeds: number[]): ((n: number) => number) => {
    let i = 0;
    return (n) => (n <= 0 ? 0 : seeds[i++ % seeds.length]! % n);
  };
  const gzFlip = fc
    .record({ flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }) })
    .map(({ flips }) => {
      const bytes = Buffer.from(tarGz);
      for (const [at, xor] of flips) bytes[at % bytes.length]! ^= xor;
      return {
        kind: 'gz byte flip',
        describe: flips.map(([at, xor]) => `${at % bytes.length}^${xor}`).join(' '),
        bytes,
      };
    });
  const gzCut = fc
    .nat({ max: tarGz.length - 1 })
    .map((at) => ({ kind: 'gz truncation', describe: `cut at ${at}`, bytes: tarGz.subarray(0, at) }));
  const csv = fc
    .tuple(fc.constantFrom(...Object.keys(CSV_EDITS)), picks, fc.uint8Array({ minLength: 1, maxLength: 64 }))
    .map(([kind, seeds, junk]) => {
      const pick = picker(seeds);
      const target = pick(entries.length);
      const damaged = entries.map((e, i) =>
        i === target ? { name: e.name, data: CSV_EDITS[kind]!(e.data, pick, Buffer.from(junk)) } : e,
      );
      return {
        kind: `csv ${kind}`,
        describe: `${entries[target]!.name} seeds ${seeds.join(',')}`,
        bytes: packTarGz(damaged),
      };
    });
  // A header byte changed without fixing the checksum (entry 0's header is at 0; later ones follow their data).
  const headers = entries.map((_, i) =>
    entries.slice(0, i).reduce((at, e) => at + 512 + e.data.length + tarPadding(e.data.length).length, 0),
  );
  const tarHeaderFlip = fc
    .tuple(fc.nat({ max: headers.length - 1 }), fc.nat({ max: 511 }), fc.integer({ min: 1, max: 255 }))
    .map(([h, at, xor]) => {
      const bytes = Buffer.from(tar);
      bytes[headers[h]! + at]! ^= xor;
      return { kind: 'tar header checksum', describe: `header ${h} byte ${at}^${xor}`, bytes: gzipSync(bytes) };
    });
  return fc.oneof(gzFlip, gzCut, csv, csv, csv, tarHeaderFlip);
}
