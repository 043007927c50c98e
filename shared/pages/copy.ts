import type { Language } from '../i18n.ts';

/** The kinds of error page; a status maps onto one in errorKind (pages.ts). */
export type ErrorKind =
  | 'invalid'
  | 'notFound'
  | 'expired'
  | 'tooLarge'
  | 'unsupportedType'
  | 'tooManyRequests'
  | 'unavailable'
  | 'generic';

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
  | 'kind';

export interface PageCopy {
  confirm: { title: string; lead(networkName: string): string; button: string; note: string };
  confirmed: { title: string; lead(networkName: string): string };
  alreadyConfirmed: { title: string; lead(networkName: string): string };
  receipt: { title: string; lead(networkName: string): string; note: string };
  errors: Record<ErrorKind, { title: string; lead: string }>;
  fieldsIntro: string;
  errorCode: string;
  fields: Record<FieldName, string>;
}

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
      kind: 'Request type',
    },
  },
};
