/**
 * Every samla function, named once: one folder under functions/ each (functions/<name>/handler.ts), and
 * what runs it. The routes an `http` function serves are in shared/http/routes.ts (`RouteDef.fn`); the
 * grants each function gets are in infra/functions.ts, keyed by the same names, so a function added here
 * and forgotten there fails typecheck. No CDK here: handlers and tests import it too.
 *
 * One rule for granularity: one function per resource. A function that serves several routes dispatches
 * on the route key (shared/http/dispatch.ts), never on an if-chain of methods and paths.
 */

/** The Step Functions workflows; each has one steps function for its tasks. */
export type WorkflowName = 'opt-in' | 'offer' | 'meeting';

export type Trigger =
  /** API Gateway, for the routes of shared/http/routes.ts whose `fn` names the function. */
  | { readonly http: true }
  /** The tasks of this workflow's state machine (infra/constructs/workflows.ts). */
  | { readonly workflow: WorkflowName }
  /** An EventBridge schedule (infra/constructs/schedules.ts). */
  | { readonly schedule: 'hourly' | 'nightly' }
  /** SES bounce and complaint events through SNS (infra/constructs/email.ts). */
  | { readonly event: 'ses' };

const http = { http: true } as const;

export const functionTriggers = {
  'register-interest': http,
  confirm: http,
  openapi: http,
  'admin-networks': http,
  'admin-digest': http,
  'admin-overview': http,
  'admin-registrations': http,
  'list-groups': http,
  'request-to-join': http,
  'group-links': http,
  'admin-groups': http,
  'admin-join-requests': http,
  'propose-group': http,
  'admin-group-proposals': http,
  'meeting-links': http,
  unsubscribe: http,
  'privacy-requests': http,
  'privacy-links': http,
  'admin-meetings': http,
  feedback: http,
  'admin-follow-ups': http,
  'admin-feedback': http,
  'opt-in-steps': { workflow: 'opt-in' },
  'offer-steps': { workflow: 'offer' },
  'meeting-steps': { workflow: 'meeting' },
  'ses-notifications': { event: 'ses' },
  digest: { schedule: 'hourly' },
  'retention-sweep': { schedule: 'nightly' },
} as const satisfies Readonly<Record<string, Trigger>>;

/** A folder under functions/: a typo in a route's `fn` or in a grant fails typecheck. */
export type FunctionName = keyof typeof functionTriggers;

export const functionNames = Object.keys(functionTriggers) as FunctionName[];

/** The functions no route serves: workflow tasks, scheduled jobs and event handlers. */
export const unroutedFunctions = functionNames.filter((name) => !('http' in functionTriggers[name]));
