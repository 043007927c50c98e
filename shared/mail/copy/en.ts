import { plural } from '../../i18n.ts';
import type * as Shape from './types.ts';

// The English copy of every mail, one export per kind; the shapes are in types.ts.

// registration.ts

export const confirmRegistration = {
  subject: (network) => `Confirm your interest in ${network}`,
  preheader: (expires) => `One click and you are registered. The link is valid until ${expires}.`,
  intro: (network) =>
    `Thank you for registering your interest in ${network}! Please confirm that it was you, so we know the address is right.`,
  button: 'Confirm my registration',
  expiry: (expires) => `The link is valid until ${expires}.`,
  notYou:
    'If it was not you who registered, just ignore this email. Without a confirmation you get at most one reminder; then the registration is removed and you will not hear from us again.',
  footer: (network) =>
    `You are receiving this email because this address was used to register interest in ${network}.`,
} satisfies Shape.ConfirmRegistrationCopy;

export const confirmRegistrationReminder = {
  subject: (network) => `Reminder: confirm your interest in ${network}`,
  preheader: (expires) => `Your registration is waiting for one click. The link is valid until ${expires}.`,
  intro: (network) =>
    `You recently registered your interest in ${network}, but we have not had your confirmation yet. It only takes one click.`,
  button: 'Confirm my registration',
  expiry: (expires) =>
    `The link is valid until ${expires}. After that the registration is removed, and you are always welcome to register again.`,
  notYou:
    'Changed your mind, or was it not you? Then just ignore this email. This is the only reminder we send.',
  footer: (network) =>
    `You are receiving this email because this address was used to register interest in ${network}.`,
} satisfies Shape.ConfirmRegistrationCopy;

export const registrationReceipt = {
  subject: (network) => `You are registered with ${network}`,
  preheader: 'Thank you for confirming. Here is what happens next.',
  intro: (network) => `Thank you for confirming! You are now registered with ${network}.`,
  topicsIntro: 'These are the topics you would like to talk about:',
  nextHeading: 'What happens next?',
  coordinators: "The network's coordinators will be in touch by email.",
  groups: (namedTopics) =>
    namedTopics
      ? 'Groups form around questions that several members share, so your topics help us find others who want to talk about the same things.'
      : 'Groups form around questions that several members share. If there is a question you would like to raise, do mention it when the coordinators get in touch.',
  engagement: 'You take part as much or as little as you like.',
  footer: (network) => `You are receiving this email because you registered with ${network}.`,
} satisfies Shape.RegistrationReceiptCopy;

// groups.ts

// Why a member, or someone who asked to join, receives a group mail.
const joinFooter = (network: string): string =>
  `You are receiving this email because you asked to join a group in ${network}.`;

// Why the address gets the mail asking to confirm a request to join, and its reminder.
const confirmJoinFooter = (network: string): string =>
  `You are receiving this email because this address was used to ask to join a group in ${network}.`;

export const confirmJoinRequest = {
  subject: (network, group) => `Confirm your request to join “${group}” in ${network}`,
  preheader: (expires) => `One click and your request is complete. The link is valid until ${expires}.`,
  intro: (network, group) =>
    `Thank you for asking to join the group “${group}” in ${network}! Please confirm that it was you, and we will take care of your request.`,
  next: 'You will hear from us by email as soon as you have confirmed.',
  button: 'Confirm my request',
  expiry: (expires) => `The link is valid until ${expires}.`,
  notYou:
    'If it was not you who asked to join, just ignore this email. Without a confirmation you get at most one reminder; then the request is removed and you will not hear from us again.',
  footer: confirmJoinFooter,
} satisfies Shape.ConfirmJoinRequestCopy;

export const confirmJoinRequestReminder = {
  subject: (network, group) => `Reminder: confirm your request to join “${group}” in ${network}`,
  preheader: (expires) => `Your request is waiting for one click. The link is valid until ${expires}.`,
  intro: (network, group) =>
    `You recently asked to join the group “${group}” in ${network}, but we have not had your confirmation yet. It only takes one click.`,
  next: 'You will hear from us by email as soon as you have confirmed.',
  button: 'Confirm my request',
  expiry: (expires) =>
    `The link is valid until ${expires}. After that the request is removed, and you are always welcome to ask again.`,
  notYou:
    'Changed your mind, or was it not you? Then just ignore this email. This is the only reminder we send.',
  footer: confirmJoinFooter,
} satisfies Shape.ConfirmJoinRequestCopy;

export const joinApproved = {
  subject: (network, group) => `Welcome to “${group}” in ${network}`,
  preheader: (group) => `You have a seat in “${group}”. Here is what you need to know.`,
  intro: (network, group) => `Welcome to the group “${group}” in ${network}! You have a seat.`,
  questionIntro: 'The question the group gathers around:',
  facilitator: (name) => `The meetings are facilitated by ${name}.`,
  online: 'The group meets online. Each invitation says how to join the meeting.',
  inPerson: (location) =>
    location
      ? `The group meets in person. Meeting place: ${location}`
      : 'The group meets in person. Each invitation says where.',
  commitmentsHeading: 'What taking part means',
  commitments: [
    'Attendance: nobody can make every meeting, but aim to join as many as you can – both you and the group gain from it.',
    'Preparation: every meeting opens with an introduction, and each participant prepares one at some point.',
    'Confidentiality: what is said in the group stays in the group.',
  ],
  dates: 'Dates and times of the meetings will follow in separate invitations.',
  datesMailOff:
    'You have turned off all email from the network, so the meeting invitations will not come. If you want them, turn email back on with the link at the bottom of this email.',
  leave: 'Can you no longer take part? Then you can leave the group, and your seat is freed.',
  leaveLabel: 'Leave the group',
  footer: joinFooter,
} satisfies Shape.JoinApprovedCopy;

export const joinWaitlisted = {
  subject: (network, group) => `You are on the waitlist for “${group}” in ${network}`,
  preheader: (position) => `You are number ${position} in line. We will email you when a seat frees up.`,
  intro: (network, group) =>
    `Thank you for asking to join the group “${group}” in ${network}! The group is full right now, so you have a place on the waitlist.`,
  position: (position) => `You are number ${position} in line.`,
  offer:
    'When there is a seat and it is your turn, you will get an email: usually an offer of the seat to answer, or a welcome if the group gets more seats, since the seat is then yours at once. There is nothing you need to do until then.',
  leave: 'No longer want to wait? Then you can leave the waitlist.',
  leaveLabel: 'Leave the waitlist',
  footer: joinFooter,
} satisfies Shape.JoinWaitlistedCopy;

export const waitlistClosed = {
  subject: (network, group) => `“${group}” in ${network} is not taking new members for now`,
  preheader: 'You stay on the waitlist, but nobody moves up while the group is closed.',
  intro: (network, group) =>
    `The coordinators of ${network} have closed the group “${group}” to new members. The group goes on meeting, but while it is closed nobody on the waitlist gets a seat.`,
  stay: 'You stay on the waitlist. If the coordinators open the group again and there is a seat, you will get an email.',
  leave: 'Would you rather not wait? Then you can leave the waitlist.',
  leaveLabel: 'Leave the waitlist',
  footer: joinFooter,
} satisfies Shape.WaitlistClosedCopy;

export const joinPendingApproval = {
  subject: (network, group) => `Your request to join “${group}” in ${network} awaits a decision`,
  preheader: 'A coordinator will look at your request and get back to you.',
  intro: (network, group) => `Thank you for asking to join the group “${group}” in ${network}!`,
  why: (network) =>
    `The groups in ${network} are open to everyone whose employer is a member organisation of the network. Your organisation is not (yet) registered as a member organisation, so a coordinator will look at your request and decide.`,
  next: 'You will get an email as soon as there is a decision. There is nothing you need to do in the meantime.',
  footer: joinFooter,
} satisfies Shape.JoinPendingApprovalCopy;

export const joinDeclined = {
  subject: (network, group) => `About your request to join “${group}” in ${network}`,
  preheader: 'There is no seat in the group for you this time.',
  intro: (network, group) =>
    `Thank you for your interest in the group “${group}” in ${network}. A coordinator has looked at your request, and unfortunately there is no seat for you in the group this time.`,
  messageIntro: 'The coordinator writes:',
  welcome:
    "If you have any questions, you are welcome to contact the network's coordinators. And you are always welcome to ask to join another group later on.",
  footer: joinFooter,
} satisfies Shape.JoinDeclinedCopy;

export const joinApprovalRequest = {
  subject: (network, group, requester) => `${requester} would like to join “${group}” in ${network}`,
  preheader: 'The organisation is not registered as a member. Approve or decline the request.',
  greeting: 'Hello,',
  intro: (network, group, requester) => `${requester} has asked to join the group “${group}” in ${network}.`,
  why: 'The request comes from an organisation that is not (yet) registered as a member organisation, so it needs a decision by a coordinator.',
  detailsHeading: 'About the person asking',
  name: (value) => `Name: ${value}`,
  email: (value) => `Email: ${value}`,
  organisation: (value) => `Organisation: ${value}`,
  role: (value) => `Role: ${value}`,
  messageIntro: 'The request came with this message:',
  decisionHeading: 'Your decision',
  approve: 'If you approve, they get a seat in the group, or a place on the waitlist if the group is full.',
  approveButton: 'Approve the request',
  decline: 'If you decline, you can write a message that goes with the answer to them.',
  declineButton: 'Decline the request',
  expiry: (expires) => `The links work once and are valid until ${expires}.`,
  footer: (network) => `You are receiving this email because you coordinate ${network}.`,
} satisfies Shape.JoinApprovalRequestCopy;

export const seatOffered = {
  subject: (network, group) => `A seat is free in “${group}” in ${network}`,
  preheader: (expires) => `Accept by ${expires} and the seat is yours.`,
  intro: (network, group) =>
    `Good news: a seat has come free in the group “${group}” in ${network}, and it is your turn on the waitlist.`,
  hold: (expires) => `We are holding the seat for you until ${expires}. Accept before then and it is yours.`,
  button: 'Accept the seat',
  decline:
    'Cannot take part? Decline, and the seat goes straight to the next in line. If you do not answer, it passes on when the time is up.',
  declineLabel: 'Decline the seat',
  footer: joinFooter,
} satisfies Shape.SeatOfferedCopy;

export const offerExpired = {
  subject: (network, group) => `The offer of a seat in “${group}” in ${network} has expired`,
  preheader: 'The seat is no longer held for you.',
  intro: (network, group) =>
    `We held a seat for you in the group “${group}” in ${network}, but the time to accept has run out, so the seat is no longer held for you.`,
  again:
    'If you would still like to take part, you can ask to join the group again while it takes new members.',
  footer: joinFooter,
} satisfies Shape.OfferExpiredCopy;

export const leftGroup = {
  group: {
    subject: (network, group) => `You have left “${group}” in ${network}`,
    preheader: 'This confirms it. There is nothing more you need to do.',
    intro: (network, group) =>
      `You have left the group “${group}” in ${network}. Thank you for your time and commitment!`,
    after: 'What was said in the group still stays in the group.',
    again:
      'If you change your mind, you can ask to join again while the group takes new members and has seats.',
    notYou: "Was it not you who left the group? Then please contact the network's coordinators.",
    footer: joinFooter,
  },
  waitlist: {
    subject: (network, group) => `You have left the waitlist for “${group}” in ${network}`,
    preheader: 'This confirms it. There is nothing more you need to do.',
    intro: (network, group) => `You are no longer on the waitlist for the group “${group}” in ${network}.`,
    after: 'So you will not be offered a seat when one frees up.',
    again: 'If you change your mind, you can ask to join again while the group takes new members.',
    notYou: "Was it not you who left the waitlist? Then please contact the network's coordinators.",
    footer: joinFooter,
  },
  offer: {
    subject: (network, group) => `You have declined the seat in “${group}” in ${network}`,
    preheader: 'This confirms it. There is nothing more you need to do.',
    intro: (network, group) =>
      `You have declined the seat in the group “${group}” in ${network}, and it is no longer held for you.`,
    after: 'You are no longer on the waitlist either.',
    again: 'If you change your mind, you can ask to join again while the group takes new members.',
    notYou: "Was it not you who declined? Then please contact the network's coordinators.",
    footer: joinFooter,
  },
} satisfies { group: Shape.LeftGroupCopy; waitlist: Shape.LeftGroupCopy; offer: Shape.LeftGroupCopy };

// group-proposals.ts

// Why the proposer receives a proposal mail.
const proposerFooter = (network: string): string =>
  `You are receiving this email because you proposed a group in ${network}.`;

// Why the address gets the mail asking to confirm a group proposal, and its reminder.
const confirmProposalFooter = (network: string): string =>
  `You are receiving this email because this address was used to propose a group in ${network}.`;

export const confirmGroupProposal = {
  subject: (network, title) => `Confirm your proposal for the group “${title}” in ${network}`,
  preheader: (expires) =>
    `One click and your proposal goes to the coordinators. The link is valid until ${expires}.`,
  intro: (network, title) =>
    `Thank you for taking the initiative for a new group in ${network}! Please confirm that it was you who proposed the group “${title}”, and we will pass your proposal on to the network's coordinators.`,
  next: 'The coordinators will look at your proposal and get back to you by email.',
  button: 'Confirm my proposal',
  expiry: (expires) => `The link is valid until ${expires}.`,
  notYou:
    'If it was not you who proposed the group, just ignore this email. Without a confirmation you get at most one reminder; then the proposal is removed and you will not hear from us again.',
  footer: confirmProposalFooter,
} satisfies Shape.ConfirmGroupProposalCopy;

export const confirmGroupProposalReminder = {
  subject: (network, title) => `Reminder: confirm your proposal for the group “${title}” in ${network}`,
  preheader: (expires) => `Your proposal is waiting for one click. The link is valid until ${expires}.`,
  intro: (network, title) =>
    `You recently proposed the group “${title}” in ${network}, but we have not had your confirmation yet. It only takes one click, and your proposal goes to the network's coordinators.`,
  next: 'The coordinators will look at your proposal and get back to you by email.',
  button: 'Confirm my proposal',
  expiry: (expires) =>
    `The link is valid until ${expires}. After that the proposal is removed, and you are always welcome to propose the group again.`,
  notYou:
    'Changed your mind, or was it not you? Then just ignore this email. This is the only reminder we send.',
  footer: confirmProposalFooter,
} satisfies Shape.ConfirmGroupProposalCopy;

export const groupProposalReceived = {
  subject: (network, title, proposer) => `${proposer} proposes a new group in ${network}: “${title}”`,
  preheader: 'A new group proposal awaits your decision.',
  greeting: 'Hello,',
  intro: (network, proposer) =>
    `${proposer} has taken the initiative for a new group in ${network} and confirmed the proposal by email.`,
  proposalHeading: 'The proposal',
  title: (value) => `Title: ${value}`,
  questionIntro: 'The question the group would gather around:',
  messageIntro: 'The proposal came with this message:',
  proposerHeading: 'About the proposer',
  name: (value) => `Name: ${value}`,
  email: (value) => `Email: ${value}`,
  organisation: (value) => `Organisation: ${value}`,
  role: (value) => `Role: ${value}`,
  nextHeading: 'Next steps',
  next: "The proposal is now among the network's group proposals in the administration. There you can turn it into a group – the proposer then becomes its first member – or decline it with a message. The proposer will be told by email.",
  footer: (network) => `You are receiving this email because you coordinate ${network}.`,
} satisfies Shape.GroupProposalReceivedCopy;

export const groupProposalAccepted = {
  subject: (network, group) => `Your proposal became a group: “${group}” in ${network}`,
  preheader: (group) => `The group “${group}” now exists, and you are its first member.`,
  intro: (network, group) =>
    `Good news: the coordinators of ${network} have turned your proposal into a group. The group “${group}” now exists, and you are its first member.`,
  renamed: (proposal) => `You proposed it under the title “${proposal}”.`,
  others: 'Others can now ask to join the group, while seats remain.',
  footer: proposerFooter,
} satisfies Shape.GroupProposalAcceptedCopy;

export const groupProposalDeclined = {
  subject: (network, title) => `About your proposal for the group “${title}” in ${network}`,
  preheader: 'Your proposal will not become a group this time.',
  intro: (network, title) =>
    `Thank you for taking the initiative for the group “${title}” in ${network}. The coordinators have looked at your proposal, and unfortunately it will not become a group this time.`,
  messageIntro: 'The coordinator writes:',
  welcome:
    "If you have any questions, you are welcome to contact the network's coordinators. And you are always welcome to propose a group again later on, or to ask to join one of the network's groups.",
  footer: proposerFooter,
} satisfies Shape.GroupProposalDeclinedCopy;

// meetings.ts

export const meeting = {
  position: (seq, count) => `${seq} of ${count}`,
  whenAndWhereHeading: 'When and where',
  when: (value) => `When: ${value}`,
  online: 'Where: online',
  onlineLater: 'Where: online – the link follows before the meeting',
  inPerson: (address) =>
    address ? `Where: ${address}` : 'Where: in person – the address follows before the meeting',
  introducer: (name) => `Introduction: ${name}`,
  joinText: 'You join the meeting through the link.',
  joinLabel: 'Join the meeting',
  questionIntro: 'The question the group gathers around:',
  beforeHeading: 'Before the meeting',
  parkedHeading: 'Parked questions to take up',
  suggestionsHeading: 'How to make the next meeting one point better – suggestions from last time',
  before: [
    'The meeting opens with an introduction that one of the participants has prepared. Then we talk about the group’s question – what are our experiences, what do we think, what would we like to achieve?',
    'Bring examples and experiences from your own work – they are what the conversation is built on.',
    'What is said in the group stays in the group.',
  ],
  rsvpHeading: 'Are you coming?',
  rsvpIntro: 'Please let us know, so the group knows who is coming.',
  yes: 'I’m coming',
  noText: 'Cannot come this time? You keep your seat in the group.',
  noLabel: 'I can’t come this time',
  noSeriesText:
    'Cannot come to the rest of the group’s meetings? Then you give up your seat, and if the group takes new members, it goes to someone else.',
  noSeriesLabel: 'I can’t come to the rest of the series (frees my seat)',
  calendar: 'A calendar file is attached: open it to add the meeting to your calendar.',
  unsubscribeText:
    'Would you rather not get reminders? That stops the reminders before meetings and the reminder to evaluate. You will still get invitations, changes, the request to evaluate after a meeting and the mail when it is your turn to introduce.',
  unsubscribeLabel: 'Stop reminders',
  footer: (network) => `You are receiving this email because you are a member of a group in ${network}.`,
} satisfies Shape.MeetingCopy;

export const meetingInvitation = {
  subject: (network, group, day) => `Invitation: “${group}” in ${network}, ${day}`,
  preheader: (when) => `See you on ${when}. Please let us know if you are coming.`,
  intro: (network, group, position) =>
    `Here is your invitation to ${position ? `meeting ${position}` : 'the meeting'} of the group “${group}” in ${network}.`,
} satisfies Shape.MeetingInvitationCopy;

export const meetingReminder = {
  subject: (network, group, relative, day) => `Reminder: “${group}” in ${network} – ${relative}, ${day}`,
  preheader: (when) => `See you on ${when}.`,
  relative: (days) => (days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`),
  intro: (network, group, position, relative) =>
    `${position ? `Meeting ${position}` : 'The meeting'} of the group “${group}” in ${network} is ${relative}.`,
  rsvpIntro:
    'If you have already answered, there is nothing more you need to do. If your plans have changed, you can answer again here.',
} satisfies Shape.MeetingReminderCopy;

export const introducerReminder = {
  subject: (network, group, day) => `Your turn to give the introduction: “${group}” in ${network}, ${day}`,
  preheader: (when) => `You open the meeting on ${when} with an introduction of about 10 minutes.`,
  intro: (network, group, position, when) =>
    `It is your turn to prepare the introduction that opens ${position ? `meeting ${position}` : 'the meeting'} of the group “${group}” in ${network} on ${when}.`,
  length: 'The introduction takes about 10 minutes and starts the conversation about the group’s question:',
  tipsHeading: 'How you might go about it',
  tips: [
    'Start from an example of your own: a current project or a situation from your everyday work as a school leader.',
    'Describe what you have done, what you have seen and what you are wondering about.',
    'End with one or two questions the group can carry on talking about.',
  ],
  closing: 'A well-prepared introduction makes for a good conversation and new insights. Good luck!',
  rsvpIntro:
    'Cannot come? Please tell us as soon as possible, so someone else has time to prepare the introduction.',
} satisfies Shape.IntroducerReminderCopy;

export const meetingUpdated = {
  subject: (network, group, day) => `Meeting changed: “${group}” in ${network}, ${day}`,
  preheader: (when) => `Now: ${when}.`,
  intro: (network, group, position) =>
    `${position ? `Meeting ${position}` : 'The meeting'} of the group “${group}” in ${network} has changed.`,
  moved: (from, to) => `It has moved from ${from} to ${to}.`,
  newTime: (to) => `It has a new time: ${to}.`,
  newPlace: (address) => `It has a new place: ${address}`,
  newLink: 'It has a new link: use the one below.',
  linkWithdrawn: 'The link we sent no longer holds. You will get the new one before the meeting.',
  placeWithdrawn: 'The address we sent no longer holds. You will get the new one before the meeting.',
  nowOnline: 'It is now held online.',
  nowInPerson: (address) => (address ? `It is now held in person: ${address}` : 'It is now held in person.'),
  unspecified: 'The details of the meeting have changed. Here is what holds now.',
  rsvpIntro: 'Please answer again, so the group knows who is coming.',
  answerStands: {
    yes: 'You said you are coming, and that answer stands. If you can’t make the new time, answer no here.',
    no: 'You said you can’t come, and that answer stands: you will get no reminders. If you can make the new time, answer yes here.',
  },
  calendar: 'The attached calendar file updates the meeting in your calendar.',
} satisfies Shape.MeetingUpdatedCopy;

export const meetingCancelled = {
  subject: (network, group, day) => `Cancelled: “${group}” in ${network}, ${day}`,
  preheader: (when) => `The meeting on ${when} will not take place.`,
  intro: (network, group, position, when) =>
    `${position ? `Meeting ${position}` : 'The meeting'} of the group “${group}” in ${network}, on ${when}, is cancelled.`,
  next: 'If the meeting gets a new date, we will send a new invitation.',
  calendar: 'The attached calendar file removes the meeting from your calendar.',
} satisfies Shape.MeetingCancelledCopy;

// evaluations.ts

export const evaluation = {
  scale: 'Place the meeting on a scale from 1 to 10, where 10 is best. You decide what you rate and how.',
  nextTimeQuestion: 'What has to happen for the next meeting to score at least one point higher?',
  nextTime:
    'After the number you can also say what has to happen for the next meeting to score at least one point higher.',
  formText:
    'You can also open the form directly to share your reflections or park questions for the group to take up later.',
  formLabel: 'Open the form',
  anonymity:
    'You choose whether to answer with or without your name. With your name, the coordinators can see whose answer it is; the summary for them and for the facilitator shows no names.',
  closes: (when) => `The evaluation closes on ${when}.`,
  reflections: {
    programme: 'Reflections on the programme',
    preparation: 'The preparations for the meeting',
    execution: 'How the meeting was carried out',
    takeHome: 'What do you take home from the meeting?',
    continueAtHome: 'How will you continue at home?',
  },
  reflectionsHeading: 'Reflections',
  parkedHeading: 'Parked questions',
} satisfies Shape.EvaluationCopy;

export const evaluationRequest = {
  subject: (network, group, day) => `How was the meeting? “${group}” in ${network}, ${day}`,
  preheader: () => 'Tap a number from 1 to 10 – it only takes a few seconds.',
  intro: (network, group, position, when) =>
    `Thank you for ${position ? `meeting ${position}` : 'the meeting'} of the group “${group}” in ${network} on ${when}!`,
  heading: 'How was the meeting? Tap a number',
} satisfies Shape.EvaluationRequestCopy;

export const evaluationReminder = {
  subject: (network, group, day) => `Reminder: how was the meeting? “${group}” in ${network}, ${day}`,
  preheader: (closes) => `Tapping a number is enough. The evaluation closes on ${closes}.`,
  intro: (network, group, position, when) =>
    `Have you had a moment to think about ${position ? `meeting ${position}` : 'the meeting'} of the group “${group}” in ${network} on ${when}? We would like to know what you thought – tapping a number is enough.`,
  heading: 'How was the meeting? Tap a number',
  once: 'This is the only reminder.',
} satisfies Shape.EvaluationReminderCopy;

export const evaluationSummary = {
  subject: (network, group, day, answered) => `Evaluation: “${group}” in ${network}, ${day} – ${answered}`,
  preheader: (answered, mean) => `${answered}. ${mean}`,
  hello: 'Hello,',
  intro: (network, group, position, when, closed) =>
    `The evaluation of ${position ? `meeting ${position}` : 'the meeting'} of the group “${group}” in ${network} on ${when} closed on ${closed}. Here is what the participants answered.`,
  responsesHeading: 'Answers',
  answered: (responses, asked) => `${responses} of ${asked} answered`,
  rate: (percent) => `Response rate: ${percent}.`,
  nobody: 'Nobody answered the evaluation this time.',
  ratingsHeading: 'Ratings from 1 to 10',
  mean: (value) => `Mean rating: ${value}`,
  change: (signed) => `${signed} since the last meeting with answers`,
  same: 'the same as at the last meeting with answers',
  noMean: 'No mean rating, as nobody answered.',
  noSuggestions: 'No suggestions this time.',
  parkedIntro:
    'Questions that came up off the topic. Take them up at a time set aside for them, for example at the start of the next meeting.',
  identity:
    'The summary shows no names: answers with and without a name are shown alike, and the texts are in alphabetical order.',
  footer: (network, group) =>
    `You are receiving this email because you coordinate or facilitate the group “${group}” in ${network}.`,
} satisfies Shape.EvaluationSummaryCopy;

// digest.ts

export const digest = {
  subject: (network, parts) => `New in ${network}: ${parts.join(', ')}`,
  subjectQuiet: (network) => `Where ${network} stands`,
  preheader: (since) => (since ? `What has happened since ${since}.` : 'How the network stands right now.'),
  intro: (network) => `Here is the latest from ${network}.`,
  newRegistrations: (n) => plural('en', n, { one: 'One new registration', other: `${n} new registrations` }),
  registrationLine: (name, org) => `${name}, ${org}`,
  topicsHeading: 'Topics many people want to discuss',
  topicUncovered: (n, topic) =>
    `${n} ${plural('en', n, { one: 'person wants', other: 'people want' })} to talk about “${topic}” and no open group covers it: propose a group.`,
  topicCovered: (n, topic) =>
    `${n} ${plural('en', n, { one: 'person wants', other: 'people want' })} to talk about “${topic}”. An open group already covers it.`,
  proposalsHeading: (n) => `Group proposals waiting for a decision (${n})`,
  proposalLine: (title, name) => `“${title}”, proposed by ${name}`,
  pendingHeading: (n) => `Requests to decide on (${n})`,
  pendingLine: (name, org, group) => `${name} (${org}) would like to join ${group}.`,
  approve: 'Approve',
  decline: 'Decline',
  linksNote: 'The links are valid for two weeks and work once; whoever decides first counts.',
  queuesHeading: 'Waitlists and offered seats',
  queueLine: (group, taken, capacity, waitlisted) =>
    `${group}: ${taken} of ${capacity} seats taken, ${waitlisted} on the waitlist`,
  offerLine: (name, until) => `Seat offered to ${name}, answer by ${until}`,
  meetingsHeading: 'Meetings in the next two weeks',
  meetingLine: (group, seq, when) => `${group}, meeting ${seq}: ${when}`,
  rsvpLine: (yes, no, unanswered) =>
    `${yes} coming, ${no} cannot come, ${unanswered} ${plural('en', unanswered, { one: 'has', other: 'have' })} not answered`,
  introducer: (name) => (name ? `Introducer: ${name}` : 'No introducer chosen yet'),
  placeMissing: (mode) =>
    `No ${mode === 'online' ? 'link' : 'address'} yet: the members were told it comes before the meeting`,
  evaluationsHeading: 'Evaluations that have closed',
  evaluationLine: (group, day, answered, asked) =>
    `${group}, the meeting on ${day}: ${answered} of ${asked} answered`,
  mean: (mean, change) =>
    `mean rating ${mean}${change ? ` (${change} since the last meeting with answers)` : ''}`,
  noAnswers: 'no answers',
  subjectParts: {
    registrations: (n) => `${n} ${plural('en', n, { one: 'new registration', other: 'new registrations' })}`,
    decisions: (n) => `${n} ${plural('en', n, { one: 'request', other: 'requests' })} to decide on`,
    topics: (n) => `${n} ${plural('en', n, { one: 'topic', other: 'topics' })} without a group`,
  },
  footer: (network) =>
    `You are receiving this email because you coordinate ${network}. How often it comes is set in the network’s settings.`,
} satisfies Shape.DigestCopy;

// privacy.ts

export const privacyConfirm = {
  export: {
    subject: (sender) => `Confirm that you want your data from ${sender}`,
    preheader: 'One click and we email you everything we hold about you.',
    intro:
      'Someone, hopefully you, has asked for a copy of all the data we hold about this address. Click the button and we will send it to you.',
    button: 'Send my data',
    notYou: 'If it was not you, just ignore this email. Nothing is sent without your click.',
  },
  erase: {
    subject: (sender) => `Confirm that you want ${sender} to delete your data`,
    preheader: 'One click and we delete everything about you.',
    intro:
      'Someone, hopefully you, has asked us to delete all data about this address: from networks, groups, waitlists and meeting replies. Evaluations you gave stay, without your name.',
    button: 'Delete my data',
    notYou: 'If it was not you, just ignore this email. Nothing is deleted without your click.',
  },
  expiry: (expires) => `The link is valid until ${expires} and works once.`,
  footer: 'You are receiving this email because someone asked for the personal data of this address.',
} satisfies Shape.PrivacyConfirmCopy;

export const privacyExport = {
  subject: (sender) => `Your data held by ${sender}`,
  preheader: 'Everything we hold about you, as a file and as a summary.',
  intro: (file) =>
    `Here is everything we hold about you. The file ${file} has the data in machine-readable form (JSON); a summary follows below.`,
  footer: 'You are receiving this email because you asked for a copy of your personal data.',
} satisfies Shape.PrivacyExportCopy;

export const stayQuestion = {
  subject: (networks) => `Do you want to stay in ${networks}?`,
  preheader: (date) => `Please answer by ${date}, or we will delete your data.`,
  intro: (networks) =>
    `It has been a long time since you were active in ${networks}. We do not keep data we do not need, so we would like to know whether you want to stay.`,
  button: 'Yes, I want to stay',
  otherwise: (date) =>
    `If we do not hear from you before ${date}, we will delete your data from the network. You are always welcome back.`,
  footer:
    'You are receiving this email because you are in the network but have not been active for a long time.',
} satisfies Shape.StayQuestionCopy;

// privacy-summary.ts

export const privacySummary = {
  headings: {
    registration: 'Registrations of interest',
    join: 'Groups and waitlists',
    proposal: 'Group proposals',
    consent: 'Consents',
    optOut: 'Unsubscribes',
    person: 'Last active',
    token: 'Links we emailed',
    replies: 'Replies to invitations',
    answers: 'Evaluations with your name',
    introductions: 'Meetings you open with the introduction',
  },
  registration: {
    pending_confirmation: 'awaiting your confirmation',
    confirmed: 'confirmed',
    expired: 'never confirmed, lapsed',
  },
  join: {
    pending_confirmation: 'awaiting your confirmation',
    pending_approval: 'awaiting a coordinator',
    approved: 'member of the group',
    waitlisted: 'on the waitlist',
    offered: 'offered a seat',
    declined: 'not admitted',
    left: 'left the group',
    offer_expired: 'the offer lapsed',
    expired: 'never confirmed, lapsed',
  },
  proposal: {
    pending_confirmation: 'awaiting your confirmation',
    proposed: 'with the coordinators',
    accepted: 'became a group',
    declined: 'not taken up',
    expired: 'never confirmed, lapsed',
  },
  agreed: {
    interest: 'Consent to the network keeping your registration of interest',
    join: 'Consent to the network keeping your details for a seat in a group',
    'group-proposal': 'Consent to the network keeping your group proposal',
    stay: 'You wanted to stay',
    'mail-reminders': 'Reminders turned back on',
    'mail-all': 'Emails turned back on',
  },
  withdrew: {
    'mail-reminders': 'Reminders turned off',
    'mail-all': 'All emails turned off',
  },
  wording: (version) => `wording ${version}`,
  optOut: {
    reminders: 'no reminders',
    all: 'no emails except those you ask for',
  },
  digestOff: 'no digest for the coordinators',
  rsvp: { yes: 'coming', no: 'not coming' },
  noReply: 'no reply',
  attendance: { present: 'present', absent: 'absent', half: 'half the time' },
  sent: (when) => `sent ${when}`,
  topics: (list) => `topics: ${list}`,
  rating: (value) => `rating ${value}`,
  links: (count) => `${count} ${plural('en', count, { one: 'link', other: 'links' })}`,
} satisfies Shape.PrivacySummaryCopy;

// common.ts

export const common = {
  greeting: (name) => `Hi ${name},`,
  closing: 'Best wishes,',
  buttonFallback: 'If the button does not work, copy this link into your browser:',
} satisfies Shape.CommonCopy;

// layout.ts

// The unsubscribe link under every mail to a member.
export const unsubscribeLabel = 'Unsubscribe, or turn off reminders only';
