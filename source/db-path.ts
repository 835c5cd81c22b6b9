import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The default database folder: $XDG_DATA_HOME/office-watch/db (~/.local/share on Linux, the platform's data folder
 * elsewhere).
 */
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

/** Simulated offices never mix with real data: `--demo` without `--db` uses a folder of its own. */
export function defaultDemoDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return `${defaultDbPath(env)}-demo`;
}
