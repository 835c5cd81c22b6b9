import type { HttpSession } from './http.js';
import { tevisHorizon } from './tevis-calendar-parse.js';
import { assertCompletePage, type TevisService } from './tevis-parse.js';
import type { TevisOfficeLocation } from './tevis-wizard-parse.js';
import type { WallTime } from './types.js';

/** A calendar the wizard read in this round: its first suggest page (day and times) and its lookahead. */
export interface CalendarRead {
  firstDay?: string;
  firstTimes: WallTime[];
  slots: WallTime[];
  place: TevisOfficeLocation;
}

/** One scrape of a tevis site: its session, its lookahead, and what it learnt that later services can share. */
export interface TevisRound {
  session: HttpSession;
  base: string;
  today: string;
  lastDay: string;
  /** Older flow: the ISO weeks of the lookahead ('YYYYWW'). */
  weeks: string[];
  /** Older flow: each calendar's free slots once read (caldiv answers per calendar, whatever the service). */
  calendarSlots: Map<string, WallTime[]>;
  /** Wizard: office locations by loc id, as their location pages showed them. */
  places: Map<string, TevisOfficeLocation>;
  /** Wizard: false once a location page listed other locations than the service's `data-tevis-locations`. */
  trustLocations: boolean;
  /** Wizard: calendars read, by `cal@loc`. */
  calendars: Map<string, CalendarRead>;
}

/** A service at one of its calendars or office locations, with the free slots found there. */
export interface TevisOffer {
  service: TevisService;
  slots: WallTime[];
  /** The office location (wizard) or "Kalender n" (older flow), where the service has any. */
  place?: string;
  /** The service has several: the place is part of the location id. */
  several: boolean;
}

export function createRound(session: HttpSession, base: string, today: string, weeks: number): TevisRound {
  return {
    session,
    base,
    today,
    ...tevisHorizon(today, weeks),
    calendarSlots: new Map(),
    places: new Map(),
    trustLocations: true,
    calendars: new Map(),
  };
}

/** GET a whole page: a page cut short must not pass for one with fewer entries. */
export async function wholePage(round: TevisRound, url: string): Promise<string> {
  const html = await round.session.get(url);
  assertCompletePage(html, url);
  return html;
}

export function inHorizon(round: TevisRound, slot: WallTime): boolean {
  const day = slot.slice(0, 10);
  return day >= round.today && day <= round.lastDay;
}
