import { anyOf } from '../core/any-of.js';
import type { FailureKind, ScrapeFailure } from './types.js';

/** A scrape failure raised inside a flow and turned into a ScrapeResult at its edge. */
export class ScrapeError extends Error {
  readonly kind: FailureKind;
  readonly status?: number;
  /** The system error of a connection failure, e.g. EAI_AGAIN. */
  readonly code?: string;
  /** Where the site went (kind 'moved'). */
  readonly location?: string;

  constructor(kind: FailureKind, message: string, status?: number, code?: string, location?: string) {
    super(message);
    this.name = 'ScrapeError';
    this.kind = kind;
    if (status !== undefined) this.status = status;
    if (code !== undefined) this.code = code;
    if (location !== undefined) this.location = location;
  }

  toFailure(): ScrapeFailure {
    const failure: ScrapeFailure = { kind: this.kind, message: this.message };
    if (this.status !== undefined) failure.status = this.status;
    if (this.code !== undefined) failure.code = this.code;
    if (this.location !== undefined) failure.location = this.location;
    return failure;
  }
}

const CAPTCHA = /captcha|are you a robot|bist du ein mensch|sind sie ein mensch|cf-challenge|just a moment\.\.\./i;
const MAINTENANCE = /wartungsarbeiten|wartungsmodus|im moment nicht erreichbar|under maintenance|maintenance mode/i;

/** "Der Dienst ist vorübergehend nicht verfügbar", "Seite derzeit nicht erreichbar" and the like. */
const NOT_AVAILABLE = new RegExp(
  '(?:dienst|service|seite|server) (?:ist )?(?:vorübergehend |derzeit |zurzeit |momentan )?' +
    'nicht (?:verfügbar|erreichbar)',
);

/** Error pages by their title or heading (never by body text: booking pages talk of "Fehler" in their forms). */
const ERROR_TITLE = anyOf(
  [
    /^\s*[45]\d\d\b/,
    /service (?:temporarily )?unavailable|bad gateway|gateway time-?out|internal server error/,
    /server ?error|serverfehler|systemfehler/,
    NOT_AVAILABLE,
    /ein (?:unerwarteter |technischer |interner )?fehler ist aufgetreten/,
    /es ist ein (?:unerwarteter |technischer |interner )?fehler aufgetreten/,
  ],
  'i',
);
const HEADINGS = /<(title|h1)\b[^>]*>([\s\S]{0,300}?)<\/\1>/gi;

/** A bot wall, maintenance notice or error page served (with status 200) instead of the expected page, if any. */
export function detectWall(page: string): ScrapeFailure | undefined {
  if (CAPTCHA.test(page)) return { kind: 'captcha', message: 'the site answered with a captcha or bot wall' };
  if (MAINTENANCE.test(page)) return { kind: 'maintenance', message: 'the site shows a maintenance notice' };
  for (const [, , heading] of page.slice(0, 20_000).matchAll(HEADINGS)) {
    const text = (heading ?? '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .trim();
    if (ERROR_TITLE.test(text))
      return { kind: 'error-page', message: `the site answered with an error page ("${text.slice(0, 80)}")` };
  }
  return undefined;
}

/** Throw the wall as a ScrapeError; call on every HTML page a flow reads. */
export function assertNoWall(page: string): void {
  const wall = detectWall(page);
  if (wall) throw new ScrapeError(wall.kind, wall.message);
}
