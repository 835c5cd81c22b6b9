import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  eterminEndpoint,
  monthStarts,
  parseAvailableDays,
  parseCalendars,
  parseSlots,
  pickServices,
  toLocations,
} from '../../scrapers/etermin-parse.js';
import { ScrapeError } from '../../scrapers/failure.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`fixtures/etermin/${name}`, import.meta.url), 'utf8'));

describe('eterminEndpoint', () => {
  it('splits a site URL into the API base and the key', () => {
    expect(eterminEndpoint('https://www.etermin.net/stadtgraz')).toEqual({
      base: 'https://www.etermin.net',
      key: 'stadtgraz',
    });
    expect(eterminEndpoint('https://www.etermin.net/LRA-DEG-Termin/')).toEqual({
      base: 'https://www.etermin.net',
      key: 'LRA-DEG-Termin',
    });
    expect(eterminEndpoint('http://127.0.0.1:4000/etermin/Stadt_Itzehoe')).toEqual({
      base: 'http://127.0.0.1:4000/etermin',
      key: 'Stadt_Itzehoe',
    });
  });

  it('refuses a URL without a key', () => {
    expect(() => eterminEndpoint('https://www.etermin.net/')).toThrow(ScrapeError);
  });
});

describe('pickServices', () => {
  it('keeps per group the shortest service, skipping headings and services without a duration', () => {
    expect(pickServices(fixture('servicegroupservice.json'))).toEqual([
      { groupId: '3451', serviceId: '18021', duration: 15 },
      { groupId: '3452', serviceId: '18030', duration: 30 },
      { groupId: '3453', serviceId: '18040', duration: 45 },
    ]);
  });

  it('calls anything but a list a markup failure', () => {
    for (const answer of [{ error: 'unknown' }, null, 'x']) {
      expect(() => pickServices(answer)).toThrow(expect.objectContaining({ kind: 'markup' }));
    }
  });
});

describe('parseCalendars and toLocations', () => {
  const calendars = parseCalendars(fixture('calendar.json'));

  it('reads ids and names, whitespace collapsed and markup dropped', () => {
    expect(calendars).toEqual([
      { id: '85150', name: 'Bürgerbüro' },
      { id: '85151', name: 'Bürgerbüro' },
      { id: '85152', name: 'Standesamt' },
      { id: '85153', name: '' },
      { id: '85154', name: 'Gewerbe- und Gaststättenamt' },
    ]);
  });

  it('appends " ({id})" where two calendars share a name, names a nameless one by its id, sorts the slots', () => {
    const slots = new Map([['85150', new Set(['2021-08-26 08:15:00', '2021-08-26 07:45:00'])]]);
    expect(toLocations(calendars, slots)).toEqual([
      { locationId: '85150', name: 'Bürgerbüro (85150)', slots: ['2021-08-26 07:45:00', '2021-08-26 08:15:00'] },
      { locationId: '85151', name: 'Bürgerbüro (85151)', slots: [] },
      { locationId: '85152', name: 'Standesamt', slots: [] },
      { locationId: '85153', name: '85153', slots: [] },
      { locationId: '85154', name: 'Gewerbe- und Gaststättenamt', slots: [] },
    ]);
  });
});

describe('day lists and month paging', () => {
  it('reads the available days of each month', () => {
    expect(parseAvailableDays(fixture('timeslots-days-2021-08-25.json'))).toEqual([
      '2021-08-26',
      '2021-08-27',
      '2021-08-31',
    ]);
    expect(parseAvailableDays(fixture('timeslots-days-2021-09-01.json'))).toEqual(['2021-09-07', '2021-09-30']);
    expect(parseAvailableDays([])).toEqual([]);
  });

  it('asks from today, then from the first of each month until the horizon is covered, at most three months', () => {
    expect(monthStarts('2021-08-02', '2021-08-30')).toEqual(['2021-08-02']);
    expect(monthStarts('2021-08-25', '2021-09-08')).toEqual(['2021-08-25', '2021-09-01']);
    expect(monthStarts('2021-12-20', '2022-01-31')).toEqual(['2021-12-20', '2022-01-01']);
    expect(monthStarts('2021-01-31', '2021-03-14')).toEqual(['2021-01-31', '2021-02-01', '2021-03-01']);
    expect(monthStarts('2021-01-31', '2021-06-30')).toEqual(['2021-01-31', '2021-02-01', '2021-03-01']);
  });
});

describe('parseSlots', () => {
  it('keeps free slots (cap > 0 or no cap), drops full ones (cap 0)', () => {
    const slots = parseSlots(fixture('timeslots-2021-08-26.json'));
    expect(slots.map((s) => s.start)).toEqual([
      '2021-08-26 07:45:00',
      '2021-08-26 08:15:00',
      '2021-08-26 10:30:00',
      '2021-08-26 07:45:00',
    ]);
    expect(slots[0]).toEqual({ start: '2021-08-26 07:45:00', calendarId: '85150', calendarName: 'Bürgerbüro' });
  });

  it('finds nothing free on a day of only full slots', () => {
    expect(parseSlots(fixture('timeslots-2021-08-27-full.json'))).toEqual([]);
  });

  it('calls a start that is not a time a markup failure', () => {
    expect(() => parseSlots([{ start: 'morgen', cap: 1 }])).toThrow(expect.objectContaining({ kind: 'markup' }));
  });
});
