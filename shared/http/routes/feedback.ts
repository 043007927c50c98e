import { TokenParams } from '../common-schemas.ts';
import { FeedbackBody, FeedbackRecorded } from '../feedback-schemas.ts';
import { invalid, linkErrors, type RouteDef } from './common.ts';

/** The routes functions/feedback/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/feedback/{token}',
    fn: 'feedback',
    auth: 'public',
    operationId: 'showFeedbackForm',
    summary:
      'The evaluation form behind the emailed one-tap ratings (?rating=1..10 pre-selects); changes nothing',
    params: TokenParams,
    responses: { 200: { description: 'The form', html: true }, ...linkErrors },
  },
  {
    method: 'POST',
    path: '/v1/feedback/{token}',
    fn: 'feedback',
    auth: 'public',
    operationId: 'answerFeedback',
    summary: 'Answer (or change the answer to) a meeting’s evaluation until it closes',
    params: TokenParams,
    body: FeedbackBody,
    responses: {
      200: {
        description: 'Recorded (JSON, or a thank-you page for a form post)',
        json: FeedbackRecorded,
        html: true,
      },
      400: {
        ...invalid,
        description: `${invalid.description}; a form post from a browser gets the form back`,
      },
      ...linkErrors,
    },
  },
];
