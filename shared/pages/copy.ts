import type { Language } from '../i18n.ts';
import { formatMeetingTime } from '../mail/format.ts';
import { meetingCopy } from '../mail/meetings.ts';

/**
 * The kinds of error page; a status maps onto one in errorKind (pages.ts), and a few codes have a
 * page of their own because the status alone would say the wrong thing ("register again" for an
 * offer that ran out).
 */
export type ErrorKind =
  | 'invalid'
  | 'notFound'
  | 'expired'
  | 'tooLarge'
  | 'unsupportedType'
  | 'tooManyRequests'
  | 'unavailable'
  | 'forbidden'
  | 'groupNotFound'
  | 'groupClosed'
  | 'offerExpired'
  | 'generic';

/**
 * What a link from a group or meeting mail asks for on GET; the button on the page makes the POST
 * that does it. `rsvp-*` answer a meeting invitation: coming, not this time, not for the rest of the
 * series (which frees the seat).
 */
export const actionPageKinds = [
  'confirm-join-request',
  'approve-join-request',
  'decline-join-request',
  'leave-group',
  'leave-waitlist',
  'accept-offer',
  'decline-offer',
  'confirm-group-proposal',
  'rsvp-yes',
  'rsvp-no',
  'rsvp-no-series',
] as const;
export type ActionPageKind = (typeof actionPageKinds)[number];

/** What the page after that POST says happened; `join-request-*` are the coordinator's view. */
export const resultPageKinds = [
  'join-approved',
  'join-waitlisted',
  'join-pending-approval',
  'join-request-approved',
  'join-request-waitlisted',
  'join-request-declined',
  'already-decided',
  'left-group',
  'left-waitlist',
  'offer-accepted',
  'offer-declined',
  'already-done',
  'proposal-received',
  'rsvp-recorded-yes',
  'rsvp-recorded-no',
  'rsvp-recorded-no-series',
  'feedback-thanks',
  'feedback-closed',
] as const;
export type ResultPageKind = (typeof resultPageKinds)[number];

/** What a group page knows; a link may not carry every fact, so each sentence reads well without it. */
export interface GroupPageFacts {
  networkName: string;
  groupTitle?: string | undefined;
  requesterName?: string | undefined;
  /** On the waitlist: 1 is next in line. */
  position?: number | undefined;
  /** The meeting an answer is about; named only together with `timeZone`, the network's. */
  meetingStartsAt?: Date | undefined;
  timeZone?: string | undefined;
}

/** The meeting's start as the mails write it ("tisdag 10 mars 2026 kl. 17.00"), or nothing when unknown. */
function meetingTime(f: GroupPageFacts, language: Language): string | undefined {
  return f.meetingStartsAt && f.timeZone
    ? formatMeetingTime(f.meetingStartsAt, language, f.timeZone)
    : undefined;
}

export interface ActionCopy {
  title: string;
  lead(facts: GroupPageFacts): string;
  button: string;
  note: string;
}

export interface ResultCopy {
  title(facts: GroupPageFacts): string;
  lead(facts: GroupPageFacts): string;
}

/** Form fields of the public routes, named as the reader knows them rather than by their JSON key. */
export type FieldName =
  | 'name'
  | 'email'
  | 'organisation'
  | 'role'
  | 'topics'
  | 'message'
  | 'language'
  | 'consent'
  | 'title'
  | 'question'
  | 'response'
  | 'rating'
  | 'nextTimeBetter'
  | 'parkedQuestions'
  | 'reflections'
  | 'anonymous'
  | 'kind';

export interface PageCopy {
  confirm: { title: string; lead(networkName: string): string; button: string; note: string };
  confirmed: { title: string; lead(networkName: string): string };
  alreadyConfirmed: { title: string; lead(networkName: string): string };
  receipt: { title: string; lead(networkName: string): string; note: string };
  /** The receipt after a plain HTML form proposed a group. */
  proposalReceipt: { title: string; lead(networkName: string): string; note: string };
  actions: Record<ActionPageKind, ActionCopy>;
  /** The optional message a coordinator writes when declining; it goes into the decline email. */
  declineMessage: { label(requesterName?: string): string; hint(maxLength: number): string };
  results: Record<ResultPageKind, ResultCopy>;
  errors: Record<ErrorKind, { title: string; lead: string }>;
  fieldsIntro: string;
  errorCode: string;
  fields: Record<FieldName, string>;
}

// A group named in a sentence: "gruppen ”Rektors mandat”", or just "gruppen" when the title is unknown.
const sv = {
  group: (f: GroupPageFacts) => (f.groupTitle ? `gruppen ”${f.groupTitle}”` : 'gruppen'),
  Group: (f: GroupPageFacts) => (f.groupTitle ? `Gruppen ”${f.groupTitle}”` : 'Gruppen'),
  from: (f: GroupPageFacts) => (f.requesterName ? ` från ${f.requesterName}` : ''),
  queue: (f: GroupPageFacts) => (f.position ? `nummer ${f.position} i kön` : 'i kön'),
  // ", tisdag 10 mars 2026 kl. 17.00" after "träffen i gruppen …", or nothing.
  when: (f: GroupPageFacts) => {
    const time = meetingTime(f, 'sv');
    return time ? `, ${time}` : '';
  },
  onwards: (f: GroupPageFacts) => {
    const time = meetingTime(f, 'sv');
    return time ? `, från och med träffen ${time}` : '';
  },
};
const nb = {
  group: (f: GroupPageFacts) => (f.groupTitle ? `gruppen «${f.groupTitle}»` : 'gruppen'),
  Group: (f: GroupPageFacts) => (f.groupTitle ? `Gruppen «${f.groupTitle}»` : 'Gruppen'),
  from: (f: GroupPageFacts) => (f.requesterName ? ` fra ${f.requesterName}` : ''),
  queue: (f: GroupPageFacts) => (f.position ? `nummer ${f.position} i køen` : 'i køen'),
  when: (f: GroupPageFacts) => {
    const time = meetingTime(f, 'nb');
    return time ? `, ${time}` : '';
  },
  onwards: (f: GroupPageFacts) => {
    const time = meetingTime(f, 'nb');
    return time ? `, fra og med møtet ${time}` : '';
  },
};
const en = {
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

export const pageCopy: Record<Language, PageCopy> = {
  sv: {
    confirm: {
      title: 'Bekräfta din anmälan',
      lead: (network) => `Klicka på knappen för att bekräfta ditt intresse för ${network}.`,
      button: 'Bekräfta',
      note: 'Har du inte anmält dig kan du bara stänga sidan. Ingenting händer förrän du klickar på knappen.',
    },
    confirmed: {
      title: 'Tack – nu är du anmäld',
      lead: (network) =>
        `Ditt intresse för ${network} är bekräftat. Du får snart ett mejl om vad som händer härnäst.`,
    },
    alreadyConfirmed: {
      title: 'Redan bekräftad',
      lead: (network) => `Din anmälan till ${network} var redan bekräftad. Du behöver inte göra något mer.`,
    },
    receipt: {
      title: 'Tack – titta i din inkorg',
      lead: (network) =>
        `Vi har skickat ett mejl med en länk som du klickar på för att bekräfta. Sedan är din anmälan till ${network} klar.`,
      note: 'Hittar du inte mejlet? Titta i skräpposten, eller vänta några minuter.',
    },
    proposalReceipt: {
      title: 'Tack – titta i din inkorg',
      lead: (network) =>
        `Vi har skickat ett mejl med en länk som du klickar på för att bekräfta ditt gruppförslag. Sedan går förslaget vidare till samordnarna i ${network}.`,
      note: 'Hittar du inte mejlet? Titta i skräpposten, eller vänta några minuter.',
    },
    actions: {
      'confirm-join-request': {
        title: 'Bekräfta din anmälan',
        lead: (f) => `Klicka på knappen för att bekräfta din anmälan till ${sv.group(f)} i ${f.networkName}.`,
        button: 'Bekräfta',
        note: 'Har du inte anmält dig kan du bara stänga sidan. Ingenting händer förrän du klickar på knappen.',
      },
      'approve-join-request': {
        title: 'Godkänn anmälan',
        lead: (f) =>
          `Godkänn anmälan${sv.from(f)} till ${sv.group(f)}. Personen får då en plats i gruppen, eller en plats på väntelistan om gruppen är full.`,
        button: 'Godkänn',
        note: 'Ingenting händer förrän du klickar på knappen.',
      },
      'decline-join-request': {
        title: 'Avböj anmälan',
        lead: (f) => `Avböj anmälan${sv.from(f)} till ${sv.group(f)}. Personen får beskedet via mejl.`,
        button: 'Avböj anmälan',
        note: 'Ingenting händer förrän du klickar på knappen.',
      },
      'leave-group': {
        title: 'Lämna gruppen',
        lead: (f) =>
          `Vill du lämna ${sv.group(f)} i ${f.networkName}? Din plats går då till någon annan som vill vara med.`,
        button: 'Lämna gruppen',
        note: 'Har du ångrat dig kan du bara stänga sidan. Ingenting händer förrän du klickar på knappen.',
      },
      'leave-waitlist': {
        title: 'Lämna väntelistan',
        lead: (f) =>
          `Vill du lämna väntelistan till ${sv.group(f)} i ${f.networkName}? Du får då inget erbjudande när en plats blir ledig.`,
        button: 'Lämna väntelistan',
        note: 'Har du ångrat dig kan du bara stänga sidan. Ingenting händer förrän du klickar på knappen.',
      },
      'accept-offer': {
        title: 'Tacka ja till platsen',
        lead: (f) =>
          `En plats i ${sv.group(f)} i ${f.networkName} väntar på dig. Klicka på knappen för att tacka ja.`,
        button: 'Tacka ja',
        note: 'Ingenting händer förrän du klickar på knappen.',
      },
      'decline-offer': {
        title: 'Tacka nej till platsen',
        lead: (f) =>
          `Vill du tacka nej till platsen i ${sv.group(f)} i ${f.networkName}? Den går då direkt till nästa i kön.`,
        button: 'Tacka nej',
        note: 'Har du ångrat dig kan du bara stänga sidan. Ingenting händer förrän du klickar på knappen.',
      },
      'confirm-group-proposal': {
        title: 'Bekräfta ditt gruppförslag',
        lead: (f) =>
          `Klicka på knappen för att bekräfta ditt förslag om en ny grupp${f.groupTitle ? `, ”${f.groupTitle}”,` : ''} i ${f.networkName}.`,
        button: 'Bekräfta',
        note: 'Har du inte föreslagit någon grupp kan du bara stänga sidan. Ingenting händer förrän du klickar på knappen.',
      },
      'rsvp-yes': {
        title: 'Svara att du kommer',
        lead: (f) =>
          `Klicka på knappen för att svara att du kommer till träffen i ${sv.group(f)}${sv.when(f)}.`,
        button: 'Jag kommer',
        note: 'Ingenting händer förrän du klickar på knappen.',
      },
      'rsvp-no': {
        title: 'Svara att du inte kan komma',
        lead: (f) =>
          `Klicka på knappen för att svara att du inte kan komma till träffen i ${sv.group(f)}${sv.when(f)}. Din plats i gruppen har du kvar.`,
        button: 'Jag kan inte komma',
        note: 'Har du ångrat dig kan du bara stänga sidan. Ingenting händer förrän du klickar på knappen.',
      },
      'rsvp-no-series': {
        title: 'Avstå resten av träffarna',
        lead: (f) =>
          `Kan du inte komma på resten av träffarna i ${sv.group(f)}${sv.onwards(f)}? Då blir din plats i gruppen ledig och går till någon annan som vill vara med.`,
        button: 'Lämna min plats',
        note: `Vill du bara avstå en enda träff? Stäng sidan och använd i stället länken ”${meetingCopy.sv.noLabel}” i inbjudan. Ingenting händer förrän du klickar på knappen.`,
      },
    },
    declineMessage: {
      label: (requester) => `Meddelande till ${requester ?? 'personen'} (frivilligt)`,
      hint: (max) => `Meddelandet följer med i mejlet med beskedet. Högst ${max} tecken.`,
    },
    results: {
      'join-approved': {
        title: () => 'Välkommen – du har fått en plats',
        lead: (f) =>
          `Du är med i ${sv.group(f)} i ${f.networkName}. Du får ett välkomstmejl, och datum för träffarna kommer i separata inbjudningar.`,
      },
      'join-waitlisted': {
        title: () => 'Du står på väntelistan',
        lead: (f) =>
          `${sv.Group(f)} är full just nu. Du står ${sv.queue(f)} och får ett mejl när en plats blir ledig.`,
      },
      'join-pending-approval': {
        title: () => 'Tack – din anmälan väntar på beslut',
        lead: (f) =>
          `Din organisation är inte (ännu) registrerad som medlemsorganisation i ${f.networkName}, så en samordnare går igenom din anmälan till ${sv.group(f)}. Du får besked via mejl.`,
      },
      'join-request-approved': {
        title: (f) => `${f.requesterName ?? 'Personen'} har fått en plats`,
        lead: (f) => `Anmälan${sv.from(f)} till ${sv.group(f)} är godkänd. Personen får ett välkomstmejl.`,
      },
      'join-request-waitlisted': {
        title: () => 'Godkänd – på väntelistan',
        lead: (f) =>
          `Anmälan${sv.from(f)} är godkänd, men ${sv.group(f)} är full. Personen står ${sv.queue(f)} och får ett erbjudande via mejl när en plats blir ledig.`,
      },
      'join-request-declined': {
        title: () => 'Anmälan är avböjd',
        lead: (f) => `Anmälan${sv.from(f)} till ${sv.group(f)} är avböjd. Personen får beskedet via mejl.`,
      },
      'already-decided': {
        title: () => 'Redan beslutad',
        lead: () => 'Anmälan har redan fått ett beslut. Du behöver inte göra något mer.',
      },
      'left-group': {
        title: () => 'Du har lämnat gruppen',
        lead: (f) => `Du är inte längre med i ${sv.group(f)}. Du får en bekräftelse via mejl.`,
      },
      'left-waitlist': {
        title: () => 'Du har lämnat väntelistan',
        lead: (f) =>
          `Du står inte längre på väntelistan till ${sv.group(f)}. Du får en bekräftelse via mejl.`,
      },
      'offer-accepted': {
        title: () => 'Välkommen – platsen är din',
        lead: (f) =>
          `Du är med i ${sv.group(f)} i ${f.networkName}. Du får ett välkomstmejl, och datum för träffarna kommer i separata inbjudningar.`,
      },
      'offer-declined': {
        title: () => 'Tack för beskedet',
        lead: (f) =>
          `Platsen i ${sv.group(f)} går vidare till nästa i kön. Du är välkommen att anmäla dig igen längre fram.`,
      },
      'already-done': {
        title: () => 'Redan klart',
        lead: () => 'Det här är redan gjort. Du behöver inte göra något mer.',
      },
      'proposal-received': {
        title: () => 'Tack för ditt förslag',
        lead: (f) =>
          `Ditt förslag${f.groupTitle ? ` ”${f.groupTitle}”` : ''} är bekräftat och har gått vidare till samordnarna i ${f.networkName}. Du får besked via mejl när de har tittat på det.`,
      },
      'rsvp-recorded-yes': {
        title: () => 'Tack – vi ses!',
        lead: (f) =>
          `Du har svarat att du kommer till träffen i ${sv.group(f)}${sv.when(f)}. Ändrar du dig kan du svara på nytt via länkarna i inbjudan.`,
      },
      'rsvp-recorded-no': {
        title: () => 'Noterat – du kan inte komma den här gången',
        lead: (f) =>
          `Du har svarat att du inte kan komma till träffen i ${sv.group(f)}${sv.when(f)}. Din plats i gruppen har du kvar. Ändrar du dig kan du svara på nytt via länkarna i inbjudan.`,
      },
      'rsvp-recorded-no-series': {
        title: () => 'Din plats är nu ledig',
        lead: (f) =>
          `Du har svarat att du inte kan komma på resten av träffarna i ${sv.group(f)}, och din plats går till någon annan som vill vara med. Tack för din tid i gruppen! Det som har sagts i gruppen stannar i gruppen.`,
      },
      'feedback-thanks': {
        title: () => 'Tack för ditt svar',
        lead: (f) =>
          `Vi har tagit emot ditt svar om träffen i ${sv.group(f)}${sv.when(f)}. Samordnarna och den som leder träffarna får en sammanställning utan namn när utvärderingen har stängt. Vill du ändra något kan du öppna länken i mejlet igen så länge utvärderingen är öppen.`,
      },
      'feedback-closed': {
        title: () => 'Utvärderingen är stängd',
        lead: (f) =>
          `Det går inte längre att svara på utvärderingen av träffen i ${sv.group(f)}${sv.when(f)}: svarstiden har gått ut. Tack ändå för att du ville svara!`,
      },
    },
    errors: {
      invalid: {
        title: 'Något i formuläret behöver rättas',
        lead: 'Gå tillbaka, kontrollera det du har fyllt i och skicka formuläret igen.',
      },
      notFound: {
        title: 'Länken är inte giltig',
        lead: 'Kontrollera att du har kopierat hela länken från mejlet.',
      },
      expired: {
        title: 'Länken har gått ut',
        lead: 'Anmäl dig gärna igen, så får du ett nytt mejl med en ny länk.',
      },
      tooLarge: {
        title: 'Det blev för mycket på en gång',
        lead: 'Formuläret innehöll mer text än vi kan ta emot. Korta ner texten och försök igen.',
      },
      unsupportedType: {
        title: 'Vi kunde inte läsa formuläret',
        lead: 'Formuläret skickades i ett format som vi inte tar emot. Kontakta gärna nätverkets samordnare.',
      },
      tooManyRequests: {
        title: 'För många försök',
        lead: 'Vänta några minuter och försök sedan igen.',
      },
      unavailable: {
        title: 'Något gick fel hos oss',
        lead: 'Försök igen om en stund. Det var inget du gjorde fel.',
      },
      forbidden: {
        title: 'Du har inte behörighet',
        lead: 'Du har inte behörighet att göra det här. Kontakta gärna nätverkets samordnare om du tror att det är fel.',
      },
      groupNotFound: {
        title: 'Gruppen finns inte',
        lead: 'Gruppen kan ha avslutats eller tagits bort. Kontrollera länken, eller kontakta nätverkets samordnare.',
      },
      groupClosed: {
        title: 'Gruppen tar inte emot fler anmälningar',
        lead: 'Gruppen är stängd för nya deltagare. Håll utkik efter nya grupper i nätverkets utskick.',
      },
      offerExpired: {
        title: 'Erbjudandet har gått ut',
        lead: 'Tiden för att tacka ja har gått ut, och platsen har gått vidare till nästa i kön. Du är välkommen att anmäla dig till gruppen igen.',
      },
      generic: {
        title: 'Något gick fel',
        lead: 'Vi kunde inte hantera förfrågan. Gå tillbaka och försök igen.',
      },
    },
    fieldsIntro: 'Det här behöver rättas:',
    errorCode: 'Felkod',
    fields: {
      name: 'Namn',
      email: 'E-postadress',
      organisation: 'Organisation',
      role: 'Roll',
      topics: 'Ämnen',
      message: 'Meddelande',
      language: 'Språk',
      consent: 'Samtycke',
      title: 'Rubrik',
      question: 'Fråga',
      response: 'Svar',
      rating: 'Betyg',
      nextTimeBetter: 'Vad skulle göra nästa träff bättre',
      parkedQuestions: 'Parkerade frågor',
      reflections: 'Reflektioner',
      anonymous: 'Utan namn',
      kind: 'Typ av begäran',
    },
  },
  nb: {
    confirm: {
      title: 'Bekreft påmeldingen din',
      lead: (network) => `Klikk på knappen for å bekrefte interessen din for ${network}.`,
      button: 'Bekreft',
      note: 'Har du ikke meldt deg på, kan du bare lukke siden. Ingenting skjer før du klikker på knappen.',
    },
    confirmed: {
      title: 'Takk – nå er du påmeldt',
      lead: (network) =>
        `Interessen din for ${network} er bekreftet. Du får snart en e-post om hva som skjer videre.`,
    },
    alreadyConfirmed: {
      title: 'Allerede bekreftet',
      lead: (network) =>
        `Påmeldingen din til ${network} var allerede bekreftet. Du trenger ikke å gjøre noe mer.`,
    },
    receipt: {
      title: 'Takk – sjekk innboksen din',
      lead: (network) =>
        `Vi har sendt en e-post med en lenke som du klikker på for å bekrefte. Da er påmeldingen din til ${network} fullført.`,
      note: 'Finner du ikke e-posten? Sjekk søppelposten, eller vent noen minutter.',
    },
    proposalReceipt: {
      title: 'Takk – sjekk innboksen din',
      lead: (network) =>
        `Vi har sendt en e-post med en lenke som du klikker på for å bekrefte gruppeforslaget ditt. Da går forslaget videre til koordinatorene i ${network}.`,
      note: 'Finner du ikke e-posten? Sjekk søppelposten, eller vent noen minutter.',
    },
    actions: {
      'confirm-join-request': {
        title: 'Bekreft påmeldingen din',
        lead: (f) => `Klikk på knappen for å bekrefte påmeldingen din til ${nb.group(f)} i ${f.networkName}.`,
        button: 'Bekreft',
        note: 'Har du ikke meldt deg på, kan du bare lukke siden. Ingenting skjer før du klikker på knappen.',
      },
      'approve-join-request': {
        title: 'Godkjenn påmeldingen',
        lead: (f) =>
          `Godkjenn påmeldingen${nb.from(f)} til ${nb.group(f)}. Personen får da plass i gruppen, eller plass på ventelisten hvis gruppen er full.`,
        button: 'Godkjenn',
        note: 'Ingenting skjer før du klikker på knappen.',
      },
      'decline-join-request': {
        title: 'Avslå påmeldingen',
        lead: (f) => `Avslå påmeldingen${nb.from(f)} til ${nb.group(f)}. Personen får beskjed på e-post.`,
        button: 'Avslå påmeldingen',
        note: 'Ingenting skjer før du klikker på knappen.',
      },
      'leave-group': {
        title: 'Meld deg ut av gruppen',
        lead: (f) =>
          `Vil du melde deg ut av ${nb.group(f)} i ${f.networkName}? Plassen din går da til noen andre som vil være med.`,
        button: 'Meld meg ut',
        note: 'Har du ombestemt deg, kan du bare lukke siden. Ingenting skjer før du klikker på knappen.',
      },
      'leave-waitlist': {
        title: 'Meld deg av ventelisten',
        lead: (f) =>
          `Vil du melde deg av ventelisten til ${nb.group(f)} i ${f.networkName}? Da får du ikke noe tilbud når en plass blir ledig.`,
        button: 'Meld meg av ventelisten',
        note: 'Har du ombestemt deg, kan du bare lukke siden. Ingenting skjer før du klikker på knappen.',
      },
      'accept-offer': {
        title: 'Takk ja til plassen',
        lead: (f) =>
          `En plass i ${nb.group(f)} i ${f.networkName} venter på deg. Klikk på knappen for å takke ja.`,
        button: 'Takk ja',
        note: 'Ingenting skjer før du klikker på knappen.',
      },
      'decline-offer': {
        title: 'Takk nei til plassen',
        lead: (f) =>
          `Vil du takke nei til plassen i ${nb.group(f)} i ${f.networkName}? Den går da med en gang til nestemann i køen.`,
        button: 'Takk nei',
        note: 'Har du ombestemt deg, kan du bare lukke siden. Ingenting skjer før du klikker på knappen.',
      },
      'confirm-group-proposal': {
        title: 'Bekreft gruppeforslaget ditt',
        lead: (f) =>
          `Klikk på knappen for å bekrefte forslaget ditt om en ny gruppe${f.groupTitle ? `, «${f.groupTitle}»,` : ''} i ${f.networkName}.`,
        button: 'Bekreft',
        note: 'Har du ikke foreslått noen gruppe, kan du bare lukke siden. Ingenting skjer før du klikker på knappen.',
      },
      'rsvp-yes': {
        title: 'Svar at du kommer',
        lead: (f) => `Klikk på knappen for å svare at du kommer på møtet i ${nb.group(f)}${nb.when(f)}.`,
        button: 'Jeg kommer',
        note: 'Ingenting skjer før du klikker på knappen.',
      },
      'rsvp-no': {
        title: 'Svar at du ikke kan komme',
        lead: (f) =>
          `Klikk på knappen for å svare at du ikke kan komme på møtet i ${nb.group(f)}${nb.when(f)}. Plassen din i gruppen beholder du.`,
        button: 'Jeg kan ikke komme',
        note: 'Har du ombestemt deg, kan du bare lukke siden. Ingenting skjer før du klikker på knappen.',
      },
      'rsvp-no-series': {
        title: 'Stå over resten av møtene',
        lead: (f) =>
          `Kan du ikke komme på resten av møtene i ${nb.group(f)}${nb.onwards(f)}? Da blir plassen din i gruppen ledig og går til noen andre som vil være med.`,
        button: 'Gi fra meg plassen',
        note: `Vil du bare stå over ett møte? Lukk siden og bruk heller lenken «${meetingCopy.nb.noLabel}» i invitasjonen. Ingenting skjer før du klikker på knappen.`,
      },
    },
    declineMessage: {
      label: (requester) => `Melding til ${requester ?? 'personen'} (valgfritt)`,
      hint: (max) => `Meldingen følger med i e-posten med beskjeden. Høyst ${max} tegn.`,
    },
    results: {
      'join-approved': {
        title: () => 'Velkommen – du har fått plass',
        lead: (f) =>
          `Du er med i ${nb.group(f)} i ${f.networkName}. Du får en velkomst-e-post, og datoene for møtene kommer i egne invitasjoner.`,
      },
      'join-waitlisted': {
        title: () => 'Du står på ventelisten',
        lead: (f) =>
          `${nb.Group(f)} er full akkurat nå. Du står ${nb.queue(f)} og får en e-post når en plass blir ledig.`,
      },
      'join-pending-approval': {
        title: () => 'Takk – påmeldingen din venter på avgjørelse',
        lead: (f) =>
          `Organisasjonen din er ikke (ennå) registrert som medlemsorganisasjon i ${f.networkName}, så en koordinator går gjennom påmeldingen din til ${nb.group(f)}. Du får beskjed på e-post.`,
      },
      'join-request-approved': {
        title: (f) => `${f.requesterName ?? 'Personen'} har fått plass`,
        lead: (f) =>
          `Påmeldingen${nb.from(f)} til ${nb.group(f)} er godkjent. Personen får en velkomst-e-post.`,
      },
      'join-request-waitlisted': {
        title: () => 'Godkjent – på ventelisten',
        lead: (f) =>
          `Påmeldingen${nb.from(f)} er godkjent, men ${nb.group(f)} er full. Personen står ${nb.queue(f)} og får tilbud på e-post når en plass blir ledig.`,
      },
      'join-request-declined': {
        title: () => 'Påmeldingen er avslått',
        lead: (f) =>
          `Påmeldingen${nb.from(f)} til ${nb.group(f)} er avslått. Personen får beskjed på e-post.`,
      },
      'already-decided': {
        title: () => 'Allerede avgjort',
        lead: () => 'Påmeldingen er allerede avgjort. Du trenger ikke å gjøre noe mer.',
      },
      'left-group': {
        title: () => 'Du har meldt deg ut av gruppen',
        lead: (f) => `Du er ikke lenger med i ${nb.group(f)}. Du får en bekreftelse på e-post.`,
      },
      'left-waitlist': {
        title: () => 'Du har meldt deg av ventelisten',
        lead: (f) =>
          `Du står ikke lenger på ventelisten til ${nb.group(f)}. Du får en bekreftelse på e-post.`,
      },
      'offer-accepted': {
        title: () => 'Velkommen – plassen er din',
        lead: (f) =>
          `Du er med i ${nb.group(f)} i ${f.networkName}. Du får en velkomst-e-post, og datoene for møtene kommer i egne invitasjoner.`,
      },
      'offer-declined': {
        title: () => 'Takk for beskjeden',
        lead: (f) =>
          `Plassen i ${nb.group(f)} går videre til nestemann i køen. Du er velkommen til å melde deg på igjen senere.`,
      },
      'already-done': {
        title: () => 'Allerede gjort',
        lead: () => 'Dette er allerede gjort. Du trenger ikke å gjøre noe mer.',
      },
      'proposal-received': {
        title: () => 'Takk for forslaget ditt',
        lead: (f) =>
          `Forslaget ditt${f.groupTitle ? ` «${f.groupTitle}»` : ''} er bekreftet og sendt videre til koordinatorene i ${f.networkName}. Du får beskjed på e-post når de har sett på det.`,
      },
      'rsvp-recorded-yes': {
        title: () => 'Takk – vi ses!',
        lead: (f) =>
          `Du har svart at du kommer på møtet i ${nb.group(f)}${nb.when(f)}. Ombestemmer du deg, kan du svare på nytt via lenkene i invitasjonen.`,
      },
      'rsvp-recorded-no': {
        title: () => 'Notert – du kan ikke komme denne gangen',
        lead: (f) =>
          `Du har svart at du ikke kan komme på møtet i ${nb.group(f)}${nb.when(f)}. Plassen din i gruppen beholder du. Ombestemmer du deg, kan du svare på nytt via lenkene i invitasjonen.`,
      },
      'rsvp-recorded-no-series': {
        title: () => 'Plassen din er nå ledig',
        lead: (f) =>
          `Du har svart at du ikke kan komme på resten av møtene i ${nb.group(f)}, og plassen din går til noen andre som vil være med. Takk for tiden din i gruppen! Det som er sagt i gruppen, blir i gruppen.`,
      },
      'feedback-thanks': {
        title: () => 'Takk for svaret ditt',
        lead: (f) =>
          `Vi har tatt imot svaret ditt om møtet i ${nb.group(f)}${nb.when(f)}. Koordinatorene og den som leder møtene, får en sammenstilling uten navn når evalueringen er avsluttet. Vil du endre noe, kan du åpne lenken i e-posten igjen så lenge evalueringen er åpen.`,
      },
      'feedback-closed': {
        title: () => 'Evalueringen er stengt',
        lead: (f) =>
          `Det er ikke lenger mulig å svare på evalueringen av møtet i ${nb.group(f)}${nb.when(f)}: svarfristen er ute. Takk likevel for at du ville svare!`,
      },
    },
    errors: {
      invalid: {
        title: 'Noe i skjemaet må rettes',
        lead: 'Gå tilbake, sjekk det du har fylt ut, og send skjemaet på nytt.',
      },
      notFound: {
        title: 'Lenken er ikke gyldig',
        lead: 'Sjekk at du har kopiert hele lenken fra e-posten.',
      },
      expired: {
        title: 'Lenken er utløpt',
        lead: 'Meld deg gjerne på igjen, så får du en ny e-post med en ny lenke.',
      },
      tooLarge: {
        title: 'Det ble for mye på en gang',
        lead: 'Skjemaet inneholdt mer tekst enn vi kan ta imot. Kort ned teksten og prøv igjen.',
      },
      unsupportedType: {
        title: 'Vi kunne ikke lese skjemaet',
        lead: 'Skjemaet ble sendt i et format vi ikke tar imot. Ta gjerne kontakt med koordinatoren for nettverket.',
      },
      tooManyRequests: {
        title: 'For mange forsøk',
        lead: 'Vent noen minutter, og prøv igjen.',
      },
      unavailable: {
        title: 'Noe gikk galt hos oss',
        lead: 'Prøv igjen om litt. Det var ikke noe du gjorde feil.',
      },
      forbidden: {
        title: 'Du har ikke tilgang',
        lead: 'Du har ikke tilgang til å gjøre dette. Ta gjerne kontakt med koordinatoren for nettverket hvis du mener det er feil.',
      },
      groupNotFound: {
        title: 'Gruppen finnes ikke',
        lead: 'Gruppen kan være avsluttet eller slettet. Sjekk lenken, eller ta kontakt med koordinatoren for nettverket.',
      },
      groupClosed: {
        title: 'Gruppen tar ikke imot flere påmeldinger',
        lead: 'Gruppen er stengt for nye deltakere. Følg med på nye grupper i utsendelsene fra nettverket.',
      },
      offerExpired: {
        title: 'Tilbudet har gått ut',
        lead: 'Fristen for å takke ja er ute, og plassen har gått videre til nestemann i køen. Du er velkommen til å melde deg på gruppen igjen.',
      },
      generic: {
        title: 'Noe gikk galt',
        lead: 'Vi kunne ikke behandle forespørselen. Gå tilbake og prøv igjen.',
      },
    },
    fieldsIntro: 'Dette må rettes:',
    errorCode: 'Feilkode',
    fields: {
      name: 'Navn',
      email: 'E-postadresse',
      organisation: 'Organisasjon',
      role: 'Rolle',
      topics: 'Temaer',
      message: 'Melding',
      language: 'Språk',
      consent: 'Samtykke',
      title: 'Tittel',
      question: 'Spørsmål',
      response: 'Svar',
      rating: 'Vurdering',
      nextTimeBetter: 'Hva ville gjort neste møte bedre',
      parkedQuestions: 'Parkerte spørsmål',
      reflections: 'Refleksjoner',
      anonymous: 'Uten navn',
      kind: 'Type forespørsel',
    },
  },
  en: {
    confirm: {
      title: 'Confirm your registration',
      lead: (network) => `Click the button to confirm your interest in ${network}.`,
      button: 'Confirm',
      note: 'If you did not register, you can simply close this page. Nothing happens until you click the button.',
    },
    confirmed: {
      title: 'Thank you – you are registered',
      lead: (network) =>
        `Your interest in ${network} is confirmed. You will soon get an email about what happens next.`,
    },
    alreadyConfirmed: {
      title: 'Already confirmed',
      lead: (network) =>
        `Your registration with ${network} was already confirmed. There is nothing more you need to do.`,
    },
    receipt: {
      title: 'Thanks – check your inbox',
      lead: (network) =>
        `We have sent you an email with a link to confirm. Once you have clicked it, your registration with ${network} is complete.`,
      note: 'Cannot find it? Look in your spam folder, or wait a few minutes.',
    },
    proposalReceipt: {
      title: 'Thanks – check your inbox',
      lead: (network) =>
        `We have sent you an email with a link to confirm your group proposal. Once you have clicked it, the proposal goes to the coordinators of ${network}.`,
      note: 'Cannot find it? Look in your spam folder, or wait a few minutes.',
    },
    actions: {
      'confirm-join-request': {
        title: 'Confirm your request',
        lead: (f) => `Click the button to confirm your request to join ${en.group(f)} in ${f.networkName}.`,
        button: 'Confirm',
        note: 'If you did not ask to join, you can simply close this page. Nothing happens until you click the button.',
      },
      'approve-join-request': {
        title: 'Approve the request',
        lead: (f) =>
          `Approve the request${en.from(f)} to join ${en.group(f)}. They then get a seat in the group, or a place on the waitlist if the group is full.`,
        button: 'Approve',
        note: 'Nothing happens until you click the button.',
      },
      'decline-join-request': {
        title: 'Decline the request',
        lead: (f) => `Decline the request${en.from(f)} to join ${en.group(f)}. They will be told by email.`,
        button: 'Decline the request',
        note: 'Nothing happens until you click the button.',
      },
      'leave-group': {
        title: 'Leave the group',
        lead: (f) =>
          `Do you want to leave ${en.group(f)} in ${f.networkName}? Your seat then goes to someone else who would like to take part.`,
        button: 'Leave the group',
        note: 'Changed your mind? Just close this page. Nothing happens until you click the button.',
      },
      'leave-waitlist': {
        title: 'Leave the waitlist',
        lead: (f) =>
          `Do you want to leave the waitlist for ${en.group(f)} in ${f.networkName}? You will then not be offered a seat when one frees up.`,
        button: 'Leave the waitlist',
        note: 'Changed your mind? Just close this page. Nothing happens until you click the button.',
      },
      'accept-offer': {
        title: 'Accept the seat',
        lead: (f) =>
          `A seat in ${en.group(f)} in ${f.networkName} is waiting for you. Click the button to accept it.`,
        button: 'Accept',
        note: 'Nothing happens until you click the button.',
      },
      'decline-offer': {
        title: 'Decline the seat',
        lead: (f) =>
          `Do you want to decline the seat in ${en.group(f)} in ${f.networkName}? It then goes straight to the next in line.`,
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
          `Click the button to answer that you are coming to the meeting of ${en.group(f)}${en.when(f)}.`,
        button: 'I’m coming',
        note: 'Nothing happens until you click the button.',
      },
      'rsvp-no': {
        title: 'Answer that you cannot come',
        lead: (f) =>
          `Click the button to answer that you cannot come to the meeting of ${en.group(f)}${en.when(f)}. You keep your seat in the group.`,
        button: 'I can’t come',
        note: 'Changed your mind? Just close this page. Nothing happens until you click the button.',
      },
      'rsvp-no-series': {
        title: 'Miss the rest of the meetings',
        lead: (f) =>
          `Cannot come to the rest of the meetings of ${en.group(f)}${en.onwards(f)}? Then your seat in the group is freed and goes to someone else who would like to take part.`,
        button: 'Give up my seat',
        note: `Only missing one meeting? Close this page and use the link “${meetingCopy.en.noLabel}” in the invitation instead. Nothing happens until you click the button.`,
      },
    },
    declineMessage: {
      label: (requester) => `Message to ${requester ?? 'the person'} (optional)`,
      hint: (max) => `The message goes with the answer in the email. ${max} characters at most.`,
    },
    results: {
      'join-approved': {
        title: () => 'Welcome – you have a seat',
        lead: (f) =>
          `You are now part of ${en.group(f)} in ${f.networkName}. You will get a welcome email, and the meeting dates follow in separate invitations.`,
      },
      'join-waitlisted': {
        title: () => 'You are on the waitlist',
        lead: (f) =>
          `${en.Group(f)} is full right now. You are ${en.queue(f)} and will get an email when a seat frees up.`,
      },
      'join-pending-approval': {
        title: () => 'Thank you – your request awaits a decision',
        lead: (f) =>
          `Your organisation is not (yet) registered as a member organisation of ${f.networkName}, so a coordinator will look at your request to join ${en.group(f)}. You will hear by email.`,
      },
      'join-request-approved': {
        title: (f) => `${f.requesterName ?? 'They'} got a seat`,
        lead: (f) =>
          `The request${en.from(f)} to join ${en.group(f)} is approved. They will get a welcome email.`,
      },
      'join-request-waitlisted': {
        title: () => 'Approved – on the waitlist',
        lead: (f) =>
          `The request${en.from(f)} is approved, but ${en.group(f)} is full. They are ${en.queue(f)} and will be offered a seat by email when one frees up.`,
      },
      'join-request-declined': {
        title: () => 'Request declined',
        lead: (f) =>
          `The request${en.from(f)} to join ${en.group(f)} is declined. They will be told by email.`,
      },
      'already-decided': {
        title: () => 'Already decided',
        lead: () => 'This request has already been decided. There is nothing more you need to do.',
      },
      'left-group': {
        title: () => 'You have left the group',
        lead: (f) => `You are no longer part of ${en.group(f)}. You will get a confirmation by email.`,
      },
      'left-waitlist': {
        title: () => 'You have left the waitlist',
        lead: (f) =>
          `You are no longer on the waitlist for ${en.group(f)}. You will get a confirmation by email.`,
      },
      'offer-accepted': {
        title: () => 'Welcome – the seat is yours',
        lead: (f) =>
          `You are now part of ${en.group(f)} in ${f.networkName}. You will get a welcome email, and the meeting dates follow in separate invitations.`,
      },
      'offer-declined': {
        title: () => 'Thank you for letting us know',
        lead: (f) =>
          `The seat in ${en.group(f)} goes to the next in line. You are welcome to ask to join again later on.`,
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
          `You have answered that you are coming to the meeting of ${en.group(f)}${en.when(f)}. If you change your mind, you can answer again by the links in the invitation.`,
      },
      'rsvp-recorded-no': {
        title: () => 'Noted – you cannot come this time',
        lead: (f) =>
          `You have answered that you cannot come to the meeting of ${en.group(f)}${en.when(f)}. You keep your seat in the group. If you change your mind, you can answer again by the links in the invitation.`,
      },
      'rsvp-recorded-no-series': {
        title: () => 'Your seat is now free',
        lead: (f) =>
          `You have answered that you cannot come to the rest of the meetings of ${en.group(f)}, and your seat goes to someone else who would like to take part. Thank you for your time in the group! What was said in the group stays in the group.`,
      },
      'feedback-thanks': {
        title: () => 'Thank you for your answer',
        lead: (f) =>
          `We have received your answer about the meeting of ${en.group(f)}${en.when(f)}. The coordinators and the facilitator get a summary without names once the evaluation has closed. If you would like to change something, open the link in the email again while the evaluation is open.`,
      },
      'feedback-closed': {
        title: () => 'The evaluation has closed',
        lead: (f) =>
          `It is no longer possible to answer the evaluation of the meeting of ${en.group(f)}${en.when(f)}: the time to answer has run out. Thank you all the same for wanting to answer!`,
      },
    },
    errors: {
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
        lead: 'The time to accept has run out, and the seat has passed to the next in line. You are welcome to ask to join the group again.',
      },
      generic: {
        title: 'Something went wrong',
        lead: 'We could not handle the request. Please go back and try again.',
      },
    },
    fieldsIntro: 'These need fixing:',
    errorCode: 'Error code',
    fields: {
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
    },
  },
};
