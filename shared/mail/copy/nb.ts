import type { ConfirmRegistrationCopy, RegistrationReceiptCopy } from './types.ts';

// The Norwegian (bokmål) copy of every mail, one export per kind; the shapes are in types.ts.

// registration.ts

export const confirmRegistration = {
  subject: (network) => `Bekreft interessen din for ${network}`,
  preheader: (expires) => `Ett klikk, så er du påmeldt. Lenken er gyldig til ${expires}.`,
  intro: (network) =>
    `Takk for at du har meldt interesse for ${network}! Bekreft at det var deg, så vet vi at adressen stemmer.`,
  button: 'Bekreft påmeldingen min',
  expiry: (expires) => `Lenken er gyldig til ${expires}.`,
  notYou:
    'Var det ikke du som meldte deg på? Da kan du se bort fra denne e-posten. Uten bekreftelse blir påmeldingen slettet, og du hører ikke mer fra oss.',
  footer: (network) =>
    `Du får denne e-posten fordi denne adressen ble brukt til å melde interesse for ${network}.`,
} satisfies ConfirmRegistrationCopy;

export const confirmRegistrationReminder = {
  subject: (network) => `Påminnelse: bekreft interessen din for ${network}`,
  preheader: (expires) => `Påmeldingen din venter på ett klikk. Lenken er gyldig til ${expires}.`,
  intro: (network) =>
    `Du meldte nylig interesse for ${network}, men vi har ikke fått noen bekreftelse ennå. Det holder med ett klikk.`,
  button: 'Bekreft påmeldingen min',
  expiry: (expires) =>
    `Lenken er gyldig til ${expires}. Etter det blir påmeldingen slettet, og du er alltid velkommen til å melde deg på igjen.`,
  notYou:
    'Har du ombestemt deg, eller var det ikke deg? Da kan du se bort fra denne e-posten. Dette er den eneste påminnelsen du får.',
  footer: (network) =>
    `Du får denne e-posten fordi denne adressen ble brukt til å melde interesse for ${network}.`,
} satisfies ConfirmRegistrationCopy;

export const registrationReceipt = {
  subject: (network) => `Du er påmeldt til ${network}`,
  preheader: 'Takk for bekreftelsen. Slik går det videre.',
  intro: (network) => `Takk for at du bekreftet! Nå er du påmeldt til ${network}.`,
  topicsIntro: 'Dette er temaene du vil snakke om:',
  nextHeading: 'Hva skjer nå?',
  coordinators: 'Koordinatorene i nettverket tar kontakt med deg på e-post.',
  groups: (namedTopics) =>
    namedTopics
      ? 'Gruppene vokser fram rundt spørsmål som flere medlemmer deler, så temaene dine hjelper oss å finne andre som vil snakke om det samme.'
      : 'Gruppene vokser fram rundt spørsmål som flere medlemmer deler. Har du et spørsmål du vil ta opp, så si gjerne fra når koordinatorene tar kontakt.',
  engagement: 'Du engasjerer deg så mye eller så lite du vil.',
  footer: (network) => `Du får denne e-posten fordi du har meldt deg på ${network}.`,
} satisfies RegistrationReceiptCopy;
