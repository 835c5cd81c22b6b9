import type { FailureKind, ScrapeFailure } from './types.js';

/** A scrape failure raised inside a flow and turned into a ScrapeResult at its edge. */
export class ScrapeError extends Error {
  readonly kind: FailureKind;
  readonly status?: number;

  constructor(kind: FailureKind, message: string, status?: number) {
    super(message);
    this.name = 'ScrapeError';
    this.kind = kind;
    if (status !== undefined) this.status = status;
  }

  toFailure(): ScrapeFailure {
    return this.status === undefined
      ? { kind: this.kind, message: this.message }
      : { kind: this.kind, message: this.message, status: this.status };
  }
}

const CAPTCHA = /captcha|are you a robot|bist du ein mensch|sind sie ein mensch|cf-challenge|just a moment\.\.\./i;
const MAINTENANCE = /wartungsarbeiten|wartungsmodus|im moment nicht erreichbar|under maintenance|maintenance mode/i;

/** A bot wall or maintenance notice served instead of the expected page, if any. */
export function detectWall(page: string): ScrapeFailure | undefined {
  if (CAPTCHA.test(page)) return { kind: 'captcha', message: 'the site answered with a captcha or bot wall' };
  if (MAINTENANCE.test(page)) return { kind: 'maintenance', message: 'the site shows a maintenance notice' };
  return undefined;
}

/** Throw the wall as a ScrapeError; call on every HTML page a flow reads. */
export function assertNoWall(page: string): void {
  const wall = detectWall(page);
  if (wall) throw new ScrapeError(wall.kind, wall.message);
}
