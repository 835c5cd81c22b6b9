import { Box, Text } from 'ink';
import { fit } from '../fit.js';
import { useTheme } from '../theme.js';
import { HELP_KEY_WIDTH, HELP_TITLE, helpLayout } from './help-layout.js';

export interface HelpProps {
  width: number;
  height: number;
  /** First line shown (scrolled with ↑↓ PgUp PgDn g G). */
  offset: number;
}

/** Every key and every mark, wrapped to the width; scrolls where it does not fit, a marker says there is more. */
export function Help({ width, height, offset }: HelpProps) {
  const theme = useTheme();
  const { lines, visible, maxRow } = helpLayout(width, height);
  const start = Math.max(0, Math.min(offset, maxRow));
  const end = start + visible;
  const position = maxRow > 0 ? ` · ${start + 1}-${end}/${lines.length} ↑↓` : '';
  const below = lines.length - end;
  const more = `↓ ${below} more ${below === 1 ? 'line' : 'lines'}: j ↓ PgDn, G the end`;
  const marker = below > 0 ? more : '— end of help: g back to the top';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold={theme.colour}>{fit(`${HELP_TITLE}${position}`, width)}</Text>
      {lines.slice(start, end).map((line, i) =>
        line.heading ? (
          <Text key={i} bold={theme.colour}>
            {fit(line.text, width)}
          </Text>
        ) : (
          <Text key={i}>
            <Text bold={theme.colour}>{fit(line.keys, HELP_KEY_WIDTH)}</Text>
            {fit(line.text, Math.max(0, width - HELP_KEY_WIDTH))}
          </Text>
        ),
      )}
      {maxRow > 0 && <Text dimColor={theme.colour}>{fit(marker, width)}</Text>}
    </Box>
  );
}
