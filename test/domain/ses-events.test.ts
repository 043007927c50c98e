import { describe, expect, it } from 'vitest';
import { decideSesEvent } from '../../shared/domain/ses-events.ts';

/*
 * Shapes as SES documents them: event publishing from a configuration set ("eventType") and the older
 * identity notifications ("notificationType"), trimmed to the fields that matter plus some that do not.
 */
const mail = {
  timestamp: '2027-01-19T16:00:00.000Z',
  source: 'samla@example.org',
  messageId: '0100018c-1a2b3c4d-5e6f-7a8b-9c0d-112233445566-000000',
  destination: ['anna@ekskolan.se'],
};

const permanentBounce = {
  eventType: 'Bounce',
  bounce: {
    bounceType: 'Permanent',
    bounceSubType: 'General',
    bouncedRecipients: [
      {
        emailAddress: 'anna@ekskolan.se',
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1',
      },
    ],
    timestamp: '2027-01-19T16:00:01.000Z',
    feedbackId: '0100018c-feedback-000000',
  },
  mail,
};

const complaint = {
  eventType: 'Complaint',
  complaint: {
    complainedRecipients: [{ emailAddress: 'anna@ekskolan.se' }],
    timestamp: '2027-01-20T08:00:00.000Z',
    feedbackId: '0100018c-feedback-000001',
    complaintFeedbackType: 'abuse',
  },
  mail,
};

const decide = (value: unknown) => decideSesEvent(JSON.stringify(value));

describe('decideSesEvent', () => {
  it('suppresses the recipient of a permanent bounce', () => {
    expect(decide(permanentBounce)).toEqual({
      action: 'suppress',
      reason: 'bounce',
      recipients: ['anna@ekskolan.se'],
      details: {
        type: 'Bounce',
        subType: 'Permanent/General',
        sesMessageId: mail.messageId,
        recipientCount: 1,
      },
    });
  });

  it('ignores transient and undetermined bounces: the next mail may well arrive', () => {
    for (const bounceType of ['Transient', 'Undetermined']) {
      const decision = decide({
        ...permanentBounce,
        bounce: { ...permanentBounce.bounce, bounceType, bounceSubType: 'MailboxFull' },
      });
      expect(decision).toMatchObject({ action: 'ignore', why: `${bounceType} bounce` });
      expect(JSON.stringify(decision)).not.toContain('@');
    }
  });

  it('suppresses the recipient of a complaint, but not a not-spam correction', () => {
    expect(decide(complaint)).toMatchObject({
      action: 'suppress',
      reason: 'complaint',
      recipients: ['anna@ekskolan.se'],
      details: { type: 'Complaint', subType: 'abuse', recipientCount: 1 },
    });
    const { complaintFeedbackType: _, ...withoutType } = complaint.complaint;
    expect(decide({ ...complaint, complaint: withoutType })).toMatchObject({ action: 'suppress' });
    expect(
      decide({ ...complaint, complaint: { ...complaint.complaint, complaintFeedbackType: 'not-spam' } }),
    ).toMatchObject({ action: 'ignore', why: 'not-spam report' });
  });

  it('suppresses every recipient of a multi-recipient event once, names and duplicates aside', () => {
    const decision = decide({
      ...permanentBounce,
      bounce: {
        ...permanentBounce.bounce,
        bouncedRecipients: [
          { emailAddress: 'anna@ekskolan.se' },
          { emailAddress: 'Bo Ek <bo@ekskolan.se>' },
          { emailAddress: 'ANNA@ekskolan.se' },
        ],
      },
    });
    expect(decision).toMatchObject({
      action: 'suppress',
      recipients: ['anna@ekskolan.se', 'bo@ekskolan.se'],
      details: { recipientCount: 3 },
    });
  });

  it('reads the older identity notification format (notificationType)', () => {
    const { eventType: _b, ...bounceBody } = permanentBounce;
    expect(decide({ notificationType: 'Bounce', ...bounceBody })).toMatchObject({
      action: 'suppress',
      reason: 'bounce',
      recipients: ['anna@ekskolan.se'],
    });
    const { eventType: _c, ...complaintBody } = complaint;
    expect(decide({ notificationType: 'Complaint', ...complaintBody })).toMatchObject({
      action: 'suppress',
      reason: 'complaint',
    });
    expect(
      decide({ notificationType: 'Delivery', mail, delivery: { recipients: ['anna@ekskolan.se'] } }),
    ).toEqual({
      action: 'ignore',
      why: 'Delivery event',
      details: { type: 'Delivery', sesMessageId: mail.messageId },
    });
    // SES's test message when a topic is first attached to an identity.
    expect(
      decide({ notificationType: 'AmazonSnsSubscriptionSucceeded', message: 'You have…' }),
    ).toMatchObject({
      action: 'ignore',
    });
  });

  it('calls unreadable messages malformed, naming where, never what', () => {
    expect(decideSesEvent('not json {')).toEqual({ action: 'malformed', problem: 'not JSON' });
    expect(decideSesEvent('')).toEqual({ action: 'malformed', problem: 'not JSON' });
    expect(decide('anna@ekskolan.se')).toMatchObject({ action: 'malformed' });
    expect(decide({ mail })).toEqual({
      action: 'malformed',
      problem: 'neither eventType nor notificationType',
    });
    const cases = [
      { eventType: 'Bounce', mail },
      { eventType: 'Bounce', bounce: { bounceType: 'Permanent', bouncedRecipients: [] } },
      { eventType: 'Bounce', bounce: { bounceType: 'Permanent', bouncedRecipients: [{ email: 'a@b.se' }] } },
      { eventType: 'Complaint', complaint: { complainedRecipients: 'anna@ekskolan.se' } },
      { eventType: 42 },
    ];
    for (const value of cases) {
      const decision = decide(value);
      expect(decision.action, JSON.stringify(value)).toBe('malformed');
      expect(JSON.stringify(decision)).not.toContain('@');
    }
    expect(decide(cases[2])).toEqual({
      action: 'malformed',
      problem: 'bounce.bouncedRecipients.0.emailAddress: invalid_type',
    });
  });

  it('repeats nothing from the message in what is logged but SES-style words and ids', () => {
    const decision = decide({
      eventType: 'anna@ekskolan.se',
      mail: { messageId: 'anna@ekskolan.se' },
    });
    expect(decision).toEqual({
      action: 'ignore',
      why: 'unrecognised event',
      details: { type: 'unrecognised' },
    });
    const bounce = decide({
      ...permanentBounce,
      bounce: {
        ...permanentBounce.bounce,
        bounceType: 'x anna@ekskolan.se',
        bounceSubType: 'bo@ekskolan.se',
      },
    });
    expect(bounce).toMatchObject({ action: 'ignore', details: { subType: 'unrecognised/unrecognised' } });
    expect(JSON.stringify(bounce)).not.toContain('@');
  });
});
