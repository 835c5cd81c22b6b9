import type { Background } from './palettes.js';

export const THEMES = ['auto', 'dark', 'light'] as const;
export type ThemeChoice = (typeof THEMES)[number];

/**
 * The background the terminal says it has: COLORFGBG ("15;0", "0;default;15": the last field is the
 * background's colour number; 7 and 9–15 are light, 0–6 and 8 dark), set by rxvt, Konsole and others.
 * The terminal is never asked (an answer would arrive among the keys the app reads, and waiting for one
 * would hold up start-up); `--theme` says it where nothing else does.
 */
export function terminalBackground(env: NodeJS.ProcessEnv = process.env): Background {
  const field = env.COLORFGBG?.split(';').at(-1)?.trim() ?? '';
  if (!/^\d{1,2}$/.test(field)) return 'unknown';
  const colour = Number(field);
  if (colour > 15) return 'unknown';
  return colour === 7 || colour >= 9 ? 'light' : 'dark';
}

/** The background to draw for: the one chosen with --theme, else the terminal's. */
export function themeBackground(choice: ThemeChoice, env: NodeJS.ProcessEnv = process.env): Background {
  return choice === 'auto' ? terminalBackground(env) : choice;
}
