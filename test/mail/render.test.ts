import { describe, expect, it } from 'vitest';
import { type Language, languages } from '../../shared/i18n.ts';
import { composeCoordinatorDigest } from '../../shared/mail/digest.ts';
import {
  composeEvaluationReminder,
  composeEvaluationRequest,
  composeEvaluationSummary,
} from '../../shared/mail/evaluations.ts';
import {
  composeConfirmGroupProposal,
  composeConfirmGroupProposalReminder,
  composeGroupProposalAccepted,
  composeGroupProposalDeclined,
  composeGroupProposalReceived,
} from '../../shared/mail/group-proposals.ts';
import {
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
} from '../../shared/mail/groups.ts';
import type { MailContent } from '../../shared/mail/layout.ts';
import {
  composeIntroducerReminder,
  composeMeetingCancelled,
  composeMeetingInvitation,
  composeMeetingReminder,
  composeMeetingUpdated,
} from '../../shared/mail/meetings.ts';
import {
  composePrivacyConfirm,
  composePrivacyExport,
  composeStayQuestion,
} from '../../shared/mail/privacy.ts';
import {
  composeConfirmRegistration,
  composeConfirmRegistrationReminder,
  composeRegistrationReceipt,
} from '../../shared/mail/registration.ts';
import { mail, renderComposed } from '../../shared/mail/render.ts';
import { type MailKind, type MailMessage, renderMail } from '../support/mail-templates.ts';
import { evaluationSamples } from './evaluation-samples.ts';
import { groupSamples } from './group-samples.ts';
import { meetingSamples } from './meeting-samples.ts';
import { privacySamples } from './privacy-samples.ts';
import { proposalSamples } from './proposal-samples.ts';

// Functions send a mail as mail(composer, fields), without its kind; tests and tools name the kind. Both
// must give the same bytes, so no composer may depend on the kind, and the composer a sender names must
// be the one the kind's name stands for.
function bound<K extends MailKind>(
  message: MailMessage<K>,
  compose: (fields: Omit<MailMessage<K>, 'kind'>, language: Language) => MailContent,
): [MailKind, (language: Language, unsubscribeUrl?: string) => void] {
  const { kind, ...fields } = message;
  return [
    kind,
    (language, unsubscribeUrl) => {
      const options = unsubscribeUrl ? { unsubscribeUrl } : {};
      expect(renderComposed(mail(compose, fields), language, options)).toEqual(
        renderMail(message, language, options),
      );
    },
  ];
}

const registration = {
  recipientName: 'Åsa Ericson',
  networkName: 'Grundskolenätverket',
  confirmUrl: 'https://api.example.org/v1/confirm/abc',
  expiresAt: new Date('2026-11-29T13:00:00Z'),
  timeZone: 'Europe/Stockholm',
};

const cases = [
  bound({ kind: 'confirm-registration', ...registration }, composeConfirmRegistration),
  bound({ kind: 'confirm-registration-reminder', ...registration }, composeConfirmRegistrationReminder),
  bound(
    {
      kind: 'registration-receipt',
      recipientName: 'Åsa Ericson',
      networkName: 'Grundskolenätverket',
      topics: ['Rektors mandat'],
      timeZone: 'Europe/Stockholm',
    },
    composeRegistrationReceipt,
  ),
  bound(groupSamples['confirm-join-request'], composeConfirmJoinRequest),
  bound(groupSamples['confirm-join-request-reminder'], composeConfirmJoinRequestReminder),
  bound(groupSamples['join-approved'], composeJoinApproved),
  bound(groupSamples['join-waitlisted'], composeJoinWaitlisted),
  bound(groupSamples['join-pending-approval'], composeJoinPendingApproval),
  bound(groupSamples['join-declined'], composeJoinDeclined),
  bound(groupSamples['join-approval-request'], composeJoinApprovalRequest),
  bound(groupSamples['seat-offered'], composeSeatOffered),
  bound(groupSamples['offer-expired'], composeOfferExpired),
  bound(groupSamples['left-group'], composeLeftGroup),
  bound(groupSamples['waitlist-closed'], composeWaitlistClosed),
  bound(proposalSamples['confirm-group-proposal'], composeConfirmGroupProposal),
  bound(proposalSamples['confirm-group-proposal-reminder'], composeConfirmGroupProposalReminder),
  bound(proposalSamples['group-proposal-received'], composeGroupProposalReceived),
  bound(proposalSamples['group-proposal-accepted'], composeGroupProposalAccepted),
  bound(proposalSamples['group-proposal-declined'], composeGroupProposalDeclined),
  bound(meetingSamples['meeting-invitation'], composeMeetingInvitation),
  bound(meetingSamples['meeting-reminder'], composeMeetingReminder),
  bound(meetingSamples['introducer-reminder'], composeIntroducerReminder),
  bound(meetingSamples['meeting-updated'], composeMeetingUpdated),
  bound(meetingSamples['meeting-cancelled'], composeMeetingCancelled),
  bound(evaluationSamples['evaluation-request'], composeEvaluationRequest),
  bound(evaluationSamples['evaluation-reminder'], composeEvaluationReminder),
  bound(evaluationSamples['evaluation-summary'], composeEvaluationSummary),
  bound(privacySamples['privacy-confirm'], composePrivacyConfirm),
  bound(privacySamples['privacy-export'], composePrivacyExport),
  bound(privacySamples['stay-question'], composeStayQuestion),
  bound(privacySamples['coordinator-digest'], composeCoordinatorDigest),
];

describe('a mail bound to its composer', () => {
  for (const [kind, check] of cases) {
    it(`renders ${kind} as renderMail does, with and without an unsubscribe link`, () => {
      for (const language of languages) {
        check(language);
        check(language, 'https://example.org/v1/unsubscribe/abc');
      }
    });
  }
});
