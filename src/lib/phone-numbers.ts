/**
 * Whether a phone number is one: libphonenumber's full metadata, plus the ranges regulators set aside for
 * drama and examples (Ofcom's 07700 900xxx mobiles and 01632 960xxx landlines), which its metadata marks
 * invalid but which are real-format numbers callers, testers and sample data use, as North America's
 * 555-01xx is. One rule for the API, the booking commands, notification settings and the brain.
 */
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

/** E.164 numbers set aside for drama, in the form libphonenumber parses them. */
const SET_ASIDE = [/^\+447700900\d{3}$/, /^\+441632960\d{3}$/];

/** Whether a parsed number is valid, or one of the numbers set aside for drama. */
export function isRealFormatNumber(p: PhoneNumber | undefined): p is PhoneNumber {
  return !!p && (p.isValid() || SET_ASIDE.some((re) => re.test(p.number)));
}

/** A phone number in any common human format, in E.164; undefined when it is not a number. */
export function phoneE164(input: string, defaultCountry?: string): string | undefined {
  if (input.length > 40) return undefined;
  const p = parsePhoneNumberFromString(input.trim(), defaultCountry as CountryCode | undefined);
  return isRealFormatNumber(p) ? p.number : undefined;
}
