import { CodedError } from '../core/coded-error.js';
import { StoreError } from '../store/index.js';

/**
 * A user's bad input or an unusable environment: printed as one sentence, exit code `exitCode`, never a stack trace.
 */
export class UserError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

/** Codes of the scrapers' errors that a user caused (scrapers/registry/sites-file-error.ts). */
const USER_CODES = new Set(['SITES_FILE_UNREADABLE', 'SITES_FILE_INVALID']);

/**
 * The coded errors of the layers below that a user caused (a bad sites file, a busy store) as UserErrors. By code,
 * not class, for the scrapers': importing their index here would load every scraper at each start.
 */
export function asUserError(error: unknown): unknown {
  const usersFault = error instanceof StoreError || (error instanceof CodedError && USER_CODES.has(error.code));
  return usersFault ? new UserError(error.message) : error;
}
