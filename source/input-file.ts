import { statSync, type Stats } from 'node:fs';
import { UserError } from './user-error.js';

/**
 * Refuse a path to read that is a device or a socket: /dev/zero never ends (an import or a sites file read from
 * it grows until memory runs out) and a terminal waits for typing. Files, folders and pipes (`<(…)`) pass; a
 * missing path is left to the reader to name. `what` starts the sentence ("the sites file"), if given.
 */
export function refuseDevice(path: string, what = ''): void {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch {
    return;
  }
  if (stat.isCharacterDevice() || stat.isBlockDevice() || stat.isSocket()) {
    throw new UserError(`${what ? `${what} ` : ''}${path} is a device, not a file.`);
  }
}
