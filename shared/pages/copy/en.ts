import { meetingCopy } from '../../mail/meetings.ts';
import { type GroupPageFacts, meetingTime, type PageCopy } from './types.ts';

// A group named in a sentence, the requester, the place in line and the meeting, as in sv.ts.
const phrase = {
  group: (f: GroupPageFacts) => (f.groupTitle ? `the group “${f.groupTitle}”` : 'the group'),
  Group: (f: GroupPageFacts) => (f.groupTitle ? `The group “${f.groupTitle}”` : 'The group'),
  from: (f: GroupPageFacts) => (f.requesterName ? ` from ${f.requesterName}` : ''),
  queue: (f: GroupPageFacts) => (f.position ? `number ${f.position} in line` : 'in line'),
  when: (f: GroupPageFacts) => {
    const time = meetingTime(f, 'en');
    return time ? ` on ${time}` : '';
  },
  onwards: (f: GroupPageFacts) => {
    const time = meetingTime(f, 'en');
    return time ? `, from the meeting on ${time} onwards` : '';
  },
};

export const confirm = {
  title: 'Confirm your registration',
  lead: (network) => `Click the button to confirm your interest in ${network}.`,
  button: 'Confirm',
  note: 'If you did not register, you can simply close this page. Nothing happens until you click the button.',
} satisfies PageCopy['confirm'];

export const confirmed = {
  title: 'Thank you – you are registered',
  lead: (network) =>
    `Your interest in ${network} is confirmed. You will soon get an email about what happens next.`,
} satisfies PageCopy['confirmed'];

export const alreadyConfirmed = {
  title: 'Already confirmed',
  lead: (network) =>
    `Your registration with ${network} was already confirmed. There is nothing more you need to do.`,
} satisfies PageCopy['alreadyConfirmed'];

export const receipt = {
  title: 'Thanks – check your inbox',
  lead: (network) =>
    `We have sent you an email with a link to confirm. Once you have clicked it, your registration with ${network} is complete.`,
  note: 'Cannot find it? Look in your spam folder, or wait a few minutes.',
} satisfies PageCopy['receipt'];

export const joinReceipt = {
  title: 'Thanks – check your inbox',
  lead: (network) =>
    `We have sent you an email with a link to confirm your request to join the group in ${network}. Once you have clicked it, you will learn whether you have a seat, are on the waitlist, or wait for a coordinator to look at the request.`,
  note: 'Cannot find it? Look in your spam folder, or wait a few minutes.',
} satisfies PageCopy['joinReceipt'];

export const proposalReceipt = {
  title: 'Thanks – check your inbox',
  lead: (network) =>
    `We have sent you an email with a link to confirm your group proposal. Once you have clicked it, the proposal goes to the coordinators of ${network}.`,
  note: 'Cannot find it? Look in your spam folder, or wait a few minutes.',
} satisfies PageCopy['proposalReceipt'];

export const actions = {
  'confirm-join-request': {
    title: 'Confirm your request',
    lead: (f) => `Click the button to confirm your request to join ${phrase.group(f)} in ${f.networkName}.`,
    button: 'Confirm',
    note: 'If you did not ask to join, you can simply close this page. Nothing happens until you click the button.',
  },
  'approve-join-request': {
    title: 'Approve the request',
    lead: (f) =>
      `Approve the request${phrase.from(f)} to join ${phrase.group(f)}. They then get a seat in the group, or a place on the waitlist if the group is full.`,
    button: 'Approve',
    note: 'Nothing happens until you click the button.',
  },
  'decline-join-request': {
    title: 'Decline the request',
    lead: (f) =>
      `Decline the request${phrase.from(f)} to join ${phrase.group(f)}. They will be told by email.`,
    button: 'Decline the request',
    note: 'Nothing happens until you click the button.',
  },
  'leave-group': {
    title: 'Leave the group',
    lead: (f) =>
      `Do you want to leave ${phrase.group(f)} in ${f.networkName}? Your seat is then freed, and if the group takes new members, it goes to someone else who would like to take part.`,
    button: 'Leave the group',
    note: 'Changed your mind? Just close this page. Nothing happens until you click the button.',
  },
  'leave-waitlist': {
    title: 'Leave the waitlist',
    lead: (f) =>
      `Do you want to leave the waitlist for ${phrase.group(f)} in ${f.networkName}? You will then get no seat when one frees up.`,
    button: 'Leave the waitlist',
    note: 'Changed your mind? Just close this page. Nothing happens until you click the button.',
  },
  'accept-offer': {
    title: 'Accept the seat',
    lead: (f) =>
      `A seat in ${phrase.group(f)} in ${f.networkName} is waiting for you. Click the button to accept it.`,
    button: 'Accept',
    note: 'Nothing happens until you click the button.',
  },
  'decline-offer': {
    title: 'Decline the seat',
    lead: (f) =>
      `Do you want to decline the seat in ${phrase.group(f)} in ${f.networkName}? It then goes straight to the next in line.`,
    button: 'Decline',
    note: 'Changed your mind? Just close this page. Nothing happens until you click the button.',
  },
  'confirm-group-proposal': {
    title: 'Confirm your group proposal',
    lead: (f) =>
      `Click the button to confirm your proposal for a new group${f.groupTitle ? `, “${f.groupTitle}”,` : ''} in ${f.networkName}.`,
    button: 'Confirm',
    note: 'If you did not propose a group, you can simply close this page. Nothing happens until you click the button.',
  },
  'rsvp-yes': {
    title: 'Answer that you are coming',
    lead: (f) =>
      `Click the button to answer that you are coming to the meeting of ${phrase.group(f)}${phrase.when(f)}.`,
    button: 'I’m coming',
    note: 'Nothing happens until you click the button.',
  },
  'rsvp-no': {
    title: 'Answer that you cannot come',
    lead: (f) =>
      `Click the button to answer that you cannot come to the meeting of ${phrase.group(f)}${phrase.when(f)}. You keep your seat in the group.`,
    button: 'I can’t come',
    note: 'Changed your mind? Just close this page. Nothing happens until you click the button.',
  },
  'rsvp-no-series': {
    title: 'Miss the rest of the meetings',
    lead: (f) =>
      `Cannot come to the rest of the meetings of ${phrase.group(f)}${phrase.onwards(f)}? Then you give up your seat in the group, and if the group takes new members, it goes to someone else who would like to take part.`,
    button: 'Give up my seat',
    // A getter: read when the page is made, so a function without action pages can drop the mail copy.
    get note() {
      return `Only missing one meeting? Close this page and use the link “${meetingCopy.en.noLabel}” in the invitation instead. Nothing happens until you click the button.`;
    },
  },
} satisfies PageCopy['actions'];

export const declineMessage = {
  label: (requester) => `Message to ${requester ?? 'the person'} (optional)`,
  hint: (max) => `The message goes with the answer in the email. ${max} characters at most.`,
} satisfies PageCopy['declineMessage'];

/** A seat taken: by the join link or an accepted offer. */
const welcomeLead = (f: GroupPageFacts) =>
  `You are now part of ${phrase.group(f)} in ${f.networkName}. ${f.mailOff ? 'You will get a welcome email. You have turned off all email from the network, so the meeting invitations will not come; if you want them, turn email back on with the link at the bottom of the welcome email.' : 'You will get a welcome email, and the meeting dates follow in separate invitations.'}`;

export const results = {
  'join-approved': {
    title: () => 'Welcome – you have a seat',
    lead: (f) => welcomeLead(f),
  },
  'join-waitlisted': {
    title: () => 'You are on the waitlist',
    lead: (f) =>
      `${phrase.Group(f)} is full right now. You are ${phrase.queue(f)} and will get an email when a seat frees up.`,
  },
  'join-pending-approval': {
    title: () => 'Thank you – your request awaits a decision',
    lead: (f) =>
      `Your organisation is not (yet) registered as a member organisation of ${f.networkName}, so a coordinator will look at your request to join ${phrase.group(f)}. You will hear by email.`,
  },
  'join-request-approved': {
    title: (f) => `${f.requesterName ?? 'They'} got a seat`,
    lead: (f) =>
      `The request${phrase.from(f)} to join ${phrase.group(f)} is approved. They will get a welcome email.`,
  },
  'join-request-waitlisted': {
    title: () => 'Approved – on the waitlist',
    lead: (f) =>
      `The request${phrase.from(f)} is approved, but ${phrase.group(f)} is full. They are ${phrase.queue(f)} and will hear by email when there is a seat: an offer to answer, or the seat itself if the group gets more seats.`,
  },
  'join-request-declined': {
    title: () => 'Request declined',
    lead: (f) =>
      `The request${phrase.from(f)} to join ${phrase.group(f)} is declined. They will be told by email.`,
  },
  'already-decided': {
    title: () => 'Already decided',
    lead: () => 'This request has already been decided. There is nothing more you need to do.',
  },
  'left-group': {
    title: () => 'You have left the group',
    lead: (f) => `You are no longer part of ${phrase.group(f)}. You will get a confirmation by email.`,
  },
  'left-waitlist': {
    title: () => 'You have left the waitlist',
    lead: (f) =>
      `You are no longer on the waitlist for ${phrase.group(f)}. You will get a confirmation by email.`,
  },
  'offer-accepted': {
    title: () => 'Welcome – the seat is yours',
    lead: (f) => welcomeLead(f),
  },
  'offer-declined': {
    title: () => 'Thank you for letting us know',
    lead: (f) =>
      `The seat in ${phrase.group(f)} is no longer held for you. You are welcome to ask to join again later on.`,
  },
  'already-done': {
    title: () => 'Already done',
    lead: () => 'This has already been done. There is nothing more you need to do.',
  },
  'proposal-received': {
    title: () => 'Thank you for your proposal',
    lead: (f) =>
      `Your proposal${f.groupTitle ? ` “${f.groupTitle}”` : ''} is confirmed and has gone to the coordinators of ${f.networkName}. You will hear from them by email once they have looked at it.`,
  },
  'rsvp-recorded-yes': {
    title: () => 'Thank you – see you there!',
    lead: (f) =>
      `You have answered that you are coming to the meeting of ${phrase.group(f)}${phrase.when(f)}. If you change your mind, you can answer again by the links in the invitation.`,
  },
  'rsvp-recorded-no': {
    title: () => 'Noted – you cannot come this time',
    lead: (f) =>
      `You have answered that you cannot come to the meeting of ${phrase.group(f)}${phrase.when(f)}. You keep your seat in the group. If you change your mind, you can answer again by the links in the invitation.`,
  },
  'rsvp-recorded-no-series': {
    title: () => 'Your seat is now free',
    lead: (f) =>
      `You have answered that you cannot come to the rest of the meetings of ${phrase.group(f)}, and you have given up your seat in the group. Thank you for your time in the group! What was said in the group stays in the group.`,
  },
  'feedback-thanks': {
    title: () => 'Thank you for your answer',
    lead: (f) =>
      `We have received your answer about the meeting of ${phrase.group(f)}${phrase.when(f)}. ${f.anonymous ? 'It is stored without any link to you.' : 'You sent it with your name, so the coordinators can see it is yours.'} If you would like to change something, open the link in the email again while the evaluation is open.`,
  },
  'feedback-closed': {
    title: () => 'The evaluation has closed',
    lead: (f) =>
      `It is no longer possible to answer the evaluation of the meeting of ${phrase.group(f)}${phrase.when(f)}: the time to answer has run out. Thank you all the same for wanting to answer!`,
  },
} satisfies PageCopy['results'];

export const errors = {
  invalid: {
    title: 'Something in the form needs fixing',
    lead: 'Please go back, check what you filled in and send the form again.',
  },
  notFound: {
    title: 'This link is not valid',
    lead: 'Check that you copied the whole link from the email.',
  },
  expired: {
    title: 'This link has expired',
    lead: 'Please register again, and you will get a new email with a fresh link.',
  },
  tooLarge: {
    title: 'That was too much at once',
    lead: 'The form held more text than we can receive. Please shorten it and try again.',
  },
  unsupportedType: {
    title: 'We could not read the form',
    lead: "The form was sent in a format we do not accept. Please contact the network's coordinator.",
  },
  tooManyRequests: {
    title: 'Too many attempts',
    lead: 'Please wait a few minutes and try again.',
  },
  unavailable: {
    title: 'Something went wrong on our side',
    lead: 'Please try again in a little while. Nothing you did caused this.',
  },
  forbidden: {
    title: 'You do not have access',
    lead: "You are not allowed to do this. Please contact the network's coordinator if you think this is a mistake.",
  },
  groupNotFound: {
    title: 'This group does not exist',
    lead: "The group may have ended or been removed. Check the link, or contact the network's coordinator.",
  },
  groupClosed: {
    title: 'This group is not taking new members',
    lead: "The group is closed to new participants. Keep an eye out for new groups in the network's mailings.",
  },
  offerExpired: {
    title: 'The offer has expired',
    lead: 'The time to accept has run out, and the seat is no longer held for you. You are welcome to ask to join the group again.',
  },
  generic: {
    title: 'Something went wrong',
    lead: 'We could not handle the request. Please go back and try again.',
  },
} satisfies PageCopy['errors'];

export const fieldsIntro = 'These need fixing:' satisfies PageCopy['fieldsIntro'];

export const errorCode = 'Error code' satisfies PageCopy['errorCode'];

export const fields = {
  name: 'Name',
  email: 'Email address',
  organisation: 'Organisation',
  role: 'Role',
  topics: 'Topics',
  message: 'Message',
  language: 'Language',
  consent: 'Consent',
  title: 'Title',
  question: 'Question',
  response: 'Response',
  rating: 'Rating',
  nextTimeBetter: 'What would make the next meeting better',
  parkedQuestions: 'Parked questions',
  reflections: 'Reflections',
  anonymous: 'Without my name',
  kind: 'Request type',
} satisfies PageCopy['fields'];
