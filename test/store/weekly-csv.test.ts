import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWallTime } from '../../core/wall-clock.js';
import { restoreCell } from '../../store/formula-cell.js';
import { CsvFormatError, csvField, parseHeader, parseRow, splitFields } from '../../store/weekly-csv.js';

const b = (text: string): Buffer => Buffer.from(text, 'utf8');
const HEADER = 'date,source_id,location_id,2021-07-12 08:20:00,2021-07-12 08:25:00,2021-07-13 10:00:00';

describe('parseHeader', () => {
  it('returns the slot columns as wall seconds', () => {
    expect(parseHeader(b(HEADER))).toEqual(
      ['2021-07-12 08:20:00', '2021-07-12 08:25:00', '2021-07-13 10:00:00'].map(parseWallTime),
    );
  });

  it('accepts a file without any free slot (only the three id columns)', () => {
    expect(parseHeader(b('date,source_id,location_id'))).toEqual([]);
  });

  it('rejects a header that does not start with the id columns', () => {
    expect(() => parseHeader(b('time,source,location,2021-07-12 08:20:00'))).toThrow(/date,source_id,location_id/);
    expect(() => parseHeader(b(''))).toThrow(CsvFormatError);
  });

  it('rejects slot columns that are no time, repeat, or go back, naming the column', () => {
    expect(() => parseHeader(b('date,source_id,location_id,2021-07-12 08:20:00,soon'))).toThrow(/column 5 \("soon"\)/);
    expect(() => parseHeader(b('date,source_id,location_id,2021-07-12 08:20:00,2021-07-12 08:20:00'))).toThrow(
      /column 5/,
    );
    expect(() => parseHeader(b('date,source_id,location_id,2021-07-12 08:25:00,2021-07-12 08:20:00'))).toThrow(
      /column 5/,
    );
    expect(() => parseHeader(b('date,source_id,location_id,2021-02-30 08:20:00'))).toThrow(/column 4/);
  });
});

describe('parseRow', () => {
  it('reads the free cells as column indices', () => {
    expect(parseRow(b('2021-07-12 00:03:33,bonn,fuhrerscheinwesen,,1,1'), 3)).toEqual({
      date: '2021-07-12 00:03:33',
      sourceId: 'bonn',
      locationId: 'fuhrerscheinwesen',
      free: [1, 2],
    });
    expect(parseRow(b('2021-07-12 00:03:33,bonn,a,1,,'), 3).free).toEqual([0]);
    expect(parseRow(b('2021-07-12 00:03:33,bonn,a,,,'), 3).free).toEqual([]);
  });

  it('reads a row of a file without slot columns', () => {
    expect(parseRow(b('2021-07-12 00:03:33,bonn,a'), 0)).toEqual({
      date: '2021-07-12 00:03:33',
      sourceId: 'bonn',
      locationId: 'a',
      free: [],
    });
  });

  it('reads quoted ids (commas, quotes, non-ASCII) as RFC 4180 has them', () => {
    const row = parseRow(b('2021-07-12 00:03:33,bonn,"Bürgeramt, Mitte ""Nord""",1,,1'), 3);
    expect(row).toEqual({
      date: '2021-07-12 00:03:33',
      sourceId: 'bonn',
      locationId: 'Bürgeramt, Mitte "Nord"',
      free: [0, 2],
    });
    expect(parseRow(b('2021-07-12 00:03:33,"bonn",a,"1","",'), 3).free).toEqual([0]);
    expect(parseRow(b('2021-07-12 00:03:33,bonn,Bürgeramt Süd,,1,'), 3).locationId).toBe('Bürgeramt Süd');
  });

  it('rejects malformed rows with a reason', () => {
    const cases: [string, RegExp][] = [
      ['2021-07-12 00:03:33,bonn', /fewer than three fields/],
      ['2021-07-12 00:03:33', /fewer than three fields/],
      ['', /fewer than three fields/],
      ['2021-07-12 00:03:33,bonn,a,1,1', /the row has 5 fields, the header 6/],
      ['2021-07-12 00:03:33,bonn,a,1,1,1,', /the row has 7 fields, the header 6/],
      ['2021-07-12 00:03:33,bonn,a,1,x,1', /cell 5 is neither empty nor 1/],
      ['2021-07-12 00:03:33,bonn,a,11,,', /cell 4 is neither empty nor 1/],
      ['2021-07-12 00:03:33,bonn,a,0,,', /cell 4 is neither empty nor 1/],
      ['2021-07-12 00:03:33,bonn,a, 1,,', /cell 4/],
      ['yesterday,bonn,a,,,', /"yesterday" is not a date/],
      ['2021-07-12T00:03:33,bonn,a,,,', /not a date/],
      ['2021-07-32 00:03:33,bonn,a,,,', /not a date/],
      ['2021-07-12 00:03:33,,a,,,', /id is empty/],
      ['2021-07-12 00:03:33,bonn,,,,', /id is empty/],
      ['2021-07-12 00:03:33,bonn,"a,,,', /quoted field is not closed/],
      ['2021-07-12 00:03:33,bonn,"a"b,,,', /text after a closing quote/],
      ['2021-07-12 00:03:33,bonn,"a",2,,', /cell 4 is neither empty nor 1/],
      ['2021-07-12 00:03:33,bonn,"a",1,', /the row has 5 fields, the header 6/],
    ];
    for (const [line, reason] of cases) {
      expect(() => parseRow(b(line), 3), line).toThrow(CsvFormatError);
      expect(() => parseRow(b(line), 3), line).toThrow(reason);
    }
  });

  it('the fast path and the quoted path agree on any row', () => {
    const cells = fc.array(fc.boolean(), { maxLength: 30 });
    fc.assert(
      fc.property(cells, fc.stringMatching(/^[a-z0-9-]{1,20}$/), (free, id) => {
        const body = free.map((f) => (f ? '1' : '')).join(',');
        const plain = `2021-07-12 00:03:33,bonn,${id}${free.length ? `,${body}` : ''}`;
        const quoted = `2021-07-12 00:03:33,bonn,"${id}"${free.length ? `,${body}` : ''}`;
        const expected = free.flatMap((f, i) => (f ? [i] : []));
        expect(parseRow(b(plain), free.length).free).toEqual(expected);
        expect(parseRow(b(quoted), free.length)).toEqual(parseRow(b(plain), free.length));
      }),
    );
  });
});

describe('csvField / splitFields', () => {
  it('quotes only where needed, as the published files do', () => {
    expect(csvField('fuhrerscheinwesen')).toBe('fuhrerscheinwesen');
    expect(csvField('Bürgeramt Süd')).toBe('Bürgeramt Süd');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('')).toBe('');
  });

  it('splitFields reads back what csvField writes (formula guards undone by restoreCell)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 8 }), (fields) => {
        expect(splitFields(fields.map(csvField).join(',')).map(restoreCell)).toEqual(fields);
      }),
    );
  });

  it('a row with a quoted id round-trips through parseRow', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/[\r\n]/.test(s)),
        (id) => {
          const line = `2021-07-12 00:03:33,bonn,${csvField(id)},1,,1`;
          expect(parseRow(b(line), 3)).toEqual({
            date: '2021-07-12 00:03:33',
            sourceId: 'bonn',
            locationId: id,
            free: [0, 2],
          });
        },
      ),
    );
  });
});
