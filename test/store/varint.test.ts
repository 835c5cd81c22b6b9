import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCounters,
  ByteReader,
  ByteWriter,
  readCounters,
  readSortedTimes,
  writeCounters,
  writeSortedTimes,
} from '../../store/varint.js';

const roundTrip = <T>(
  write: (w: ByteWriter) => void,
  read: (r: ByteReader) => T,
): { value: T; done: boolean; bytes: number } => {
  const writer = new ByteWriter();
  write(writer);
  const bytes = writer.finish();
  const reader = new ByteReader(bytes);
  const value = read(reader);
  return { value, done: reader.done, bytes: bytes.length };
};

describe('varint codec', () => {
  it('round-trips unsigned integers up to 2^53 - 1', () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeNat(), { maxLength: 50 }), (values) => {
        const { value, done } = roundTrip(
          (w) => values.forEach((v) => w.uint(v)),
          (r) => values.map(() => r.uint()),
        );
        expect(value).toEqual(values);
        expect(done).toBe(true);
      }),
    );
  });

  it('uses one byte below 128 and grows past the initial buffer', () => {
    expect(
      roundTrip(
        (w) => w.uint(127),
        (r) => r.uint(),
      ).bytes,
    ).toBe(1);
    expect(
      roundTrip(
        (w) => w.uint(128),
        (r) => r.uint(),
      ).bytes,
    ).toBe(2);
    const many = Array.from({ length: 1000 }, (_, i) => i * 1_000_003);
    expect(
      roundTrip(
        (w) => many.forEach((v) => w.uint(v)),
        (r) => many.map(() => r.uint()),
      ).value,
    ).toEqual(many);
  });

  it('round-trips strings (any unicode, empty included)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { maxLength: 10 }), (strings) => {
        const { value, done } = roundTrip(
          (w) => strings.forEach((s) => w.string(s)),
          (r) => strings.map(() => r.string()),
        );
        expect(value).toEqual(strings);
        expect(done).toBe(true);
      }),
    );
  });

  it('reports truncated input instead of reading garbage', () => {
    expect(() => new ByteReader(Uint8Array.of(0x80)).uint()).toThrow(RangeError);
    expect(() => new ByteReader(new Uint8Array()).uint()).toThrow(RangeError);
    expect(() => new ByteReader(Uint8Array.of(5, 0x61)).string()).toThrow(RangeError);
  });
});

describe('sorted time lists', () => {
  const sortedSeconds = fc
    .uniqueArray(fc.integer({ min: 0, max: 4_102_444_800 }), { maxLength: 200 })
    .map((a) => a.sort((x, y) => x - y));

  it('round-trip any ascending list of seconds', () => {
    fc.assert(
      fc.property(sortedSeconds, (times) => {
        const { value, done } = roundTrip((w) => writeSortedTimes(w, times), readSortedTimes);
        expect(value).toEqual(times);
        expect(done).toBe(true);
      }),
    );
  });

  it('round-trip whole minutes compactly (one byte per 5-minute step)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 70_000_000 }), { maxLength: 200 }), (minutes) => {
        const times = minutes.sort((a, b) => a - b).map((m) => m * 60);
        const { value } = roundTrip((w) => writeSortedTimes(w, times), readSortedTimes);
        expect(value).toEqual(times);
      }),
    );
    const start = Date.UTC(2021, 6, 12, 8) / 1000;
    const day = Array.from({ length: 100 }, (_, i) => start + i * 300);
    // header (2 bytes) + first gap (4 bytes for ~27 million minutes) + 99 one-byte gaps
    expect(roundTrip((w) => writeSortedTimes(w, day), readSortedTimes).bytes).toBeLessThanOrEqual(2 + 4 + 99);
  });

  it('several lists in a row keep their boundaries', () => {
    fc.assert(
      fc.property(fc.array(sortedSeconds, { maxLength: 5 }), (lists) => {
        const { value, done } = roundTrip(
          (w) => lists.forEach((l) => writeSortedTimes(w, l)),
          (r) => lists.map(() => readSortedTimes(r)),
        );
        expect(value).toEqual(lists);
        expect(done).toBe(true);
      }),
    );
  });
});

describe('counters', () => {
  it('round-trip int32 counters (non-negative) with runs of zeros folded', () => {
    const counters = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 2 ** 31 - 1 })), {
      maxLength: 80,
    });
    fc.assert(
      fc.property(counters, (values) => {
        const { value, done } = roundTrip((w) => writeCounters(w, Int32Array.from(values)), readCounters);
        expect([...value]).toEqual(values);
        expect(done).toBe(true);
      }),
    );
  });

  it('add into a longer array at an offset, leaving the rest alone', () => {
    const counters = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 })), { maxLength: 40 });
    fc.assert(
      fc.property(
        counters,
        fc.nat(5),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 50, maxLength: 50 }),
        (values, offset, start) => {
          const into = Int32Array.from(start);
          const { done } = roundTrip(
            (w) => writeCounters(w, Int32Array.from(values)),
            (r) => addCounters(r, into, offset),
          );
          expect([...into]).toEqual(
            start.map((v, i) => (i >= offset && i < offset + values.length ? v + values[i - offset]! : v)),
          );
          expect(done).toBe(true);
        },
      ),
    );
  });

  it('fold an all-zero row into two bytes', () => {
    expect(roundTrip((w) => writeCounters(w, new Int32Array(34)), readCounters).bytes).toBe(2);
    expect([...roundTrip((w) => writeCounters(w, new Int32Array(0)), readCounters).value]).toEqual([]);
  });
});
