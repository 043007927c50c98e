import type { Language } from '../i18n.ts';
import { action, greeting, signature } from './common.ts';
import { formatDateTime } from './format.ts';
import type { Block, MailContent } from './layout.ts';

/** The link that carries out a privacy request: it went to the address, so only its owner can use it. */
export interface PrivacyConfirmFields {
  request: 'export' | 'erase';
  /** As the person gave it; empty when no record has a name. */
  recipientName: string;
  /** Who sends it: the organisation's networks the person is known in, or the sender's name. */
  senderName: string;
  confirmUrl: string;
  expiresAt: Date;
  timeZone: string;
}

/** The copy of a person's data; the JSON file is attached by the sender. */
export interface PrivacyExportFields {
  recipientName: string;
  senderName: string;
  /** One readable line per record held, in the reader's language (built by the export). */
  summary: readonly { heading: string; lines: readonly string[] }[];
  fileName: string;
}

/** The retention sweep's question to someone inactive for long. */
export interface StayQuestionFields {
  recipientName: string;
  senderName: string;
  networkNames: readonly string[];
  stayUrl: string;
  answerBy: Date;
  timeZone: string;
}

interface Copy {
  confirm: Record<
    'export' | 'erase',
    { subject(sender: string): string; preheader: string; intro: string; button: string; notYou: string }
  >;
  expiry(expires: string): string;
  confirmFooter: string;
  exportSubject(sender: string): string;
  exportPreheader: string;
  exportIntro(fileName: string): string;
  exportFooter: string;
  staySubject(networks: string): string;
  stayPreheader(date: string): string;
  stayIntro(networks: string): string;
  stayButton: string;
  stayElse(date: string): string;
  stayFooter: string;
}

const copy: Record<Language, Copy> = {
  sv: {
    confirm: {
      export: {
        subject: (sender) => `Bekräfta att du vill få dina uppgifter från ${sender}`,
        preheader: 'Ett klick, så mejlar vi allt vi har sparat om dig.',
        intro:
          'Någon, förhoppningsvis du, har bett om en kopia av alla uppgifter vi har sparat om den här adressen. Klicka på knappen så skickar vi dem till dig.',
        button: 'Skicka mina uppgifter',
        notYou: 'Var det inte du? Då kan du bortse från mejlet. Ingenting skickas utan ditt klick.',
      },
      erase: {
        subject: (sender) => `Bekräfta att du vill att ${sender} tar bort dina uppgifter`,
        preheader: 'Ett klick, så tar vi bort allt om dig.',
        intro:
          'Någon, förhoppningsvis du, har bett oss ta bort alla uppgifter om den här adressen: ur nätverk, grupper, väntelistor och svar på inbjudningar. Utvärderingar du har lämnat finns kvar utan namn.',
        button: 'Ta bort mina uppgifter',
        notYou: 'Var det inte du? Då kan du bortse från mejlet. Ingenting tas bort utan ditt klick.',
      },
    },
    expiry: (expires) => `Länken gäller fram till ${expires} och kan bara användas en gång.`,
    confirmFooter: 'Du får det här mejlet eftersom någon bad om dina personuppgifter med den här adressen.',
    exportSubject: (sender) => `Dina uppgifter hos ${sender}`,
    exportPreheader: 'Allt vi har sparat om dig, som fil och som sammanfattning.',
    exportIntro: (file) =>
      `Här är allt vi har sparat om dig. Filen ${file} innehåller uppgifterna i maskinläsbar form (JSON); nedan följer en sammanfattning.`,
    exportFooter: 'Du får det här mejlet eftersom du bad om en kopia av dina personuppgifter.',
    staySubject: (networks) => `Vill du vara kvar i ${networks}?`,
    stayPreheader: (date) => `Svara senast ${date}, annars tar vi bort dina uppgifter.`,
    stayIntro: (networks) =>
      `Det var länge sedan du var aktiv i ${networks}. Vi sparar inte uppgifter i onödan, så vi undrar om du vill vara kvar.`,
    stayButton: 'Ja, jag vill vara kvar',
    stayElse: (date) =>
      `Om vi inte hör av dig före ${date} tar vi bort dina uppgifter ur nätverket. Du är alltid välkommen tillbaka.`,
    stayFooter: 'Du får det här mejlet eftersom du är med i nätverket men inte har varit aktiv på länge.',
  },
  nb: {
    confirm: {
      export: {
        subject: (sender) => `Bekreft at du vil få opplysningene dine fra ${sender}`,
        preheader: 'Ett klikk, så sender vi alt vi har lagret om deg.',
        intro:
          'Noen, forhåpentligvis du, har bedt om en kopi av alle opplysninger vi har lagret om denne adressen. Klikk på knappen, så sender vi dem til deg.',
        button: 'Send opplysningene mine',
        notYou: 'Var det ikke deg? Da kan du se bort fra e-posten. Ingenting sendes uten klikket ditt.',
      },
      erase: {
        subject: (sender) => `Bekreft at du vil at ${sender} sletter opplysningene dine`,
        preheader: 'Ett klikk, så sletter vi alt om deg.',
        intro:
          'Noen, forhåpentligvis du, har bedt oss slette alle opplysninger om denne adressen: fra nettverk, grupper, ventelister og svar på invitasjoner. Evalueringer du har levert, blir værende uten navn.',
        button: 'Slett opplysningene mine',
        notYou: 'Var det ikke deg? Da kan du se bort fra e-posten. Ingenting slettes uten klikket ditt.',
      },
    },
    expiry: (expires) => `Lenken er gyldig til ${expires} og kan bare brukes én gang.`,
    confirmFooter: 'Du får denne e-posten fordi noen ba om personopplysningene dine med denne adressen.',
    exportSubject: (sender) => `Opplysningene dine hos ${sender}`,
    exportPreheader: 'Alt vi har lagret om deg, som fil og som sammendrag.',
    exportIntro: (file) =>
      `Her er alt vi har lagret om deg. Filen ${file} inneholder opplysningene i maskinlesbar form (JSON); nedenfor følger et sammendrag.`,
    exportFooter: 'Du får denne e-posten fordi du ba om en kopi av personopplysningene dine.',
    staySubject: (networks) => `Vil du være med videre i ${networks}?`,
    stayPreheader: (date) => `Svar innen ${date}, ellers sletter vi opplysningene dine.`,
    stayIntro: (networks) =>
      `Det er lenge siden du var aktiv i ${networks}. Vi lagrer ikke opplysninger unødvendig, så vi lurer på om du vil være med videre.`,
    stayButton: 'Ja, jeg vil være med videre',
    stayElse: (date) =>
      `Hvis vi ikke hører fra deg før ${date}, sletter vi opplysningene dine fra nettverket. Du er alltid velkommen tilbake.`,
    stayFooter: 'Du får denne e-posten fordi du er med i nettverket, men ikke har vært aktiv på lenge.',
  },
  en: {
    confirm: {
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
    },
    expiry: (expires) => `The link is valid until ${expires} and works once.`,
    confirmFooter:
      'You are receiving this email because someone asked for the personal data of this address.',
    exportSubject: (sender) => `Your data held by ${sender}`,
    exportPreheader: 'Everything we hold about you, as a file and as a summary.',
    exportIntro: (file) =>
      `Here is everything we hold about you. The file ${file} has the data in machine-readable form (JSON); a summary follows below.`,
    exportFooter: 'You are receiving this email because you asked for a copy of your personal data.',
    staySubject: (networks) => `Do you want to stay in ${networks}?`,
    stayPreheader: (date) => `Please answer by ${date}, or we will delete your data.`,
    stayIntro: (networks) =>
      `It has been a long time since you were active in ${networks}. We do not keep data we do not need, so we would like to know whether you want to stay.`,
    stayButton: 'Yes, I want to stay',
    stayElse: (date) =>
      `If we do not hear from you before ${date}, we will delete your data from the network. You are always welcome back.`,
    stayFooter:
      'You are receiving this email because you are in the network but have not been active for a long time.',
  },
};

/** A greeting when the name is known; none rather than "Hej !". */
function greetingFor(language: Language, name: string): Block[] {
  return name.trim() === '' ? [] : [greeting(language, name)];
}

/** "A, B och C" in the reader's language. */
export function listPhrase(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(language === 'nb' ? 'nb-NO' : language === 'sv' ? 'sv-SE' : 'en-GB', {
    type: 'conjunction',
  }).format(items);
}

export function composePrivacyConfirm(
  m: PrivacyConfirmFields & { kind: 'privacy-confirm' },
  language: Language,
): MailContent {
  const c = copy[language];
  const t = c.confirm[m.request];
  return {
    language,
    subject: t.subject(m.senderName),
    preheader: t.preheader,
    blocks: [
      ...greetingFor(language, m.recipientName),
      { type: 'paragraph', text: t.intro },
      action(language, t.button, m.confirmUrl),
      { type: 'note', text: c.expiry(formatDateTime(m.expiresAt, language, m.timeZone)) },
      { type: 'paragraph', text: t.notYou },
      signature(language, m.senderName),
    ],
    footer: c.confirmFooter,
    networkName: m.senderName,
  };
}

export function composePrivacyExport(
  m: PrivacyExportFields & { kind: 'privacy-export' },
  language: Language,
): MailContent {
  const c = copy[language];
  const sections: Block[] = m.summary.flatMap((section): Block[] => [
    { type: 'heading', text: section.heading },
    { type: 'list', items: section.lines },
  ]);
  return {
    language,
    subject: c.exportSubject(m.senderName),
    preheader: c.exportPreheader,
    blocks: [
      ...greetingFor(language, m.recipientName),
      { type: 'paragraph', text: c.exportIntro(m.fileName) },
      ...sections,
      signature(language, m.senderName),
    ],
    footer: c.exportFooter,
    networkName: m.senderName,
  };
}

export function composeStayQuestion(
  m: StayQuestionFields & { kind: 'stay-question' },
  language: Language,
): MailContent {
  const c = copy[language];
  const networks = listPhrase(m.networkNames, language);
  const answerBy = formatDateTime(m.answerBy, language, m.timeZone);
  return {
    language,
    subject: c.staySubject(networks),
    preheader: c.stayPreheader(answerBy),
    blocks: [
      ...greetingFor(language, m.recipientName),
      { type: 'paragraph', text: c.stayIntro(networks) },
      action(language, c.stayButton, m.stayUrl),
      { type: 'paragraph', text: c.stayElse(answerBy) },
      signature(language, m.senderName),
    ],
    footer: c.stayFooter,
    networkName: m.senderName,
  };
}
