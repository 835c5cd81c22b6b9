import { describe, expect, test } from 'vitest';
import { colourDepth } from '../../source/tui/colour-wanted.js';
import { COLOUR_NAMES, FULL, paletteFor } from '../../source/tui/palettes.js';
import { themeBackground, terminalBackground } from '../../source/tui/terminal-background.js';
import { makeTheme, paint } from '../../source/tui/theme.js';

/** The RGB of a 256-colour index (the 6×6×6 cube and the grey ramp), as xterm defines them. */
function rgb(index: number): [number, number, number] {
  if (index >= 232) return [0, 0, 0].map(() => 8 + 10 * (index - 232)) as [number, number, number];
  const levels = [0, 95, 135, 175, 215, 255];
  const i = index - 16;
  return [levels[Math.floor(i / 36)]!, levels[Math.floor((i % 36) / 6)]!, levels[i % 6]!];
}

/** WCAG 2 contrast ratio of two colours. */
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const channel = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  const luminance = ([r, g, b]: [number, number, number]) =>
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const BLACK: [number, number, number] = [0, 0, 0];
const WHITE: [number, number, number] = [255, 255, 255];
/** Common terminal backgrounds: a dark grey (VS Code, many themes) and an off-white. */
const DARK_GREY: [number, number, number] = [30, 30, 30];
const OFF_WHITE: [number, number, number] = [250, 250, 250];

const shades = (background: 'dark' | 'light' | 'unknown') =>
  COLOUR_NAMES.map((name) => [name, FULL[background][name]] as const).filter(([, value]) => value !== undefined);
const index = (value: string) => Number(/^ansi256\((\d+)\)$/.exec(value)![1]);

describe('palettes: every colour reads on the background it is for', () => {
  test('dark: 4.5:1 or more on black and on a dark grey (WCAG AA for text)', () => {
    for (const [name, value] of shades('dark')) {
      expect(contrast(rgb(index(value!)), BLACK), name).toBeGreaterThanOrEqual(4.5);
      expect(contrast(rgb(index(value!)), DARK_GREY), name).toBeGreaterThanOrEqual(4.5);
    }
  });
  test('light: 4.5:1 or more on white and on an off-white', () => {
    for (const [name, value] of shades('light')) {
      expect(contrast(rgb(index(value!)), WHITE), name).toBeGreaterThanOrEqual(4.5);
      expect(contrast(rgb(index(value!)), OFF_WHITE), name).toBeGreaterThanOrEqual(4.5);
    }
  });
  test('unknown background: 3.9:1 or more on black and on white alike (no colour gets 4.6 on both)', () => {
    for (const [name, value] of shades('unknown')) {
      expect(contrast(rgb(index(value!)), BLACK), name).toBeGreaterThanOrEqual(3.9);
      expect(contrast(rgb(index(value!)), WHITE), name).toBeGreaterThanOrEqual(3.9);
    }
  });
  test("white is the terminal's own text colour everywhere; the light palette of 16 avoids yellow and cyan", () => {
    for (const background of ['dark', 'light', 'unknown'] as const) {
      for (const depth of ['basic', 'full'] as const) expect(paletteFor(background, depth).white).toBeUndefined();
    }
    const light = Object.values(paletteFor('light', 'basic'));
    expect(light).not.toContain('yellow');
    expect(light).not.toContain('cyan');
  });
});

describe('paint', () => {
  test('maps colour names through the palette; nothing at all without colour', () => {
    const light = makeTheme({ colour: true, depth: 'full', background: 'light' });
    expect(paint(light, 'yellow')).toBe('ansi256(94)');
    expect(paint(light, 'white')).toBeUndefined();
    expect(paint(makeTheme({ colour: true, depth: 'basic', background: 'light' }), 'cyan')).toBe('blue');
    expect(paint(makeTheme({ colour: false, depth: 'full', background: 'dark' }), 'red')).toBeUndefined();
    expect(paint({ colour: true }, 'red')).toBe('red');
  });
});

describe('what the terminal says', () => {
  test('colour depth: off with NO_COLOR or FORCE_COLOR=0 or a dumb terminal; 256 where the terminal names them', () => {
    expect(colourDepth({ TERM: 'xterm-256color', CI: 'true' })).toBe('full');
    expect(colourDepth({ TERM: 'tmux-256color' })).toBe('full');
    expect(colourDepth({ TERM: 'xterm', COLORTERM: 'truecolor' })).toBe('full');
    expect(colourDepth({ TERM: 'xterm', CI: 'false' })).toBe('basic');
    expect(colourDepth({ TERM: 'xterm-256color', NO_COLOR: '1' })).toBe('none');
    expect(colourDepth({ TERM: 'xterm-256color', NO_COLOR: '' })).toBe('full');
    expect(colourDepth({ TERM: 'xterm-256color', FORCE_COLOR: '0' })).toBe('none');
    expect(colourDepth({ TERM: 'dumb' })).toBe('none');
    expect(colourDepth({ TERM: 'dumb', FORCE_COLOR: '1' })).toBe('basic');
  });
  test('the background from COLORFGBG; --theme overrides it', () => {
    expect(terminalBackground({ COLORFGBG: '15;0' })).toBe('dark');
    expect(terminalBackground({ COLORFGBG: '0;15' })).toBe('light');
    expect(terminalBackground({ COLORFGBG: '0;default;7' })).toBe('light');
    expect(terminalBackground({ COLORFGBG: '7;8' })).toBe('dark');
    expect(terminalBackground({ COLORFGBG: '15;default' })).toBe('unknown');
    expect(terminalBackground({})).toBe('unknown');
    expect(themeBackground('auto', { COLORFGBG: '0;15' })).toBe('light');
    expect(themeBackground('dark', { COLORFGBG: '0;15' })).toBe('dark');
    expect(themeBackground('light', {})).toBe('light');
  });
});
