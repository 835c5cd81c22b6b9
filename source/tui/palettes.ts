/** The colour names the views use; a palette says how each is drawn. */
export const COLOUR_NAMES = ['red', 'green', 'yellow', 'cyan', 'gray', 'white'] as const;
export type ColourName = (typeof COLOUR_NAMES)[number];
export type Palette = Readonly<Record<ColourName, string | undefined>>;

/** The terminal's background, where it says (unknown: a palette that reads on either). */
export type Background = 'dark' | 'light' | 'unknown';

/**
 * 256-colour palettes by WCAG contrast (test/tui/palettes.test.ts measures it): on a dark background bright
 * shades; on a light one dark shades; when the background is unknown, mid shades that keep a contrast of about
 * 4:1 on black and on white alike (no colour gets more than 4.6 on both). "white" is the terminal's own text
 * colour on every background (the one colour sure to read on it).
 */
export const FULL: Readonly<Record<Background, Palette>> = {
  dark: {
    red: 'ansi256(203)',
    green: 'ansi256(78)',
    yellow: 'ansi256(221)',
    cyan: 'ansi256(80)',
    gray: 'ansi256(245)',
    white: undefined,
  },
  light: {
    red: 'ansi256(124)',
    green: 'ansi256(28)',
    yellow: 'ansi256(94)',
    cyan: 'ansi256(24)',
    gray: 'ansi256(242)',
    white: undefined,
  },
  unknown: {
    red: 'ansi256(196)',
    green: 'ansi256(28)',
    yellow: 'ansi256(130)',
    cyan: 'ansi256(31)',
    gray: 'ansi256(243)',
    white: undefined,
  },
};

/**
 * With 16 colours the terminal chooses the shades (light terminal themes usually darken them); on a light
 * background yellow and cyan are pale even so, and become magenta and blue.
 */
const BASIC: Readonly<Record<Background, Palette>> = {
  dark: { red: 'red', green: 'green', yellow: 'yellow', cyan: 'cyan', gray: 'gray', white: undefined },
  light: { red: 'red', green: 'green', yellow: 'magenta', cyan: 'blue', gray: 'gray', white: undefined },
  unknown: { red: 'red', green: 'green', yellow: 'yellow', cyan: 'cyan', gray: 'gray', white: undefined },
};

export function paletteFor(background: Background, depth: 'basic' | 'full'): Palette {
  return (depth === 'full' ? FULL : BASIC)[background];
}
