import type { SimResponse } from './types.js';

interface ErrorEntry {
  errorCode: string;
  statusCode: number;
  errorMessage: string;
  errorType: 'info' | 'warning' | 'error';
}

const entry = (errorCode: string, statusCode: number, errorType: ErrorEntry['errorType'], errorMessage: string) =>
  [errorCode, { errorCode, statusCode, errorMessage, errorType }] as const;

/** The entries of zmscitizenapi's Utils/ErrorMessages.php @H that read calls meet (and the legacy ones of L). */
const ERRORS = new Map<string, ErrorEntry>([
  entry('invalidOfficeId', 400, 'warning', 'officeId should be a 32-bit integer.'),
  entry('invalidServiceId', 400, 'warning', 'serviceId should be a 32-bit integer.'),
  entry('invalidStartDate', 400, 'warning', 'startDate is required and must be a valid date.'),
  entry('invalidEndDate', 400, 'warning', 'endDate is required and must be a valid date.'),
  entry('invalidSlotsStartDate', 400, 'warning', 'slotsStartDate must be a valid date.'),
  entry('invalidSlotsEndDate', 400, 'warning', 'slotsEndDate must be a valid date.'),
  entry('slotsStartDateAfterEndDate', 400, 'warning', 'slotsStartDate must not be after slotsEndDate.'),
  entry('invalidServiceCount', 400, 'warning', 'serviceCounts should be an array of numeric values.'),
  entry('captchaMissing', 400, 'error', 'Missing captcha token.'),
  entry('captchaInvalid', 400, 'error', 'Invalid captcha token.'),
  entry(
    'invalidLocationAndServiceCombination',
    400,
    'warning',
    'The provided service(s) do not exist at the given location.',
  ),
  entry('unknownError', 520, 'error', 'An unknown error occurred.'),
  entry('noAppointmentForThisScope', 404, 'info', 'Please try again at a later time.'),
  entry('serviceUnavailable', 503, 'error', 'Service Unavailable: The application is under maintenance.'),
  entry('rateLimitExceeded', 429, 'warning', 'Rate limit exceeded. Please try again later.'),
  entry('notFound', 404, 'error', 'Endpoint not found.'),
  entry('noAppointmentForThisDay', 404, 'info', 'No available days found for the given criteria.'),
  entry('appointmentNotAvailable', 404, 'error', 'The selected appointment is unfortunately no longer available.'),
  entry('invalidDate', 400, 'warning', 'date is required and must be a valid date.'),
]);

/** The error envelope of these codes; its status is the highest of theirs. */
export function errorResponse(codes: string[], headers: Record<string, string> = {}): SimResponse {
  const errors = codes.map((code) => ERRORS.get(code) ?? ERRORS.get('unknownError')!);
  const status = Math.max(...errors.map((e) => e.statusCode));
  return { status, contentType: 'application/json', body: JSON.stringify({ errors }), headers };
}

/** Strict Y-m-d: createFromFormat must give the same text back ("2024-8-1" and "2024-02-30" are not dates). */
export function isDay(value: string | null): value is string {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A CSV of whole numbers (signs allowed: ids ≤ 0 are the second phase's), else undefined. */
export function csvIntegers(value: string | null): number[] | undefined {
  if (value === null || value.trim() === '') return undefined;
  const parts = value.split(',').map((part) => part.trim());
  return parts.every((part) => /^-?\d+$/.test(part)) ? parts.map(Number) : undefined;
}

/** serviceCounts: digits only, each 1..25. */
export function validCounts(value: string | null): boolean {
  if (value === null || value.trim() === '') return false;
  return value.split(',').every((part) => /^\d+$/.test(part.trim()) && Number(part) >= 1 && Number(part) <= 25);
}

export const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000;
