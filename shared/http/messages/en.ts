import { maxBodyBytes } from '../limits.ts';
import type { HttpMessages } from './types.ts';

export const en = {
  errors: {
    evaluation_closed: 'The evaluation of this meeting has closed.',
    meeting_cancelled: 'The meeting is cancelled and cannot be changed.',
    meeting_changed: 'Someone else changed the meeting at the same time. Reload it and try again.',
    already_decided: 'This request has already been decided.',
    proposal_not_found: 'There is no such group proposal.',
    proposal_already_decided: 'This group proposal has already been decided.',
    group_not_found: 'There is no such group.',
    group_closed: 'This group does not take new participants.',
    offer_expired: 'The offer of a seat has expired.',
    capacity_below_seats:
      'The capacity cannot be lower than the number of participants who already have a seat.',
    validation_failed: 'Some details need correcting. See the fields below.',
    invalid_json: 'The request could not be read: it is not valid JSON.',
    unsupported_media_type: 'Send the form as application/json or application/x-www-form-urlencoded.',
    payload_too_large: `The request is too large (${maxBodyBytes / 1024} kB at most).`,
    network_not_found: 'There is no such network.',
    not_found: 'There is no such page.',
    method_not_allowed: 'That method is not supported here.',
    link_not_found: 'This link is not valid. Check that you copied the whole link.',
    link_expired: 'This link has expired.',
    registration_expired:
      'The registration lapsed because it was not confirmed in time. You are welcome to register again.',
    service_unavailable: 'The service is busy right now. Please try again in a moment.',
    internal_error: 'Something went wrong on our side. Please try again in a moment.',
    unauthorized: 'Sign in as a coordinator to use this.',
    forbidden: 'You do not have access to this, e.g. because you do not coordinate the network.',
    network_exists: 'A network with this id already exists.',
  },
  fields: {
    required: () => 'This field is required.',
    invalid_email: () => 'Enter a valid email address, e.g. name@school.org.',
    too_short: (n) => `Write at least ${n} characters.`,
    too_long: (n) => `At most ${n} characters.`,
    too_many: (n) => `At most ${n} items.`,
    too_small_number: (n) => `At least ${n}.`,
    too_big_number: (n) => `At most ${n}.`,
    invalid_choice: () => 'Choose one of the options.',
    consent_required: () =>
      'You need to agree that we store your details, or we cannot accept what you send.',
    single_line: () => 'Must not contain line breaks or control characters.',
    whole_number: () => 'Enter a whole number.',
    wrong_type: () => 'Wrong kind of value.',
    unknown_field: () => 'Unknown field.',
    invalid_url: () => 'Enter an address starting with https://.',
    invalid_domain: () => 'Enter a domain, e.g. school.org.',
    duplicate: () => 'The same value appears more than once.',
    invalid: () => 'Invalid value.',
  },
} satisfies HttpMessages;
