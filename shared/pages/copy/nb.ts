import { meetingCopy } from '../../mail/meetings.ts';
import { type GroupPageFacts, meetingTime, type PageCopy } from './types.ts';

// A group named in a sentence, the requester, the place in line and the meeting, as in sv.ts.
const phrase = {
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

export const confirm = {
  title: 'Bekreft påmeldingen din',
  lead: (network) => `Klikk på knappen for å bekrefte interessen din for ${network}.`,
  button: 'Bekreft',
  note: 'Har du ikke meldt deg på, kan du bare lukke siden. Ingenting skjer før du klikker på knappen.',
} satisfies PageCopy['confirm'];

export const confirmed = {
  title: 'Takk – nå er du påmeldt',
  lead: (network) =>
    `Interessen din for ${network} er bekreftet. Du får snart en e-post om hva som skjer videre.`,
} satisfies PageCopy['confirmed'];

export const alreadyConfirmed = {
  title: 'Allerede bekreftet',
  lead: (network) =>
    `Påmeldingen din til ${network} var allerede bekreftet. Du trenger ikke å gjøre noe mer.`,
} satisfies PageCopy['alreadyConfirmed'];

export const receipt = {
  title: 'Takk – sjekk innboksen din',
  lead: (network) =>
    `Vi har sendt en e-post med en lenke som du klikker på for å bekrefte. Da er påmeldingen din til ${network} fullført.`,
  note: 'Finner du ikke e-posten? Sjekk søppelposten, eller vent noen minutter.',
} satisfies PageCopy['receipt'];

export const joinReceipt = {
  title: 'Takk – sjekk innboksen din',
  lead: (network) =>
    `Vi har sendt en e-post med en lenke som du klikker på for å bekrefte påmeldingen din til gruppen i ${network}. Deretter får du vite om du har fått plass, står på ventelisten eller venter på at en koordinator går gjennom påmeldingen.`,
  note: 'Finner du ikke e-posten? Sjekk søppelposten, eller vent noen minutter.',
} satisfies PageCopy['joinReceipt'];

export const proposalReceipt = {
  title: 'Takk – sjekk innboksen din',
  lead: (network) =>
    `Vi har sendt en e-post med en lenke som du klikker på for å bekrefte gruppeforslaget ditt. Da går forslaget videre til koordinatorene i ${network}.`,
  note: 'Finner du ikke e-posten? Sjekk søppelposten, eller vent noen minutter.',
} satisfies PageCopy['proposalReceipt'];

export const actions = {
  'confirm-join-request': {
    title: 'Bekreft påmeldingen din',
    lead: (f) => `Klikk på knappen for å bekrefte påmeldingen din til ${phrase.group(f)} i ${f.networkName}.`,
    button: 'Bekreft',
    note: 'Har du ikke meldt deg på, kan du bare lukke siden. Ingenting skjer før du klikker på knappen.',
  },
  'approve-join-request': {
    title: 'Godkjenn påmeldingen',
    lead: (f) =>
      `Godkjenn påmeldingen${phrase.from(f)} til ${phrase.group(f)}. Personen får da plass i gruppen, eller plass på ventelisten hvis gruppen er full.`,
    button: 'Godkjenn',
    note: 'Ingenting skjer før du klikker på knappen.',
  },
  'decline-join-request': {
    title: 'Avslå påmeldingen',
    lead: (f) => `Avslå påmeldingen${phrase.from(f)} til ${phrase.group(f)}. Personen får beskjed på e-post.`,
    button: 'Avslå påmeldingen',
    note: 'Ingenting skjer før du klikker på knappen.',
  },
  'leave-group': {
    title: 'Meld deg ut av gruppen',
    lead: (f) =>
      `Vil du melde deg ut av ${phrase.group(f)} i ${f.networkName}? Plassen din blir da ledig, og tar gruppen imot nye deltakere, går den til noen andre som vil være med.`,
    button: 'Meld meg ut',
    note: 'Har du ombestemt deg, kan du bare lukke siden. Ingenting skjer før du klikker på knappen.',
  },
  'leave-waitlist': {
    title: 'Meld deg av ventelisten',
    lead: (f) =>
      `Vil du melde deg av ventelisten til ${phrase.group(f)} i ${f.networkName}? Da får du ingen plass når en blir ledig.`,
    button: 'Meld meg av ventelisten',
    note: 'Har du ombestemt deg, kan du bare lukke siden. Ingenting skjer før du klikker på knappen.',
  },
  'accept-offer': {
    title: 'Takk ja til plassen',
    lead: (f) =>
      `En plass i ${phrase.group(f)} i ${f.networkName} venter på deg. Klikk på knappen for å takke ja.`,
    button: 'Takk ja',
    note: 'Ingenting skjer før du klikker på knappen.',
  },
  'decline-offer': {
    title: 'Takk nei til plassen',
    lead: (f) =>
      `Vil du takke nei til plassen i ${phrase.group(f)} i ${f.networkName}? Den går da med en gang til nestemann i køen.`,
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
    lead: (f) => `Klikk på knappen for å svare at du kommer på møtet i ${phrase.group(f)}${phrase.when(f)}.`,
    button: 'Jeg kommer',
    note: 'Ingenting skjer før du klikker på knappen.',
  },
  'rsvp-no': {
    title: 'Svar at du ikke kan komme',
    lead: (f) =>
      `Klikk på knappen for å svare at du ikke kan komme på møtet i ${phrase.group(f)}${phrase.when(f)}. Plassen din i gruppen beholder du.`,
    button: 'Jeg kan ikke komme',
    note: 'Har du ombestemt deg, kan du bare lukke siden. Ingenting skjer før du klikker på knappen.',
  },
  'rsvp-no-series': {
    title: 'Stå over resten av møtene',
    lead: (f) =>
      `Kan du ikke komme på resten av møtene i ${phrase.group(f)}${phrase.onwards(f)}? Da gir du fra deg plassen din i gruppen, og tar gruppen imot nye deltakere, går den til noen andre som vil være med.`,
    button: 'Gi fra meg plassen',
    // A getter: read when the page is made, so a function without action pages can drop the mail copy.
    get note() {
      return `Vil du bare stå over ett møte? Lukk siden og bruk heller lenken «${meetingCopy.nb.noLabel}» i invitasjonen. Ingenting skjer før du klikker på knappen.`;
    },
  },
} satisfies PageCopy['actions'];

export const declineMessage = {
  label: (requester) => `Melding til ${requester ?? 'personen'} (valgfritt)`,
  hint: (max) => `Meldingen følger med i e-posten med beskjeden. Høyst ${max} tegn.`,
} satisfies PageCopy['declineMessage'];

/** A seat taken: by the join link or an accepted offer. */
const welcomeLead = (f: GroupPageFacts) =>
  `Du er med i ${phrase.group(f)} i ${f.networkName}. ${f.mailOff ? 'Du får en velkomst-e-post. Du har slått av all e-post fra nettverket, så invitasjonene til møtene kommer ikke; vil du ha dem, slår du på e-posten igjen med lenken nederst i velkomst-e-posten.' : 'Du får en velkomst-e-post, og datoene for møtene kommer i egne invitasjoner.'}`;

export const results = {
  'join-approved': {
    title: () => 'Velkommen – du har fått plass',
    lead: (f) => welcomeLead(f),
  },
  'join-waitlisted': {
    title: () => 'Du står på ventelisten',
    lead: (f) =>
      `${phrase.Group(f)} er full akkurat nå. Du står ${phrase.queue(f)} og får en e-post når en plass blir ledig.`,
  },
  'join-pending-approval': {
    title: () => 'Takk – påmeldingen din venter på avgjørelse',
    lead: (f) =>
      `Organisasjonen din er ikke (ennå) registrert som medlemsorganisasjon i ${f.networkName}, så en koordinator går gjennom påmeldingen din til ${phrase.group(f)}. Du får beskjed på e-post.`,
  },
  'join-request-approved': {
    title: (f) => `${f.requesterName ?? 'Personen'} har fått plass`,
    lead: (f) =>
      `Påmeldingen${phrase.from(f)} til ${phrase.group(f)} er godkjent. Personen får en velkomst-e-post.`,
  },
  'join-request-waitlisted': {
    title: () => 'Godkjent – på ventelisten',
    lead: (f) =>
      `Påmeldingen${phrase.from(f)} er godkjent, men ${phrase.group(f)} er full. Personen står ${phrase.queue(f)} og får beskjed på e-post når det blir en plass: et tilbud å svare på, eller plassen med en gang hvis gruppen får flere plasser.`,
  },
  'join-request-declined': {
    title: () => 'Påmeldingen er avslått',
    lead: (f) =>
      `Påmeldingen${phrase.from(f)} til ${phrase.group(f)} er avslått. Personen får beskjed på e-post.`,
  },
  'already-decided': {
    title: () => 'Allerede avgjort',
    lead: () => 'Påmeldingen er allerede avgjort. Du trenger ikke å gjøre noe mer.',
  },
  'left-group': {
    title: () => 'Du har meldt deg ut av gruppen',
    lead: (f) => `Du er ikke lenger med i ${phrase.group(f)}. Du får en bekreftelse på e-post.`,
  },
  'left-waitlist': {
    title: () => 'Du har meldt deg av ventelisten',
    lead: (f) =>
      `Du står ikke lenger på ventelisten til ${phrase.group(f)}. Du får en bekreftelse på e-post.`,
  },
  'offer-accepted': {
    title: () => 'Velkommen – plassen er din',
    lead: (f) => welcomeLead(f),
  },
  'offer-declined': {
    title: () => 'Takk for beskjeden',
    lead: (f) =>
      `Plassen i ${phrase.group(f)} er ikke lenger holdt av til deg. Du er velkommen til å melde deg på igjen senere.`,
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
      `Du har svart at du kommer på møtet i ${phrase.group(f)}${phrase.when(f)}. Ombestemmer du deg, kan du svare på nytt via lenkene i invitasjonen.`,
  },
  'rsvp-recorded-no': {
    title: () => 'Notert – du kan ikke komme denne gangen',
    lead: (f) =>
      `Du har svart at du ikke kan komme på møtet i ${phrase.group(f)}${phrase.when(f)}. Plassen din i gruppen beholder du. Ombestemmer du deg, kan du svare på nytt via lenkene i invitasjonen.`,
  },
  'rsvp-recorded-no-series': {
    title: () => 'Plassen din er nå ledig',
    lead: (f) =>
      `Du har svart at du ikke kan komme på resten av møtene i ${phrase.group(f)}, og du har gitt fra deg plassen din i gruppen. Takk for tiden din i gruppen! Det som er sagt i gruppen, blir i gruppen.`,
  },
  'feedback-thanks': {
    title: () => 'Takk for svaret ditt',
    lead: (f) =>
      `Vi har tatt imot svaret ditt om møtet i ${phrase.group(f)}${phrase.when(f)}. ${f.anonymous ? 'Det er lagret uten kobling til deg.' : 'Du sendte med navnet ditt, så koordinatorene ser at svaret kommer fra deg.'} Vil du endre noe, kan du åpne lenken i e-posten igjen så lenge evalueringen er åpen.`,
  },
  'feedback-closed': {
    title: () => 'Evalueringen er stengt',
    lead: (f) =>
      `Det er ikke lenger mulig å svare på evalueringen av møtet i ${phrase.group(f)}${phrase.when(f)}: svarfristen er ute. Takk likevel for at du ville svare!`,
  },
} satisfies PageCopy['results'];

export const errors = {
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
    lead: 'Fristen for å takke ja er ute, og plassen er ikke lenger holdt av til deg. Du er velkommen til å melde deg på gruppen igjen.',
  },
  generic: {
    title: 'Noe gikk galt',
    lead: 'Vi kunne ikke behandle forespørselen. Gå tilbake og prøv igjen.',
  },
} satisfies PageCopy['errors'];

export const fieldsIntro = 'Dette må rettes:' satisfies PageCopy['fieldsIntro'];

export const errorCode = 'Feilkode' satisfies PageCopy['errorCode'];

export const fields = {
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
} satisfies PageCopy['fields'];
