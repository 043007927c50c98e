/**
 * What an error says, in the request's language. Field messages speak to the person filling in the
 * form; codes stay English and stable for programs.
 */
export const errorCodes = [
  'validation_failed',
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'network_not_found',
  'not_found',
  'method_not_allowed',
  'link_not_found',
  'link_expired',
  'registration_expired',
  'service_unavailable',
  'internal_error',
  'unauthorized',
  'forbidden',
  'network_exists',
  'group_not_found',
  'group_closed',
  'join_group_closed',
  'offer_expired',
  'capacity_below_seats',
  'already_decided',
  'meeting_cancelled',
  'meeting_changed',
  'evaluation_closed',
  'proposal_not_found',
  'proposal_already_decided',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type FieldProblem =
  | 'required'
  | 'invalid_email'
  | 'too_short'
  | 'too_long'
  | 'too_many'
  | 'too_small_number'
  | 'too_big_number'
  | 'whole_number'
  | 'invalid_choice'
  | 'consent_required'
  | 'single_line'
  | 'wrong_type'
  | 'unknown_field'
  | 'invalid_url'
  | 'invalid_domain'
  | 'duplicate'
  | 'invalid';

/** One language's messages: the shape each of sv.ts, nb.ts and en.ts satisfies. */
export interface HttpMessages {
  errors: Record<ErrorCode, string>;
  fields: Record<FieldProblem, (limit?: number) => string>;
}
