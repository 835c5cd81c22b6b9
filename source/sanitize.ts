import { anyOf } from '../core/any-of.js';

// C0/C1 controls (tab and newline kept by sanitizeBlock), DEL, bidi overrides/isolates, zero-width joiners.
const ESCAPE_SEQUENCE = anyOf(
  [
    /\u001b\[[0-?]*[ -/]*[@-~]/, // CSI: ESC [, parameters, intermediates, a final byte
    /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/, // OSC: ESC ], up to BEL or ST
    /\u001b[PX^_][^\u001b]*(?:\u001b\\)?/, // DCS, SOS, PM, APC: up to ST
    /\u001b[@-Z\\-_]/, // ESC and one more byte
    /\u009b[0-?]*[ -/]*[@-~]/, // the one-byte CSI
  ],
  'g',
);
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/g;

/** Text from a web site, made safe for one terminal line: escape sequences and controls removed, capped in length. */
export function sanitize(text: string, maxLength = 200): string {
  const clean = text.replace(ESCAPE_SEQUENCE, '').replace(CONTROLS, ' ').replace(/ {2,}/g, ' ').trim();
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}
