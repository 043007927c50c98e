import * as z from 'zod/mini';
import type { SuppressionReason } from './person.ts';

/**
 * What an SES notification means for the suppression list. SES publishes two formats to SNS: event
 * publishing from a configuration set (`eventType`), which the stack sets up, and the older identity
 * notifications (`notificationType`), which an account may have configured on an identity it already
 * had. Both carry the same `bounce` and `complaint` objects.
 *
 * Nothing here ever includes an address except `recipients` of a suppression: the rest is logged.
 */
export type SesEventDecision =
  | {
      readonly action: 'suppress';
      readonly reason: Extract<SuppressionReason, 'bounce' | 'complaint'>;
      readonly recipients: readonly string[];
      readonly details: SesEventDetails;
    }
  | { readonly action: 'ignore'; readonly why: string; readonly details: SesEventDetails }
  | { readonly action: 'malformed'; readonly problem: string };

/** Address-free facts for the log: what happened, to which SES message, to how many recipients. */
export interface SesEventDetails {
  readonly type: string;
  readonly subType?: string;
  readonly sesMessageId?: string;
  readonly recipientCount?: number;
}

const recipient = z.object({ emailAddress: z.string().check(z.trim(), z.minLength(1), z.maxLength(320)) });

const bounce = z.object({
  bounceType: z.string(),
  bounceSubType: z.optional(z.string()),
  bouncedRecipients: z.array(recipient).check(z.minLength(1)),
});

const complaint = z.object({
  complainedRecipients: z.array(recipient).check(z.minLength(1)),
  complaintFeedbackType: z.optional(z.string()),
});

const envelope = z.object({
  eventType: z.optional(z.string()),
  notificationType: z.optional(z.string()),
  mail: z.optional(z.object({ messageId: z.optional(z.string()) })),
});

/*
 * Problems are reported by path and issue code only: zod's messages may quote what they received, and
 * what SES sends is full of addresses.
 */
function problemOf(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code}`)
    .join('; ');
}

/** SES's values are short words; anything else (which could hold an address) is not repeated in the log. */
function label(value: string): string {
  return /^[A-Za-z][A-Za-z0-9-]{0,39}$/.test(value) ? value : 'unrecognised';
}

/** `Name <a@b>` → `a@b`: a DSN's Final-Recipient is a bare address, but a reporting MTA may add a name. */
function bareAddress(value: string): string {
  return /<([^<>\s]+)>\s*$/.exec(value)?.[1] ?? value;
}

/**
 * Decides from the raw `Sns.Message`: hard (Permanent) bounces and complaints suppress their recipients;
 * transient and undetermined bounces, a `not-spam` feedback report, and every other event are ignored.
 * Never throws: a message that cannot be read comes back as `malformed`.
 */
export function decideSesEvent(message: string): SesEventDecision {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return { action: 'malformed', problem: 'not JSON' };
  }
  const head = envelope.safeParse(json);
  if (!head.success) return { action: 'malformed', problem: problemOf(head.error) };
  const type = head.data.eventType ?? head.data.notificationType;
  if (type === undefined) return { action: 'malformed', problem: 'neither eventType nor notificationType' };
  const sesMessageId = head.data.mail?.messageId;
  const base: SesEventDetails = {
    type: label(type),
    ...(sesMessageId !== undefined && /^[A-Za-z0-9-]{1,100}$/.test(sesMessageId) ? { sesMessageId } : {}),
  };

  if (type === 'Bounce') {
    const parsed = z.object({ bounce }).safeParse(json);
    if (!parsed.success) return { action: 'malformed', problem: problemOf(parsed.error) };
    const { bounceType, bounceSubType, bouncedRecipients } = parsed.data.bounce;
    const details: SesEventDetails = {
      ...base,
      subType: label(bounceType) + (bounceSubType === undefined ? '' : `/${label(bounceSubType)}`),
      recipientCount: bouncedRecipients.length,
    };
    // A full mailbox or a greylisting server may accept the next mail; only a Permanent bounce is final.
    if (bounceType !== 'Permanent') return { action: 'ignore', why: `${label(bounceType)} bounce`, details };
    return {
      action: 'suppress',
      reason: 'bounce',
      recipients: unique(bouncedRecipients.map((r) => bareAddress(r.emailAddress))),
      details,
    };
  }

  if (type === 'Complaint') {
    const parsed = z.object({ complaint }).safeParse(json);
    if (!parsed.success) return { action: 'malformed', problem: problemOf(parsed.error) };
    const { complainedRecipients, complaintFeedbackType } = parsed.data.complaint;
    const details: SesEventDetails = {
      ...base,
      ...(complaintFeedbackType === undefined ? {} : { subType: label(complaintFeedbackType) }),
      recipientCount: complainedRecipients.length,
    };
    // A mailbox provider's correction of an earlier report (RFC 5965): the person did not complain.
    if (complaintFeedbackType === 'not-spam') return { action: 'ignore', why: 'not-spam report', details };
    return {
      action: 'suppress',
      reason: 'complaint',
      recipients: unique(complainedRecipients.map((r) => bareAddress(r.emailAddress))),
      details,
    };
  }

  return { action: 'ignore', why: `${base.type} event`, details: base };
}

function unique(addresses: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const address of addresses) {
    const key = address.toLowerCase();
    if (!seen.has(key)) seen.set(key, address);
  }
  return [...seen.values()];
}
