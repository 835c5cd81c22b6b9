import { key, PREFIX } from './keys.js';

/** The counter of watch ids. */
export const WATCH_SEQUENCE = key(PREFIX.meta, 'watch-sequence');
const WATCH_PREFIX = key(PREFIX.watch, '');

/**
 * The few keys another process may write through the one that has the database open (watch add / rm while the app
 * runs): the watches and their counter. Everything else stays the owner's: a second writer is told it is busy.
 */
export const sharedWrite = (k: string): boolean => k === WATCH_SEQUENCE || k.startsWith(WATCH_PREFIX);
