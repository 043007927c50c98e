import type { Language } from '../i18n.ts';
import { action, greeting, signature } from './common.ts';
import { formatDateTime } from './format.ts';
import type { MailContent } from './layout.ts';

/** The confirmation link (double opt-in) and its single reminder carry the same facts. */
export interface ConfirmRegistrationFields {
  recipientName: string;
  networkName: string;
  confirmUrl: string;
  expiresAt: Date;
  /** The network's IANA time zone, e.g. Europe/Stockholm: the expiry is shown in it. */
  timeZone: string;
}

export interface RegistrationReceiptFields {
  recipientName: string;
  networkName: string;
  /** The topics the member named in the form, echoed back as written. */
  topics: readonly string[];
  timeZone: string;
}

interface ConfirmCopy {
  subject(networkName: string): string;
  preheader(expires: string): string;
  intro(networkName: string): string;
  button: string;
  expiry(expires: string): string;
  notYou: string;
  footer(networkName: string): string;
}

interface ReceiptCopy {
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

export const confirmRegistrationCopy: Record<Language, ConfirmCopy> = {
  sv: {
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
  },
  nb: {
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
  },
  en: {
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
  },
};

export const confirmRegistrationReminderCopy: Record<Language, ConfirmCopy> = {
  sv: {
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
  },
  nb: {
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
  },
  en: {
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
  },
};

export const registrationReceiptCopy: Record<Language, ReceiptCopy> = {
  sv: {
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
  },
  nb: {
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
  },
  en: {
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
  },
};

function composeConfirm(copy: ConfirmCopy, m: ConfirmRegistrationFields, language: Language): MailContent {
  const expires = formatDateTime(m.expiresAt, language, m.timeZone);
  return {
    language,
    subject: copy.subject(m.networkName),
    preheader: copy.preheader(expires),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName) },
      action(language, copy.button, m.confirmUrl),
      { type: 'paragraph', text: copy.expiry(expires) },
      { type: 'note', text: copy.notYou },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeConfirmRegistration(m: ConfirmRegistrationFields, language: Language): MailContent {
  return composeConfirm(confirmRegistrationCopy[language], m, language);
}

export function composeConfirmRegistrationReminder(
  m: ConfirmRegistrationFields,
  language: Language,
): MailContent {
  return composeConfirm(confirmRegistrationReminderCopy[language], m, language);
}

export function composeRegistrationReceipt(m: RegistrationReceiptFields, language: Language): MailContent {
  const copy = registrationReceiptCopy[language];
  const topics = m.topics.map((topic) => topic.trim()).filter((topic) => topic !== '');
  return {
    language,
    subject: copy.subject(m.networkName),
    preheader: copy.preheader,
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName) },
      ...(topics.length > 0
        ? [{ type: 'paragraph', text: copy.topicsIntro } as const, { type: 'list', items: topics } as const]
        : []),
      { type: 'heading', text: copy.nextHeading },
      { type: 'paragraph', text: `${copy.coordinators} ${copy.groups(topics.length > 0)}` },
      { type: 'paragraph', text: copy.engagement },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}
