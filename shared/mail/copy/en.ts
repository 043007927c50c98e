import type { ConfirmRegistrationCopy, RegistrationReceiptCopy } from './types.ts';

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
    'If it was not you who registered, just ignore this email. Without a confirmation the registration is removed and you will not hear from us again.',
  footer: (network) =>
    `You are receiving this email because this address was used to register interest in ${network}.`,
} satisfies ConfirmRegistrationCopy;

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
} satisfies ConfirmRegistrationCopy;

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
} satisfies RegistrationReceiptCopy;
