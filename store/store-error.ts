import { CodedError } from '../core/coded-error.js';

/** Why the store could not be used, as one sentence for the user. `code` is stable. */
export class StoreError extends CodedError<
  'BUSY' | 'NOT_A_DATABASE' | 'MISSING' | 'BAD_INPUT' | 'ENDED' | 'NEWER_FORMAT' | 'DISK_FULL' | 'READ_ONLY'
> {}
