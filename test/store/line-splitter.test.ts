import fc from 'fast-check';
import { expect, test } from 'vitest';
import { LineSplitter } from '../../store/line-splitter.js';

/** The lines of `text` by LF, a CR before the LF dropped, and no empty line after a final newline. */
function expectedLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

function split(chunks: Buffer[]): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line.toString('latin1')));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return lines;
}

test('lines come out whole however the stream is cut, LF or CRLF, long lines across many chunks', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', ',', '\r', '\n', '1'), maxLength: 400 });
  fc.assert(
    fc.property(text, fc.array(fc.nat(400), { maxLength: 12 }), (text, cuts) => {
      const bytes = Buffer.from(text, 'latin1');
      const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
      const chunks = [0, ...points].map((from, i) => bytes.subarray(from, [...points, bytes.length][i]));
      expect(split(chunks)).toEqual(expectedLines(text));
    }),
  );
});

test('a chunk reused by the stream after it was pushed does not change a line still being carried', () => {
  const chunk = Buffer.from('first\nsecond half', 'latin1');
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line.toString('latin1')));
  splitter.push(chunk);
  chunk.fill(0x78);
  splitter.push(Buffer.from(' more\r\nlast', 'latin1'));
  splitter.end();
  expect(lines).toEqual(['first', 'second half more', 'last']);
});
