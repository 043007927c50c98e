import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { FunctionName, WorkflowName } from '../shared/functions.ts';
import type { Email } from './constructs/email.ts';
import type { SamlaFunction } from './constructs/function.ts';

/** What a function may do. Each grant is a deliberate choice: its role starts empty. */
export interface Access {
  readonly table?: 'read' | 'write' | 'read-write';
  readonly mail?: true;
  /** The workflows it starts: it gets StartExecution on each and its ARN in the environment. */
  readonly starts?: readonly WorkflowName[];
}

const readWriteAndMail = { table: 'read-write', mail: true } as const;

/**
 * What each function may do, and nothing more. A function of shared/functions.ts missing here fails
 * typecheck: locally nothing enforces IAM, so a forgotten grant would otherwise only show up as
 * AccessDenied in AWS.
 */
export const access = {
  // The public forms' double opt-in: the opt-in workflow sends the confirmation, its reminder, and lapses it.
  'register-interest': { table: 'read-write', starts: ['opt-in'] },
  // Placing a member starts their invitations to the meetings already scheduled (the meeting workflow).
  confirm: { ...readWriteAndMail, starts: ['meeting'] },
  'opt-in-steps': readWriteAndMail,
  openapi: {},
  // Creating a network writes, reading its settings reads, changing them writes only if it exists.
  'admin-networks': { table: 'read-write' },
  // The console's overview: the digest's reads (shared/services/network-state.ts); changes nothing.
  'admin-overview': { table: 'read' },
  // The list and the CSV export; changes nothing.
  'admin-registrations': { table: 'read' },
  // Evaluations for coordinators: reads answers, meetings and member names; changes nothing.
  'admin-feedback': { table: 'read' },
  'offer-steps': readWriteAndMail,
  'meeting-steps': readWriteAndMail,
  'admin-follow-ups': { table: 'read-write' },
  feedback: { table: 'read-write' },
  'admin-meetings': { table: 'read-write', starts: ['meeting'] },
  // "Can't come to the rest of the series" passes the seat on as an offer, like leaving.
  'meeting-links': { ...readWriteAndMail, starts: ['offer'] },
  'list-groups': { table: 'read' },
  'request-to-join': { table: 'read-write', starts: ['opt-in'] },
  // Approving a request or moving the waitlist up places members: invited to the meetings ahead.
  'admin-groups': { ...readWriteAndMail, starts: ['meeting'] },
  'admin-join-requests': { ...readWriteAndMail, starts: ['meeting'] },
  'propose-group': { table: 'read-write', starts: ['opt-in'] },
  'admin-group-proposals': readWriteAndMail,
  // Leaving passes the seat on as an offer, whose workflow ends it if it is not taken in time; accepting
  // an offer or approving by link places a member, invited to the meetings ahead by the meeting workflow.
  'group-links': { ...readWriteAndMail, starts: ['offer', 'meeting'] },
  // The digest reads a network's indexes and groups, issues decision links and notes when it was sent.
  digest: readWriteAndMail,
  'admin-digest': readWriteAndMail,
  unsubscribe: { table: 'read-write' },
  'privacy-requests': readWriteAndMail,
  // Erasure passes the person's seats on as offers, like leaving; so may the retention sweep's.
  'privacy-links': { ...readWriteAndMail, starts: ['offer'] },
  'retention-sweep': { ...readWriteAndMail, starts: ['offer'] },
  // Puts suppression items for bounced and complaining addresses; reads nothing, sends nothing.
  'ses-notifications': { table: 'write' },
} as const satisfies Readonly<Record<FunctionName, Access>>;

/** The one place a started workflow's ARN gets its variable name (read in shared/config.ts). */
export function workflowArnVariable(workflow: WorkflowName): string {
  return `${workflow.replaceAll('-', '_').toUpperCase()}_WORKFLOW_ARN`;
}

export interface Grantables {
  readonly table: ITableV2;
  readonly email: Email;
  readonly workflows: Readonly<Record<WorkflowName, IStateMachine>>;
}

/** Gives the function what its entry in `access` says. */
export function grantAccess(fn: SamlaFunction, { table, mail, starts = [] }: Access, to: Grantables): void {
  if (table === 'read' || table === 'read-write') fn.grantTableRead(to.table);
  if (table === 'write' || table === 'read-write') fn.grantTableWrite(to.table);
  if (mail) fn.grantSendEmail(to.email);
  for (const workflow of starts) {
    fn.grantStartExecution(to.workflows[workflow]);
    fn.addEnvironment(workflowArnVariable(workflow), to.workflows[workflow].stateMachineArn);
  }
}
