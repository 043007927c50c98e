/**
 * The shape of each kind of mail's copy. copy/sv.ts, nb.ts and en.ts export one object per kind, and
 * each `satisfies` its type here, so a key missing from or added to one language fails typecheck in
 * that language's file. One export per kind, not one object per language, so that a bundle which sends
 * only some kinds of mail can leave the other kinds' copy out.
 */

// registration.ts

export interface ConfirmRegistrationCopy {
  subject(networkName: string): string;
  preheader(expires: string): string;
  intro(networkName: string): string;
  button: string;
  expiry(expires: string): string;
  notYou: string;
  footer(networkName: string): string;
}

export interface RegistrationReceiptCopy {
  subject(networkName: string): string;
  preheader: string;
  intro(networkName: string): string;
  topicsIntro: string;
  nextHeading: string;
  coordinators: string;
  groups(namedTopics: boolean): string;
  engagement: string;
  footer(networkName: string): string;
}
