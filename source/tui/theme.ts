import { createContext, useContext } from 'react';
import type { ColourDepth } from './colour-wanted.js';
import { paletteFor, type Background, type ColourName, type Palette } from './palettes.js';

export type { Background, ColourName } from './palettes.js';

/** Colours are a hint, never the only carrier of meaning: every mark also has a character. */
export interface Theme {
  colour: boolean;
  /** The colour names the views use, as Ink should draw them on this background (none: the names as they are). */
  palette?: Palette;
}

/** How the app was asked to look: colour or not, how many colours, on what background. */
export interface ThemeSettings {
  colour: boolean;
  depth: Exclude<ColourDepth, 'none'>;
  background: Background;
}

export const makeTheme = ({ colour, depth, background }: ThemeSettings): Theme => ({
  colour,
  palette: paletteFor(background, depth),
});

export const ThemeContext = createContext<Theme>(makeTheme({ colour: true, depth: 'full', background: 'unknown' }));

export function useTheme(): Theme {
  return useContext(ThemeContext);
}

/** The colour to pass to <Text color> for a colour name, or undefined when colours are off (or for plain text). */
export function paint(theme: Theme, colour: ColourName | string): string | undefined {
  if (!theme.colour) return undefined;
  return theme.palette && colour in theme.palette ? theme.palette[colour as ColourName] : colour;
}
