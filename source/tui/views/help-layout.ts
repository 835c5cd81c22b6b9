import { KEY_HELP, MARK_HELP } from '../keys.js';
import { wrapWords } from '../wrap-words.js';

/** One line of the help: a heading, or a key (on its first line) and a part of what it does. */
export interface HelpLine {
  keys: string;
  text: string;
  heading?: boolean;
}

export interface HelpLayout {
  lines: HelpLine[];
  /** Lines shown at once (below the title; the last screen line is the "more" marker when they do not all fit). */
  visible: number;
  /** The last first line that scrolling reaches. */
  maxRow: number;
}

export const HELP_TITLE = 'Keys  (Esc or ? closes this help)';
export const HELP_KEY_WIDTH = 12;

/** Every key and mark, their meaning wrapped between words to what is left of `width` beside the key column. */
export function helpLines(width: number): HelpLine[] {
  const room = Math.max(8, width - HELP_KEY_WIDTH);
  const entries = (list: typeof KEY_HELP) =>
    list.flatMap(([keys, what]) => wrapWords(what, room).map((text, i) => ({ keys: i === 0 ? keys : '', text })));
  return [...entries(KEY_HELP), { keys: '', text: 'Marks', heading: true }, ...entries(MARK_HELP)];
}

/** The help in a pane of `width` × `height`: a title line, then as many lines as fit. */
export function helpLayout(width: number, height: number): HelpLayout {
  const lines = helpLines(width);
  const room = Math.max(1, height - 1);
  const visible = lines.length <= room ? lines.length : Math.max(1, room - 1);
  return { lines, visible, maxRow: Math.max(0, lines.length - visible) };
}
