/**
 * Text as lines of at most `width` terminal cells, broken between words; a word longer than a whole line is cut
 * (the only case where a line ends inside a word). Runs of spaces count as one break.
 */
export function wrapWords(text: string, width: number): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of text.split(/ +/).filter(Boolean)) {
    let chars = [...word];
    if (line.length > 0 && line.length + 1 + chars.length <= width) {
      line.push(' ', ...chars);
      continue;
    }
    if (line.length > 0) lines.push(line.join(''));
    while (chars.length > width) {
      lines.push(chars.slice(0, width).join(''));
      chars = chars.slice(width);
    }
    line = chars;
  }
  if (line.length > 0 || lines.length === 0) lines.push(line.join(''));
  return lines;
}
