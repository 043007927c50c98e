import { meetingCopy } from '../../mail/meetings.ts';
import { type GroupPageFacts, meetingTime, type PageCopy } from './types.ts';

// A group named in a sentence: "gruppen ”Rektors mandat”", or just "gruppen" when the title is unknown.
const phrase = {
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

export const confirm = {
  title: 'Bekräfta din anmälan',
  lead: (network) => `Klicka på knappen för att bekräfta ditt intresse för ${network}.`,
  button: 'Bekräfta',
  note: 'Har du inte anmält dig kan du bara stänga sidan. Ingenting händer förrän du klickar på knappen.',
} satisfies PageCopy['confirm'];

export const confirmed = {
  title: 'Tack – nu är du anmäld',
  lead: (network) =>
    `Ditt intresse för ${network} är bekräftat. Du får snart ett mejl om vad som händer härnäst.`,
} satisfies PageCopy['confirmed'];

export const alreadyConfirmed = {
  title: 'Redan bekräftad',
  lead: (network) => `Din anmälan till ${network} var redan bekräftad. Du behöver inte göra något mer.`,
} satisfies PageCopy['alreadyConfirmed'];

export const receipt = {
  title: 'Tack – titta i din inkorg',
  lead: (network) =>
    `Vi har skickat ett mejl med en länk som du klickar på för att bekräfta. Sedan är din anmälan till ${network} klar.`,
  note: 'Hittar du inte mejlet? Titta i skräpposten, eller vänta några minuter.',
} satisfies PageCopy['receipt'];

export const joinReceipt = {
  title: 'Tack – titta i din inkorg',
  lead: (network) =>
    `Vi har skickat ett mejl med en länk som du klickar på för att bekräfta din anmälan till gruppen i ${network}. Sedan får du veta om du har fått en plats, står på väntelistan eller väntar på att en samordnare går igenom anmälan.`,
  note: 'Hittar du inte mejlet? Titta i skräpposten, eller vänta några minuter.',
} satisfies PageCopy['joinReceipt'];

export const proposalReceipt = {
  title: 'Tack – titta i din inkorg',
  lead: (network) =>
    `Vi har skickat ett mejl med en länk som du klickar på för att bekräfta ditt gruppförslag. Sedan går förslaget vidare till samordnarna i ${network}.`,
  note: 'Hittar du inte mejlet? Titta i skräpposten, eller vänta några minuter.',
} satisfies PageCopy['proposalReceipt'];

export const actions = {
  'confirm-join-request': {
    title: 'Bekräfta din anmälan',
    lead: (f) => `Klicka på knappen för att bekräfta din anmälan till ${phrase.group(f)} i ${f.networkName}.`,
    button: 'Bekräfta',
    note: 'Har du inte anmält dig kan du bara stänga sidan. Ingenting händer förrän du klickar på knappen.',
  },
  'approve-join-request': {
    title: 'Godkänn anmälan',
    lead: (f) =>
      `Godkänn anmälan${phrase.from(f)} till ${phrase.group(f)}. Personen får då en plats i gruppen, eller en plats på väntelistan om gruppen är full.`,
    button: 'Godkänn',
    note: 'Ingenting händer förrän du klickar på knappen.',
  },
  'decline-join-request': {
    title: 'Avböj anmälan',
    lead: (f) => `Avböj anmälan${phrase.from(f)} till ${phrase.group(f)}. Personen får beskedet via mejl.`,
    button: 'Avböj anmälan',
    note: 'Ingenting händer förrän du klickar på knappen.',
  },
  'leave-group': {
    title: 'Lämna gruppen',
    lead: (f) =>
      `Vill du lämna ${phrase.group(f)} i ${f.networkName}? Din plats blir då ledig, och tar gruppen emot nya deltagare går den till någon annan som vill vara med.`,
    button: 'Lämna gruppen',
    note: 'Har du ångrat dig kan du bara stänga sidan. Ingenting händer förrän du klickar på knappen.',
  },
  'leave-waitlist': {
    title: 'Lämna väntelistan',
    lead: (f) =>
      `Vill du lämna väntelistan till ${phrase.group(f)} i ${f.networkName}? Du får då ingen plats när en blir ledig.`,
    button: 'Lämna väntelistan',
    note: 'Har du ångrat dig kan du bara stänga sidan. Ingenting händer förrän du klickar på knappen.',
  },
  'accept-offer': {
    title: 'Tacka ja till platsen',
    lead: (f) =>
      `En plats i ${phrase.group(f)} i ${f.networkName} väntar på dig. Klicka på knappen för att tacka ja.`,
    button: 'Tacka ja',
    note: 'Ingenting händer förrän du klickar på knappen.',
  },
  'decline-offer': {
    title: 'Tacka nej till platsen',
    lead: (f) =>
      `Vill du tacka nej till platsen i ${phrase.group(f)} i ${f.networkName}? Den går då direkt till nästa i kön.`,
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
      `Klicka på knappen för att svara att du kommer till träffen i ${phrase.group(f)}${phrase.when(f)}.`,
    button: 'Jag kommer',
    note: 'Ingenting händer förrän du klickar på knappen.',
  },
  'rsvp-no': {
    title: 'Svara att du inte kan komma',
    lead: (f) =>
      `Klicka på knappen för att svara att du inte kan komma till träffen i ${phrase.group(f)}${phrase.when(f)}. Din plats i gruppen har du kvar.`,
    button: 'Jag kan inte komma',
    note: 'Har du ångrat dig kan du bara stänga sidan. Ingenting händer förrän du klickar på knappen.',
  },
  'rsvp-no-series': {
    title: 'Avstå resten av träffarna',
    lead: (f) =>
      `Kan du inte komma på resten av träffarna i ${phrase.group(f)}${phrase.onwards(f)}? Då lämnar du din plats i gruppen, och tar gruppen emot nya deltagare går den till någon annan som vill vara med.`,
    button: 'Lämna min plats',
    // A getter: read when the page is made, so a function without action pages can drop the mail copy.
    get note() {
      return `Vill du bara avstå en enda träff? Stäng sidan och använd i stället länken ”${meetingCopy.sv.noLabel}” i inbjudan. Ingenting händer förrän du klickar på knappen.`;
    },
  },
} satisfies PageCopy['actions'];

export const declineMessage = {
  label: (requester) => `Meddelande till ${requester ?? 'personen'} (frivilligt)`,
  hint: (max) => `Meddelandet följer med i mejlet med beskedet. Högst ${max} tecken.`,
} satisfies PageCopy['declineMessage'];

/** A seat taken: by the join link or an accepted offer. */
const welcomeLead = (f: GroupPageFacts) =>
  `Du är med i ${phrase.group(f)} i ${f.networkName}. ${f.mailOff ? 'Du får ett välkomstmejl. Du har stängt av alla mejl från nätverket, så inbjudningarna till träffarna kommer inte; vill du ha dem slår du på mejlen igen med länken längst ned i välkomstmejlet.' : 'Du får ett välkomstmejl, och datum för träffarna kommer i separata inbjudningar.'}`;

export const results = {
  'join-approved': {
    title: () => 'Välkommen – du har fått en plats',
    lead: (f) => welcomeLead(f),
  },
  'join-waitlisted': {
    title: () => 'Du står på väntelistan',
    lead: (f) =>
      `${phrase.Group(f)} är full just nu. Du står ${phrase.queue(f)} och får ett mejl när en plats blir ledig.`,
  },
  'join-pending-approval': {
    title: () => 'Tack – din anmälan väntar på beslut',
    lead: (f) =>
      `Din organisation är inte (ännu) registrerad som medlemsorganisation i ${f.networkName}, så en samordnare går igenom din anmälan till ${phrase.group(f)}. Du får besked via mejl.`,
  },
  'join-request-approved': {
    title: (f) => `${f.requesterName ?? 'Personen'} har fått en plats`,
    lead: (f) =>
      `Anmälan${phrase.from(f)} till ${phrase.group(f)} är godkänd. Personen får ett välkomstmejl.`,
  },
  'join-request-waitlisted': {
    title: () => 'Godkänd – på väntelistan',
    lead: (f) =>
      `Anmälan${phrase.from(f)} är godkänd, men ${phrase.group(f)} är full. Personen står ${phrase.queue(f)} och får besked via mejl när det blir en plats: ett erbjudande att svara på, eller platsen direkt om gruppen får fler platser.`,
  },
  'join-request-declined': {
    title: () => 'Anmälan är avböjd',
    lead: (f) =>
      `Anmälan${phrase.from(f)} till ${phrase.group(f)} är avböjd. Personen får beskedet via mejl.`,
  },
  'already-decided': {
    title: () => 'Redan beslutad',
    lead: () => 'Anmälan har redan fått ett beslut. Du behöver inte göra något mer.',
  },
  'left-group': {
    title: () => 'Du har lämnat gruppen',
    lead: (f) => `Du är inte längre med i ${phrase.group(f)}. Du får en bekräftelse via mejl.`,
  },
  'left-waitlist': {
    title: () => 'Du har lämnat väntelistan',
    lead: (f) =>
      `Du står inte längre på väntelistan till ${phrase.group(f)}. Du får en bekräftelse via mejl.`,
  },
  'offer-accepted': {
    title: () => 'Välkommen – platsen är din',
    lead: (f) => welcomeLead(f),
  },
  'offer-declined': {
    title: () => 'Tack för beskedet',
    lead: (f) =>
      `Platsen i ${phrase.group(f)} är inte längre reserverad för dig. Du är välkommen att anmäla dig igen längre fram.`,
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
      `Du har svarat att du kommer till träffen i ${phrase.group(f)}${phrase.when(f)}. Ändrar du dig kan du svara på nytt via länkarna i inbjudan.`,
  },
  'rsvp-recorded-no': {
    title: () => 'Noterat – du kan inte komma den här gången',
    lead: (f) =>
      `Du har svarat att du inte kan komma till träffen i ${phrase.group(f)}${phrase.when(f)}. Din plats i gruppen har du kvar. Ändrar du dig kan du svara på nytt via länkarna i inbjudan.`,
  },
  'rsvp-recorded-no-series': {
    title: () => 'Din plats är nu ledig',
    lead: (f) =>
      `Du har svarat att du inte kan komma på resten av träffarna i ${phrase.group(f)}, och du har lämnat din plats i gruppen. Tack för din tid i gruppen! Det som har sagts i gruppen stannar i gruppen.`,
  },
  'feedback-thanks': {
    title: () => 'Tack för ditt svar',
    lead: (f) =>
      `Vi har tagit emot ditt svar om träffen i ${phrase.group(f)}${phrase.when(f)}. ${f.anonymous ? 'Det är sparat utan koppling till dig.' : 'Du skickade med ditt namn, så samordnarna ser att svaret kommer från dig.'} Vill du ändra något kan du öppna länken i mejlet igen så länge utvärderingen är öppen.`,
  },
  'feedback-closed': {
    title: () => 'Utvärderingen är stängd',
    lead: (f) =>
      `Det går inte längre att svara på utvärderingen av träffen i ${phrase.group(f)}${phrase.when(f)}: svarstiden har gått ut. Tack ändå för att du ville svara!`,
  },
} satisfies PageCopy['results'];

export const errors = {
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
    lead: 'Tiden för att tacka ja har gått ut, och platsen är inte längre reserverad för dig. Du är välkommen att anmäla dig till gruppen igen.',
  },
  generic: {
    title: 'Något gick fel',
    lead: 'Vi kunde inte hantera förfrågan. Gå tillbaka och försök igen.',
  },
} satisfies PageCopy['errors'];

export const fieldsIntro = 'Det här behöver rättas:' satisfies PageCopy['fieldsIntro'];

export const errorCode = 'Felkod' satisfies PageCopy['errorCode'];

export const fields = {
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
} satisfies PageCopy['fields'];
