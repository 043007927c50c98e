import { isLapsed } from './opt-in.ts';
import type { Registration, RegistrationStatus } from './registration.ts';

/**
 * How coordinators see registrations: with the status they effectively have (a pending one past its
 * expiry is expired, even before the workflow has marked it), filtered the way people type.
 */

export function effectiveStatus(registration: Registration, now: Date): RegistrationStatus {
  return isLapsed(registration, now) ? 'expired' : registration.status;
}

export interface RegistrationFilter {
  status?: RegistrationStatus | undefined;
  /** One of the registration's topics, ignoring case and extra spaces. */
  topic?: string | undefined;
  /** Part of the organisation's name, ignoring case. */
  organisation?: string | undefined;
  /** Part of the name, the email address or the organisation's name, ignoring case. */
  search?: string | undefined;
}

const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

export function registrationMatcher(filter: RegistrationFilter, now: Date): (r: Registration) => boolean {
  const topic = filter.topic === undefined ? undefined : fold(filter.topic);
  const organisation = filter.organisation === undefined ? undefined : fold(filter.organisation);
  const search = filter.search === undefined ? undefined : fold(filter.search);
  return (registration) =>
    (filter.status === undefined || effectiveStatus(registration, now) === filter.status) &&
    (topic === undefined || registration.topics.some((t) => fold(t) === topic)) &&
    (organisation === undefined || fold(registration.organisation).includes(organisation)) &&
    (search === undefined ||
      [registration.name, registration.email, registration.organisation].some((text) =>
        fold(text).includes(search),
      ));
}

export function hasFilter(filter: RegistrationFilter): boolean {
  return (
    filter.status !== undefined ||
    filter.topic !== undefined ||
    filter.organisation !== undefined ||
    filter.search !== undefined
  );
}
