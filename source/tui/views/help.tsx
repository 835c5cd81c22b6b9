import { Box, Text } from 'ink';
import { fit } from '../fit.js';
import { KEY_HELP, MARK_HELP } from '../keys.js';
import { useTheme } from '../theme.js';

export interface HelpProps {
  width: number;
  height: number;
}

/** Every key and every mark. */
export function Help({ width, height }: HelpProps) {
  const theme = useTheme();
  const keyWidth = 12;
  const line = ([keys, what]: readonly [string, string]) => (
    <Text key={keys}>
      <Text bold={theme.colour}>{fit(keys, keyWidth)}</Text>
      {fit(what, Math.max(0, width - keyWidth))}
    </Text>
  );
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold={theme.colour}>{fit('Keys  (Esc or ? closes this help)', width)}</Text>
      {KEY_HELP.map(line)}
      <Text bold={theme.colour}>{fit('Marks', width)}</Text>
      {MARK_HELP.map(line)}
    </Box>
  );
}
