/** How many colours the app uses: none, the terminal's 16 (whose shades it chooses), or the fixed 256. */
export type ColourDepth = 'none' | 'basic' | 'full';

const off = (value: string | undefined) => value === '0' || value === 'false';

/**
 * The colours the terminal supports, by the rules Ink's colour library (chalk) applies to a terminal, so that
 * both agree: NO_COLOR (present and not empty, see no-color.org) and FORCE_COLOR=0 turn every colour and text
 * style off, TERM=dumb too unless colour is forced; 256 colours where the terminal names them. A CI variable
 * does not matter here: the app always runs in a terminal.
 */
export function colourDepth(env: NodeJS.ProcessEnv = process.env): ColourDepth {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 'none';
  if (off(env.FORCE_COLOR)) return 'none';
  const term = env.TERM ?? '';
  if (term === 'dumb' && env.FORCE_COLOR === undefined) return 'none';
  if (env.COLORTERM === 'truecolor' || /-256(color)?$/i.test(term)) return 'full';
  if (['xterm-kitty', 'xterm-ghostty', 'wezterm'].includes(term)) return 'full';
  if (env.TERM_PROGRAM === 'iTerm.app' || env.TERM_PROGRAM === 'Apple_Terminal') return 'full';
  return 'basic';
}
