/**
 * The country a time zone belongs to, from the IANA zone table (`countries-and-timezones`): what a
 * business's zone says about how its callers write dates and dial numbers when nothing else does.
 */
import { getTimezone } from 'countries-and-timezones';

/** ISO 3166 alpha-2 of the zone's main country ("Asia/Singapore" → "SG"); undefined for UTC and `Etc/` zones. */
export function zoneCountry(timezone: string): string | undefined {
  return getTimezone(timezone)?.countries[0];
}

/** Countries that write the month before the day ("3/4" is March 4th): the US, its territories, Canada, the Philippines. */
const MONTH_FIRST = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'FM', 'MH', 'PW', 'CA', 'PH']);

/** Whether "3/4" is the 3rd of April where the business is (most of the world), or March 4th. */
export function writesDayFirst(timezone: string): boolean {
  const country = zoneCountry(timezone);
  return !!country && !MONTH_FIRST.has(country);
}
