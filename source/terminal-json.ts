/**
 * What JSON.stringify leaves raw but a terminal acts on or shows deceptively: DEL, C1 controls, bidi and invisible
 * format characters.
 */
const UNSAFE = /[\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Indented JSON for a terminal: those characters as \u escapes (C0 ones JSON escapes itself), so a JSON reader still
 * gets the same data.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
