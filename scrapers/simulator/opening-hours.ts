import type { OpeningHours } from './office-spec.js';

// Opening hours as German offices keep them: long Tuesdays and Thursdays, short Fridays.
export const CITIZEN: OpeningHours = {
  mon: '07:30-12:30',
  tue: '07:30-12:30 14:00-18:00',
  wed: '07:30-12:30',
  thu: '07:30-12:30 14:00-18:00',
  fri: '07:30-12:00',
};
export const SATURDAY: OpeningHours = { ...CITIZEN, sat: '09:00-12:00' };
export const MORNINGS: OpeningHours = {
  mon: '08:00-12:00',
  tue: '08:00-12:00',
  wed: '08:00-12:00',
  thu: '08:00-12:00 13:30-17:30',
  fri: '08:00-12:00',
};
export const ALL_DAY: OpeningHours = {
  mon: '08:00-16:00',
  tue: '08:00-18:00',
  wed: '08:00-14:00',
  thu: '08:00-18:00',
  fri: '08:00-13:00',
};
