import { homedir } from 'node:os';
import { join } from 'node:path';

/** The default database folder: $XDG_DATA_HOME/office-watch/db (~/.local/share on Linux, the platform's data folder elsewhere). */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.OFFICE_WATCH_DB) return env.OFFICE_WATCH_DB;
  const home = homedir();
  const base =
    env.XDG_DATA_HOME ??
    (process.platform === 'darwin'
      ? join(home, 'Library', 'Application Support')
      : process.platform === 'win32'
        ? (env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'))
        : join(home, '.local', 'share'));
  return join(base, 'office-watch', 'db');
}
