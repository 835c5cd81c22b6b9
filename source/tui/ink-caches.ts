/**
 * Caches for Ink's renderer, which the bundle puts in place of Ink's own (source/build/dependency-patches.ts).
 * Ink gave every frame new, empty output caches, so each frame split every line on the screen into styled
 * characters and measured every text again, though most had not changed: half of a key press's time. And its
 * cache of text sizes was never emptied, so it grew for as long as the app ran.
 */

/** Text sizes kept (the least recently used go first): a screen of 80×24 holds about a hundred distinct texts. */
export const TEXT_SIZES_KEPT = 4000;

/**
 * Lines kept split into styled characters: two or three screens. Each character is an object of its own, with
 * a hidden class of its own, some 300 bytes: 4,000 lines held 28 MB over a long demo run.
 */
export const STYLED_LINES_KEPT = 300;

/** The three maps of Ink's OutputCaches (ink/build/output.js): each line's styled characters, each text's width. */
export interface OutputCaches {
  widths: Map<string, unknown>;
  blockWidths: Map<string, unknown>;
  styledChars: Map<string, unknown>;
}

let shared: OutputCaches | undefined;

/** The one set of output caches that every frame gets, started afresh once it holds more than the limits. */
export function sharedOutputCaches(create: () => OutputCaches): OutputCaches {
  if (!shared || shared.styledChars.size > STYLED_LINES_KEPT || shared.widths.size + shared.blockWidths.size > TEXT_SIZES_KEPT) shared = create();
  return shared;
}
