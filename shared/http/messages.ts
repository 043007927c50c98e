import type { Language } from '../i18n.ts';

/**
 * What an error says, in the request's language. Field messages speak to the person filling in the
 * form; codes stay English and stable for programs.
 */
export const errorCodes = [
  'validation_failed',
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'network_not_found',
  'not_found',
  'method_not_allowed',
  'link_not_found',
  'link_expired',
  'registration_expired',
  'service_unavailable',
  'internal_error',
  'unauthorized',
  'forbidden',
  'network_exists',
  'group_not_found',
  'group_closed',
  'offer_expired',
  'capacity_below_seats',
  'already_decided',
  'meeting_cancelled',
  'meeting_changed',
  'evaluation_closed',
  'proposal_not_found',
  'proposal_already_decided',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorMessages: Record<Language, Record<ErrorCode, string>> = {
  sv: {
    evaluation_closed: 'Utvärderingen av träffen är stängd.',
    meeting_cancelled: 'Träffen är inställd och kan inte ändras.',
    meeting_changed: 'Träffen ändrades av någon annan samtidigt. Läs in den igen och försök på nytt.',
    already_decided: 'Förfrågan är redan avgjord.',
    proposal_not_found: 'Gruppförslaget finns inte.',
    proposal_already_decided: 'Gruppförslaget är redan avgjort.',
    group_not_found: 'Gruppen finns inte.',
    group_closed: 'Gruppen tar inte emot nya deltagare.',
    offer_expired: 'Erbjudandet om en plats har gått ut, och platsen har gått vidare till nästa i kön.',
    capacity_below_seats: 'Antalet platser kan inte bli lägre än antalet deltagare som redan har en plats.',
    validation_failed: 'Några uppgifter behöver rättas. Se fälten nedan.',
    invalid_json: 'Förfrågan kunde inte läsas: den är inte giltig JSON.',
    unsupported_media_type: 'Skicka formuläret som application/json eller application/x-www-form-urlencoded.',
    payload_too_large: 'Förfrågan är för stor (högst 32 kB).',
    network_not_found: 'Nätverket finns inte.',
    not_found: 'Sidan finns inte.',
    method_not_allowed: 'Metoden stöds inte här.',
    link_not_found: 'Länken är inte giltig. Kontrollera att du har kopierat hela länken.',
    link_expired: 'Länken har slutat gälla.',
    registration_expired: 'Anmälan har gått ut eftersom den inte bekräftades i tid. Anmäl dig gärna igen.',
    service_unavailable: 'Tjänsten är tillfälligt överbelastad. Försök igen om en stund.',
    internal_error: 'Något gick fel hos oss. Försök igen om en stund.',
    unauthorized: 'Logga in som samordnare för att använda det här.',
    forbidden: 'Du har inte behörighet till det här, t.ex. för att du inte samordnar nätverket.',
    network_exists: 'Det finns redan ett nätverk med det id:t.',
  },
  nb: {
    evaluation_closed: 'Evalueringen av møtet er stengt.',
    meeting_cancelled: 'Møtet er avlyst og kan ikke endres.',
    meeting_changed: 'Møtet ble endret av noen andre samtidig. Last det inn på nytt og prøv igjen.',
    already_decided: 'Forespørselen er allerede avgjort.',
    proposal_not_found: 'Gruppeforslaget finnes ikke.',
    proposal_already_decided: 'Gruppeforslaget er allerede avgjort.',
    group_not_found: 'Gruppen finnes ikke.',
    group_closed: 'Gruppen tar ikke imot nye deltakere.',
    offer_expired: 'Tilbudet om en plass har gått ut, og plassen har gått videre til nestemann i køen.',
    capacity_below_seats: 'Antall plasser kan ikke bli lavere enn antall deltakere som allerede har plass.',
    validation_failed: 'Noen opplysninger må rettes. Se feltene nedenfor.',
    invalid_json: 'Forespørselen kunne ikke leses: den er ikke gyldig JSON.',
    unsupported_media_type: 'Send skjemaet som application/json eller application/x-www-form-urlencoded.',
    payload_too_large: 'Forespørselen er for stor (høyst 32 kB).',
    network_not_found: 'Nettverket finnes ikke.',
    not_found: 'Siden finnes ikke.',
    method_not_allowed: 'Metoden støttes ikke her.',
    link_not_found: 'Lenken er ikke gyldig. Sjekk at du har kopiert hele lenken.',
    link_expired: 'Lenken er ikke lenger gyldig.',
    registration_expired:
      'Påmeldingen er utløpt fordi den ikke ble bekreftet i tide. Meld deg gjerne på igjen.',
    service_unavailable: 'Tjenesten er midlertidig overbelastet. Prøv igjen om litt.',
    internal_error: 'Noe gikk galt hos oss. Prøv igjen om litt.',
    unauthorized: 'Logg inn som koordinator for å bruke dette.',
    forbidden: 'Du har ikke tilgang til dette, f.eks. fordi du ikke koordinerer nettverket.',
    network_exists: 'Det finnes allerede et nettverk med den id-en.',
  },
  en: {
    evaluation_closed: 'The evaluation of this meeting has closed.',
    meeting_cancelled: 'The meeting is cancelled and cannot be changed.',
    meeting_changed: 'Someone else changed the meeting at the same time. Reload it and try again.',
    already_decided: 'This request has already been decided.',
    proposal_not_found: 'There is no such group proposal.',
    proposal_already_decided: 'This group proposal has already been decided.',
    group_not_found: 'There is no such group.',
    group_closed: 'This group does not take new participants.',
    offer_expired: 'The offer of a seat has expired, and the seat went to the next in line.',
    capacity_below_seats:
      'The capacity cannot be lower than the number of participants who already have a seat.',
    validation_failed: 'Some details need correcting. See the fields below.',
    invalid_json: 'The request could not be read: it is not valid JSON.',
    unsupported_media_type: 'Send the form as application/json or application/x-www-form-urlencoded.',
    payload_too_large: 'The request is too large (32 kB at most).',
    network_not_found: 'There is no such network.',
    not_found: 'There is no such page.',
    method_not_allowed: 'That method is not supported here.',
    link_not_found: 'This link is not valid. Check that you copied the whole link.',
    link_expired: 'This link has expired.',
    registration_expired:
      'The registration lapsed because it was not confirmed in time. You are welcome to register again.',
    service_unavailable: 'The service is busy right now. Please try again in a moment.',
    internal_error: 'Something went wrong on our side. Please try again in a moment.',
    unauthorized: 'Sign in as a coordinator to use this.',
    forbidden: 'You do not have access to this, e.g. because you do not coordinate the network.',
    network_exists: 'A network with this id already exists.',
  },
};

export type FieldProblem =
  | 'required'
  | 'invalid_email'
  | 'too_short'
  | 'too_long'
  | 'too_many'
  | 'too_small_number'
  | 'too_big_number'
  | 'invalid_choice'
  | 'consent_required'
  | 'single_line'
  | 'wrong_type'
  | 'unknown_field'
  | 'invalid_url'
  | 'invalid_domain'
  | 'duplicate'
  | 'invalid';

export const fieldMessages: Record<Language, Record<FieldProblem, (limit?: number) => string>> = {
  sv: {
    required: () => 'Fältet måste fyllas i.',
    invalid_email: () => 'Ange en giltig e-postadress, t.ex. namn@skola.se.',
    too_short: (n) => `Skriv minst ${n} tecken.`,
    too_long: (n) => `Högst ${n} tecken.`,
    too_many: (n) => `Högst ${n} st.`,
    too_small_number: (n) => `Minst ${n}.`,
    too_big_number: (n) => `Högst ${n}.`,
    invalid_choice: () => 'Välj ett av alternativen.',
    consent_required: () => 'Du behöver godkänna att vi sparar dina uppgifter för att kunna anmäla dig.',
    single_line: () => 'Får inte innehålla radbrytningar eller kontrolltecken.',
    wrong_type: () => 'Fel typ av värde.',
    unknown_field: () => 'Okänt fält.',
    invalid_url: () => 'Ange en adress som börjar med https://.',
    invalid_domain: () => 'Ange en domän, t.ex. skola.se.',
    duplicate: () => 'Samma värde förekommer flera gånger.',
    invalid: () => 'Ogiltigt värde.',
  },
  nb: {
    required: () => 'Feltet må fylles ut.',
    invalid_email: () => 'Oppgi en gyldig e-postadresse, f.eks. navn@skole.no.',
    too_short: (n) => `Skriv minst ${n} tegn.`,
    too_long: (n) => `Høyst ${n} tegn.`,
    too_many: (n) => `Høyst ${n} stk.`,
    too_small_number: (n) => `Minst ${n}.`,
    too_big_number: (n) => `Høyst ${n}.`,
    invalid_choice: () => 'Velg ett av alternativene.',
    consent_required: () => 'Du må godta at vi lagrer opplysningene dine for å kunne melde deg på.',
    single_line: () => 'Kan ikke inneholde linjeskift eller kontrolltegn.',
    wrong_type: () => 'Feil type verdi.',
    unknown_field: () => 'Ukjent felt.',
    invalid_url: () => 'Oppgi en adresse som begynner med https://.',
    invalid_domain: () => 'Oppgi et domene, f.eks. skole.no.',
    duplicate: () => 'Den samme verdien forekommer flere ganger.',
    invalid: () => 'Ugyldig verdi.',
  },
  en: {
    required: () => 'This field is required.',
    invalid_email: () => 'Enter a valid email address, e.g. name@school.org.',
    too_short: (n) => `Write at least ${n} characters.`,
    too_long: (n) => `At most ${n} characters.`,
    too_many: (n) => `At most ${n} items.`,
    too_small_number: (n) => `At least ${n}.`,
    too_big_number: (n) => `At most ${n}.`,
    invalid_choice: () => 'Choose one of the options.',
    consent_required: () => 'You need to agree that we store your details to register you.',
    single_line: () => 'Must not contain line breaks or control characters.',
    wrong_type: () => 'Wrong kind of value.',
    unknown_field: () => 'Unknown field.',
    invalid_url: () => 'Enter an address starting with https://.',
    invalid_domain: () => 'Enter a domain, e.g. school.org.',
    duplicate: () => 'The same value appears more than once.',
    invalid: () => 'Invalid value.',
  },
};
