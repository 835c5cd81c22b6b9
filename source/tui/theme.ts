import { createContext, useContext } from 'react';

/** Colours are a hint, never the only carrier of meaning: every mark also has a character. */
export interface Theme {
  colour: boolean;
}

export const ThemeContext = createContext<Theme>({ colour: true });

export function useTheme(): Theme {
  return useContext(ThemeContext);
}

/** The colour to pass to <Text color>, or undefined when colours are off. */
export function paint(theme: Theme, colour: string): string | undefined {
  return theme.colour ? colour : undefined;
}
