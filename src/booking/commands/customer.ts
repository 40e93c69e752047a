/** Validating and normalising the customer of an appointment (the brain's path has no HTTP schema). */
import type { CountryCode } from 'libphonenumber-js';
import { errors, phoneE164 } from '../../lib/index.js';
import type { Customer } from '../appointment.js';

/** A customer as given: free-form phone, optional email. */
export interface CustomerInput {
  readonly name: string;
  readonly phone?: string | null;
  readonly email?: string | null;
}

/** A phone number in E.164, or null when it is not a valid number. */
export function toE164(phone: string, defaultCountry: CountryCode = 'US'): string | null {
  return phoneE164(phone, defaultCountry) ?? null;
}

/** Trims the name, normalises the phone to E.164 and checks the email; VALIDATION_FAILED otherwise. */
export function normalizeCustomer(c: CustomerInput): Customer {
  const name = c.name?.trim() ?? '';
  if (!name || name.length > 200) throw errors.validation('customer.name is required (at most 200 characters)');
  const phone = c.phone ? toE164(c.phone) : null;
  if (c.phone && !phone) throw errors.validation('customer.phone is not a valid phone number');
  const email = c.email?.trim() || null;
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw errors.validation('customer.email is not a valid email address');
  return { name, phone, email };
}
