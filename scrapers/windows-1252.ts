/** Bytes 0x80–0x9f of windows-1252; the five it leaves undefined decode to their C1 code points (WHATWG). */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Labels the WHATWG Encoding standard decodes as windows-1252 (Latin-1 and ASCII included). */
const LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'us-ascii',
  'ascii',
  'cp819',
  'ibm819',
  'iso-ir-100',
]);

export const isWindows1252 = (label: string): boolean => LABELS.has(label.toLowerCase());

/** Decode windows-1252 ourselves: Node 20's TextDecoder('windows-1252') decodes 0x80–0x9f as Latin-1 C1 controls. */
export function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => HIGH.charAt(c.charCodeAt(0) - 0x80));
}
