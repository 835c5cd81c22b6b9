import { CodedError } from '../../core/coded-error.js';

/**
 * A sites file that cannot be used: missing, unreadable, or not a list of valid sites. The message names the file and
 * the first problem in one sentence; the CLI shows it as the user's bad input.
 */
export class SitesFileError extends CodedError<'SITES_FILE_UNREADABLE' | 'SITES_FILE_INVALID'> {}
