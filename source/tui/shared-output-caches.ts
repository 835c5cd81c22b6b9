/** The three maps of Ink's OutputCaches (ink/build/output.js): each line's styled characters, each text's width. */
export interface OutputCaches {
  widths: Map<string, unknown>;
  blockWidths: Map<string, unknown>;
  styledChars: Map<string, unknown>;
}

/** Entries kept before the caches start afresh: a screen of 80×24 writes about a hundred distinct lines. */
export const OUTPUT_CACHE_LIMIT = 2000;

let shared: OutputCaches | undefined;

/**
 * Ink gives every frame new, empty output caches, so each frame tokenizes every line on the screen again, though
 * most lines did not change: half of a key press's time. The bundle hands each frame this one set instead
 * (source/build/ink-output-caches.ts), started afresh once it holds more than OUTPUT_CACHE_LIMIT entries.
 */
export function sharedOutputCaches(create: () => OutputCaches): OutputCaches {
  if (!shared || shared.widths.size + shared.blockWidths.size + shared.styledChars.size > OUTPUT_CACHE_LIMIT) shared = create();
  return shared;
}
