import { SitesFileError } from '../scrapers/index.js';
import { StoreError } from '../store/index.js';

/** A user's bad input or an unusable environment: printed as one sentence, exit code `exitCode`, never a stack trace. */
export class UserError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

/** The coded errors of the layers below that a user caused (a bad sites file, a busy store) as UserErrors. */
export function asUserError(error: unknown): unknown {
  return error instanceof StoreError || error instanceof SitesFileError ? new UserError(error.message) : error;
}
