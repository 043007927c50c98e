import type { ConfirmRegistrationCopy, RegistrationReceiptCopy } from './types.ts';

// The Swedish copy of every mail, one export per kind; the shapes are in types.ts.

// registration.ts

export const confirmRegistration = {
  subject: (network) => `Bekräfta ditt intresse för ${network}`,
  preheader: (expires) => `Ett klick, så är du anmäld. Länken gäller fram till ${expires}.`,
  intro: (network) =>
    `Tack för att du har anmält intresse för ${network}! Bekräfta att det var du, så vet vi att adressen stämmer.`,
  button: 'Bekräfta min anmälan',
  expiry: (expires) => `Länken gäller fram till ${expires}.`,
  notYou:
    'Var det inte du som anmälde dig? Då kan du bortse från det här mejlet. Utan bekräftelse tas anmälan bort och du hör inte av oss igen.',
  footer: (network) =>
    `Du får det här mejlet eftersom den här adressen användes för att anmäla intresse för ${network}.`,
} satisfies ConfirmRegistrationCopy;

export const confirmRegistrationReminder = {
  subject: (network) => `Påminnelse: bekräfta ditt intresse för ${network}`,
  preheader: (expires) => `Din anmälan väntar på ett klick. Länken gäller fram till ${expires}.`,
  intro: (network) =>
    `Du anmälde nyligen intresse för ${network}, men vi har inte fått någon bekräftelse än. Det räcker med ett klick.`,
  button: 'Bekräfta min anmälan',
  expiry: (expires) =>
    `Länken gäller fram till ${expires}. Därefter tas anmälan bort, och du är alltid välkommen att anmäla dig igen.`,
  notYou:
    'Har du ångrat dig, eller var det inte du? Då kan du bortse från det här mejlet. Det här är den enda påminnelsen du får.',
  footer: (network) =>
    `Du får det här mejlet eftersom den här adressen användes för att anmäla intresse för ${network}.`,
} satisfies ConfirmRegistrationCopy;

export const registrationReceipt = {
  subject: (network) => `Du är anmäld till ${network}`,
  preheader: 'Tack för din bekräftelse. Så här går det till härnäst.',
  intro: (network) => `Tack för att du bekräftade! Nu är du anmäld till ${network}.`,
  topicsIntro: 'Det här är ämnena du vill prata om:',
  nextHeading: 'Vad händer nu?',
  coordinators: 'Nätverkets samordnare hör av sig till dig via mejl.',
  groups: (namedTopics) =>
    namedTopics
      ? 'Grupperna växer fram kring frågor som flera medlemmar delar, så dina ämnen hjälper oss att hitta andra som vill prata om samma sak.'
      : 'Grupperna växer fram kring frågor som flera medlemmar delar. Har du en fråga du vill lyfta, berätta gärna om den när samordnarna hör av sig.',
  engagement: 'Du engagerar dig så mycket eller så lite du vill.',
  footer: (network) => `Du får det här mejlet eftersom du har anmält dig till ${network}.`,
} satisfies RegistrationReceiptCopy;
