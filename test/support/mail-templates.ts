import type { Language } from '../../shared/i18n.ts';
import { type CoordinatorDigestFields, composeCoordinatorDigest } from '../../shared/mail/digest.ts';
import {
  composeEvaluationReminder,
  composeEvaluationRequest,
  composeEvaluationSummary,
  type EvaluationReminderFields,
  type EvaluationRequestFields,
  type EvaluationSummaryFields,
} from '../../shared/mail/evaluations.ts';
import {
  type ConfirmGroupProposalFields,
  composeConfirmGroupProposal,
  composeConfirmGroupProposalReminder,
  composeGroupProposalAccepted,
  composeGroupProposalDeclined,
  composeGroupProposalReceived,
  type GroupProposalAcceptedFields,
  type GroupProposalDeclinedFields,
  type GroupProposalReceivedFields,
} from '../../shared/mail/group-proposals.ts';
import {
  type ConfirmJoinRequestFields,
  composeConfirmJoinRequest,
  composeConfirmJoinRequestReminder,
  composeJoinApprovalRequest,
  composeJoinApproved,
  composeJoinDeclined,
  composeJoinPendingApproval,
  composeJoinWaitlisted,
  composeLeftGroup,
  composeOfferExpired,
  composeSeatOffered,
  composeWaitlistClosed,
  type JoinApprovalRequestFields,
  type JoinApprovedFields,
  type JoinDeclinedFields,
  type JoinPendingApprovalFields,
  type JoinWaitlistedFields,
  type LeftGroupFields,
  type OfferExpiredFields,
  type SeatOfferedFields,
  type WaitlistClosedFields,
} from '../../shared/mail/groups.ts';
import type { MailContent, RenderedMail } from '../../shared/mail/layout.ts';
import {
  composeIntroducerReminder,
  composeMeetingCancelled,
  composeMeetingInvitation,
  composeMeetingReminder,
  composeMeetingUpdated,
  type IntroducerReminderFields,
  type MeetingCancelledFields,
  type MeetingInvitationFields,
  type MeetingReminderFields,
  type MeetingUpdatedFields,
} from '../../shared/mail/meetings.ts';
import {
  composePrivacyConfirm,
  composePrivacyExport,
  composeStayQuestion,
  type PrivacyConfirmFields,
  type PrivacyExportFields,
  type StayQuestionFields,
} from '../../shared/mail/privacy.ts';
import {
  type ConfirmRegistrationFields,
  composeConfirmRegistration,
  composeConfirmRegistrationReminder,
  composeRegistrationReceipt,
  type RegistrationReceiptFields,
} from '../../shared/mail/registration.ts';
import { mail, renderComposed } from '../../shared/mail/render.ts';

export type { CoordinatorDigestFields } from '../../shared/mail/digest.ts';
export type {
  EvaluationReminderFields,
  EvaluationRequestFields,
  EvaluationSummaryFields,
} from '../../shared/mail/evaluations.ts';
export type {
  ConfirmGroupProposalFields,
  GroupProposalAcceptedFields,
  GroupProposalDeclinedFields,
  GroupProposalReceivedFields,
} from '../../shared/mail/group-proposals.ts';
export type {
  ConfirmJoinRequestFields,
  JoinApprovalRequestFields,
  JoinApprovedFields,
  JoinDeclinedFields,
  JoinPendingApprovalFields,
  JoinWaitlistedFields,
  LeftGroupFields,
  OfferExpiredFields,
  SeatOfferedFields,
} from '../../shared/mail/groups.ts';
export type { RenderedMail } from '../../shared/mail/layout.ts';
export type {
  IntroducerReminderFields,
  MeetingCancelledFields,
  MeetingChange,
  MeetingFacts,
  MeetingInvitationFields,
  MeetingReminderFields,
  MeetingUpdatedFields,
} from '../../shared/mail/meetings.ts';
export type {
  PrivacyConfirmFields,
  PrivacyExportFields,
  StayQuestionFields,
} from '../../shared/mail/privacy.ts';
export type { ConfirmRegistrationFields, RegistrationReceiptFields } from '../../shared/mail/registration.ts';

/**
 * Every kind of mail samla sends and the facts it needs, for tests and tools (functions bind the one
 * composer they send; a table of all would bundle every kind's copy). To add a kind: write its fields,
 * the shape of its copy in shared/mail/copy/types.ts, one export that `satisfies` it in each of
 * copy/sv.ts, nb.ts and en.ts, and a compose function that reads them through a
 * `Record<Language, …Copy>` (see shared/mail/registration.ts); then add one line here and one in
 * `composers`. A kind without a composer, or a language without the kind's copy, does not compile.
 */
export interface MailFields {
  'confirm-registration': ConfirmRegistrationFields;
  'confirm-registration-reminder': ConfirmRegistrationFields;
  'registration-receipt': RegistrationReceiptFields;
  'confirm-join-request': ConfirmJoinRequestFields;
  'confirm-join-request-reminder': ConfirmJoinRequestFields;
  'join-approved': JoinApprovedFields;
  'join-waitlisted': JoinWaitlistedFields;
  'join-pending-approval': JoinPendingApprovalFields;
  'join-declined': JoinDeclinedFields;
  'join-approval-request': JoinApprovalRequestFields;
  'seat-offered': SeatOfferedFields;
  'offer-expired': OfferExpiredFields;
  'left-group': LeftGroupFields;
  'waitlist-closed': WaitlistClosedFields;
  'confirm-group-proposal': ConfirmGroupProposalFields;
  'confirm-group-proposal-reminder': ConfirmGroupProposalFields;
  'group-proposal-received': GroupProposalReceivedFields;
  'group-proposal-accepted': GroupProposalAcceptedFields;
  'group-proposal-declined': GroupProposalDeclinedFields;
  'meeting-invitation': MeetingInvitationFields;
  'meeting-reminder': MeetingReminderFields;
  'introducer-reminder': IntroducerReminderFields;
  'meeting-updated': MeetingUpdatedFields;
  'meeting-cancelled': MeetingCancelledFields;
  'evaluation-request': EvaluationRequestFields;
  'evaluation-reminder': EvaluationReminderFields;
  'evaluation-summary': EvaluationSummaryFields;
  'privacy-confirm': PrivacyConfirmFields;
  'privacy-export': PrivacyExportFields;
  'stay-question': StayQuestionFields;
  'coordinator-digest': CoordinatorDigestFields;
}

export type MailKind = keyof MailFields;

export type MailMessage<K extends MailKind = MailKind> = { [P in K]: { kind: P } & MailFields[P] }[K];

type Composers = { [K in MailKind]: (message: MailMessage<K>, language: Language) => MailContent };

const composers: Composers = {
  'confirm-registration': composeConfirmRegistration,
  'confirm-registration-reminder': composeConfirmRegistrationReminder,
  'registration-receipt': composeRegistrationReceipt,
  'confirm-join-request': composeConfirmJoinRequest,
  'confirm-join-request-reminder': composeConfirmJoinRequestReminder,
  'join-approved': composeJoinApproved,
  'join-waitlisted': composeJoinWaitlisted,
  'join-pending-approval': composeJoinPendingApproval,
  'join-declined': composeJoinDeclined,
  'join-approval-request': composeJoinApprovalRequest,
  'seat-offered': composeSeatOffered,
  'offer-expired': composeOfferExpired,
  'left-group': composeLeftGroup,
  'waitlist-closed': composeWaitlistClosed,
  'confirm-group-proposal': composeConfirmGroupProposal,
  'confirm-group-proposal-reminder': composeConfirmGroupProposalReminder,
  'group-proposal-received': composeGroupProposalReceived,
  'group-proposal-accepted': composeGroupProposalAccepted,
  'group-proposal-declined': composeGroupProposalDeclined,
  'meeting-invitation': composeMeetingInvitation,
  'meeting-reminder': composeMeetingReminder,
  'introducer-reminder': composeIntroducerReminder,
  'meeting-updated': composeMeetingUpdated,
  'meeting-cancelled': composeMeetingCancelled,
  'evaluation-request': composeEvaluationRequest,
  'evaluation-reminder': composeEvaluationReminder,
  'evaluation-summary': composeEvaluationSummary,
  'privacy-confirm': composePrivacyConfirm,
  'privacy-export': composePrivacyExport,
  'stay-question': composeStayQuestion,
  'coordinator-digest': composeCoordinatorDigest,
};

export const mailKinds = Object.keys(composers) as MailKind[];

/**
 * Any kind of mail by its name, for tests and tools. Functions do not use it: its table of every
 * composer would put every kind and all their copy in their bundles. They bind the composer of the kind
 * they send with render.ts's `mail`, and shared/notify.ts renders that the same way as here.
 */
export function renderMail<K extends MailKind>(
  message: MailMessage<K>,
  language: Language,
  options: { unsubscribeUrl?: string } = {},
): RenderedMail {
  const compose: Composers[K] = composers[message.kind];
  return renderComposed(mail(compose, message), language, options);
}
