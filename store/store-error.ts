/** Why the store could not be used, as one sentence for the user. `code` is stable. */
export class StoreError extends Error {
  readonly code: 'BUSY' | 'NOT_A_DATABASE' | 'MISSING' | 'BAD_INPUT' | 'ENDED' | 'NEWER_FORMAT' | 'DISK_FULL' | 'READ_ONLY';

  constructor(code: StoreError['code'], message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}
