import type { Language } from '../i18n.ts';
import { action, greeting, signature } from './common.ts';
import { formatMeetingDay, formatMeetingTime } from './format.ts';
import type { Block, MailContent } from './layout.ts';

/*
 * The mails of a group's meetings for one member: the invitation (with a calendar file), reminders,
 * the turn to prepare the opening introduction, and a meeting moved or cancelled. A group meets one
 * to six times, about every six weeks, for an hour and a half, mostly online; every meeting opens
 * with an introduction one participant prepared, and what is said in the group stays in the group.
 * Every date is in the reader's language and the network's time zone, never the server's.
 */

/** What every meeting mail knows about the meeting. */
export interface MeetingFacts {
  networkName: string;
  groupTitle: string;
  /** The one question the group gathers around, as its initiator wrote it. */
  question: string;
  startsAt: Date;
  durationMinutes: number;
  /** The network's IANA time zone, e.g. Europe/Stockholm: every date is shown in it. */
  timeZone: string;
  mode: 'online' | 'in_person';
  /** Where an online meeting is joined; when missing, the mail says the link follows. */
  onlineUrl?: string | undefined;
  /** Where an in-person meeting is held; when missing, the mail says the address follows. */
  address?: string | undefined;
  /** This meeting's place in the series, from 1: "meeting 2 of 4". */
  seq: number;
  /** How many meetings the series has; with one, no number is shown. */
  count: number;
  /** Who prepares the opening introduction, when it is known. */
  introducerName?: string | undefined;
  /** Parked questions from earlier evaluations that the group is to take up (closing the loop). */
  parkedQuestions?: readonly string[] | undefined;
  /** "One point better" suggestions, when the group shares them with everyone (default: facilitator only). */
  suggestions?: readonly string[] | undefined;
}

/**
 * The invitation, sent with a calendar file. Three answers: coming, not this time, and not for the
 * rest of the series (which frees the seat; not offered for the last meeting, where it would be the
 * same as "not this time").
 */
export interface MeetingInvitationFields {
  recipientName: string;
  meeting: MeetingFacts;
  yesUrl: string;
  noUrl: string;
  noSeriesUrl: string;
  /** Stops meeting reminders; invitations and changes still come. */
  unsubscribeUrl: string;
}

/** A reminder some days before the meeting, with the same answers as the invitation. */
export interface MeetingReminderFields extends MeetingInvitationFields {
  /** 0 is today, 1 tomorrow. */
  daysBefore: number;
}

/** To the participant whose turn it is to prepare the introduction that opens the meeting. */
export interface IntroducerReminderFields {
  recipientName: string;
  meeting: MeetingFacts;
  yesUrl: string;
  noUrl: string;
  unsubscribeUrl: string;
}

export type MeetingChange = 'time' | 'place' | 'mode';

/**
 * The meeting was moved, got a new place, or went online or in person; an updated calendar file is
 * attached.
 */
export interface MeetingUpdatedFields {
  recipientName: string;
  /** The meeting as it is now. */
  meeting: MeetingFacts;
  /** The start before the change, told as "moved from … to …" when the time changed. */
  previousStartsAt?: Date | undefined;
  changes: readonly MeetingChange[];
  yesUrl: string;
  noUrl: string;
  unsubscribeUrl: string;
}

/** The meeting will not take place; the attached calendar file removes it. */
export interface MeetingCancelledFields {
  recipientName: string;
  meeting: MeetingFacts;
}

/** Phrases every meeting mail shares. */
interface MeetingCopy {
  /** "2 av 4": this meeting's place in the series. */
  position(seq: string, count: string): string;
  whenAndWhereHeading: string;
  when(value: string): string;
  online: string;
  onlineLater: string;
  inPerson(address?: string): string;
  introducer(name: string): string;
  joinText: string;
  joinLabel: string;
  questionIntro: string;
  beforeHeading: string;
  /** Closing the loop: what the last meeting's evaluation left for this one. */
  parkedHeading: string;
  suggestionsHeading: string;
  before: readonly string[];
  rsvpHeading: string;
  rsvpIntro: string;
  yes: string;
  noText: string;
  noLabel: string;
  noSeriesText: string;
  noSeriesLabel: string;
  calendar: string;
  unsubscribeText: string;
  unsubscribeLabel: string;
  footer(networkName: string): string;
}

interface InvitationCopy {
  subject(networkName: string, groupTitle: string, day: string): string;
  preheader(when: string): string;
  intro(networkName: string, groupTitle: string, position: string): string;
}

interface ReminderCopy {
  subject(networkName: string, groupTitle: string, relative: string, day: string): string;
  preheader(when: string): string;
  /** "i dag", "i morgon", "om 7 dagar". */
  relative(days: number): string;
  intro(networkName: string, groupTitle: string, position: string, relative: string): string;
  rsvpIntro: string;
}

interface IntroducerCopy {
  subject(networkName: string, groupTitle: string, day: string): string;
  preheader(when: string): string;
  intro(networkName: string, groupTitle: string, position: string, when: string): string;
  length: string;
  tipsHeading: string;
  tips: readonly string[];
  closing: string;
  rsvpIntro: string;
}

interface UpdatedCopy {
  subject(networkName: string, groupTitle: string, day: string): string;
  preheader(when: string): string;
  intro(networkName: string, groupTitle: string, position: string): string;
  moved(from: string, to: string): string;
  newTime(to: string): string;
  newPlace(address?: string): string;
  newLink: string;
  nowOnline: string;
  nowInPerson(address?: string): string;
  unspecified: string;
  rsvpIntro: string;
  calendar: string;
}

interface CancelledCopy {
  subject(networkName: string, groupTitle: string, day: string): string;
  preheader(when: string): string;
  intro(networkName: string, groupTitle: string, position: string, when: string): string;
  next: string;
  calendar: string;
}

export const meetingCopy: Record<Language, MeetingCopy> = {
  sv: {
    position: (seq, count) => `${seq} av ${count}`,
    whenAndWhereHeading: 'När och var',
    when: (value) => `När: ${value}`,
    online: 'Var: online',
    onlineLater: 'Var: online – länken kommer före träffen',
    inPerson: (address) => (address ? `Var: ${address}` : 'Var: fysiskt – adressen kommer före träffen'),
    introducer: (name) => `Introduktion: ${name}`,
    joinText: 'Du ansluter till träffen via länken.',
    joinLabel: 'Anslut till träffen',
    questionIntro: 'Frågan som gruppen samlas kring:',
    beforeHeading: 'Inför träffen',
    parkedHeading: 'Parkerade frågor att ta upp',
    suggestionsHeading: 'Så blir nästa träff en poäng bättre – förslag från förra gången',
    before: [
      'Träffen börjar med en introduktion som en av deltagarna har förberett. Sedan samtalar vi om gruppens fråga – vilka erfarenheter har vi, vad tycker vi, vad vill vi uppnå?',
      'Ta gärna med egna exempel och erfarenheter från din verksamhet – det är dem samtalet bygger på.',
      'Det som sägs i gruppen stannar i gruppen.',
    ],
    rsvpHeading: 'Kommer du?',
    rsvpIntro: 'Svara gärna, så vet gruppen vilka som kommer.',
    yes: 'Jag kommer',
    noText: 'Kan du inte komma den här gången? Din plats i gruppen har du kvar.',
    noLabel: 'Jag kan inte komma den här gången',
    noSeriesText:
      'Kan du inte komma på resten av gruppens träffar? Då blir din plats ledig, så att någon annan kan få den.',
    noSeriesLabel: 'Jag kan inte komma på resten av träffarna (min plats blir ledig)',
    calendar: 'En kalenderfil är bifogad: öppna den för att lägga in träffen i din kalender.',
    unsubscribeText:
      'Vill du inte få påminnelser? Det stoppar påminnelserna inför träffarna och påminnelsen om utvärderingen. Inbjudningar, ändringar, frågan om utvärdering efter en träff och mejlet när det är din tur att inleda får du ändå.',
    unsubscribeLabel: 'Sluta skicka påminnelser',
    footer: (network) => `Du får det här mejlet eftersom du är med i en grupp i ${network}.`,
  },
  nb: {
    position: (seq, count) => `${seq} av ${count}`,
    whenAndWhereHeading: 'Tid og sted',
    when: (value) => `Når: ${value}`,
    online: 'Hvor: digitalt',
    onlineLater: 'Hvor: digitalt – lenken kommer før møtet',
    inPerson: (address) => (address ? `Hvor: ${address}` : 'Hvor: fysisk – adressen kommer før møtet'),
    introducer: (name) => `Innledning: ${name}`,
    joinText: 'Du kobler deg på møtet via lenken.',
    joinLabel: 'Koble deg på møtet',
    questionIntro: 'Spørsmålet som gruppen samles om:',
    beforeHeading: 'Før møtet',
    parkedHeading: 'Parkerte spørsmål å ta opp',
    suggestionsHeading: 'Slik blir neste møte ett poeng bedre – forslag fra forrige gang',
    before: [
      'Møtet starter med en innledning som en av deltakerne har forberedt. Deretter snakker vi sammen om spørsmålet til gruppen – hvilke erfaringer har vi, hva mener vi, hva vil vi oppnå?',
      'Ta gjerne med egne eksempler og erfaringer fra din virksomhet – det er dem samtalen bygger på.',
      'Det som blir sagt i gruppen, blir i gruppen.',
    ],
    rsvpHeading: 'Kommer du?',
    rsvpIntro: 'Svar gjerne, så vet gruppen hvem som kommer.',
    yes: 'Jeg kommer',
    noText: 'Kan du ikke komme denne gangen? Plassen din i gruppen beholder du.',
    noLabel: 'Jeg kan ikke komme denne gangen',
    noSeriesText:
      'Kan du ikke komme på resten av møtene i gruppen? Da blir plassen din ledig, slik at noen andre kan få den.',
    noSeriesLabel: 'Jeg kan ikke komme på resten av møtene (plassen min blir ledig)',
    calendar: 'En kalenderfil er vedlagt: åpne den for å legge møtet inn i kalenderen din.',
    unsubscribeText:
      'Vil du ikke få påminnelser? Det stopper påminnelsene før møtene og påminnelsen om evalueringen. Invitasjoner, endringer, spørsmålet om evaluering etter et møte og e-posten når det er din tur til å innlede, får du uansett.',
    unsubscribeLabel: 'Slutt å sende påminnelser',
    footer: (network) => `Du får denne e-posten fordi du er med i en gruppe i ${network}.`,
  },
  en: {
    position: (seq, count) => `${seq} of ${count}`,
    whenAndWhereHeading: 'When and where',
    when: (value) => `When: ${value}`,
    online: 'Where: online',
    onlineLater: 'Where: online – the link follows before the meeting',
    inPerson: (address) =>
      address ? `Where: ${address}` : 'Where: in person – the address follows before the meeting',
    introducer: (name) => `Introduction: ${name}`,
    joinText: 'You join the meeting by the link.',
    joinLabel: 'Join the meeting',
    questionIntro: 'The question the group gathers around:',
    beforeHeading: 'Before the meeting',
    parkedHeading: 'Parked questions to take up',
    suggestionsHeading: 'How to make the next meeting one point better – suggestions from last time',
    before: [
      'The meeting opens with an introduction that one of the participants has prepared. Then we talk about the group’s question – what are our experiences, what do we think, what would we like to achieve?',
      'Bring examples and experiences from your own work – they are what the conversation is built on.',
      'What is said in the group stays in the group.',
    ],
    rsvpHeading: 'Are you coming?',
    rsvpIntro: 'Please let us know, so the group knows who is coming.',
    yes: 'I’m coming',
    noText: 'Cannot come this time? You keep your seat in the group.',
    noLabel: 'I can’t come this time',
    noSeriesText:
      'Cannot come to the rest of the group’s meetings? Then your seat is freed, so someone else can have it.',
    noSeriesLabel: 'I can’t come to the rest of the series (frees my seat)',
    calendar: 'A calendar file is attached: open it to add the meeting to your calendar.',
    unsubscribeText:
      'Would you rather not get reminders? That stops the reminders before meetings and the reminder to evaluate. You will still get invitations, changes, the request to evaluate after a meeting and the mail when it is your turn to introduce.',
    unsubscribeLabel: 'Stop reminders',
    footer: (network) => `You are receiving this email because you are a member of a group in ${network}.`,
  },
};

export const meetingInvitationCopy: Record<Language, InvitationCopy> = {
  sv: {
    subject: (network, group, day) => `Inbjudan: ”${group}” i ${network}, ${day}`,
    preheader: (when) => `Vi ses ${when}. Svara gärna om du kommer.`,
    intro: (network, group, position) =>
      `Här kommer inbjudan till ${position ? `träff ${position}` : 'träffen'} i gruppen ”${group}” i ${network}.`,
  },
  nb: {
    subject: (network, group, day) => `Invitasjon: «${group}» i ${network}, ${day}`,
    preheader: (when) => `Vi ses ${when}. Svar gjerne om du kommer.`,
    intro: (network, group, position) =>
      `Her er invitasjonen til ${position ? `møte ${position}` : 'møtet'} i gruppen «${group}» i ${network}.`,
  },
  en: {
    subject: (network, group, day) => `Invitation: “${group}” in ${network}, ${day}`,
    preheader: (when) => `See you on ${when}. Please let us know if you are coming.`,
    intro: (network, group, position) =>
      `Here is your invitation to ${position ? `meeting ${position}` : 'the meeting'} of the group “${group}” in ${network}.`,
  },
};

export const meetingReminderCopy: Record<Language, ReminderCopy> = {
  sv: {
    subject: (network, group, relative, day) => `Påminnelse: ”${group}” i ${network} – ${relative}, ${day}`,
    preheader: (when) => `Vi ses ${when}.`,
    relative: (days) => (days <= 0 ? 'i dag' : days === 1 ? 'i morgon' : `om ${days} dagar`),
    intro: (network, group, position, relative) =>
      `${position ? `Träff ${position}` : 'Träffen'} i gruppen ”${group}” i ${network} är ${relative}.`,
    rsvpIntro:
      'Har du redan svarat behöver du inte göra något mer. Har dina planer ändrats kan du svara på nytt här.',
  },
  nb: {
    subject: (network, group, relative, day) => `Påminnelse: «${group}» i ${network} – ${relative}, ${day}`,
    preheader: (when) => `Vi ses ${when}.`,
    relative: (days) => (days <= 0 ? 'i dag' : days === 1 ? 'i morgen' : `om ${days} dager`),
    intro: (network, group, position, relative) =>
      `${position ? `Møte ${position}` : 'Møtet'} i gruppen «${group}» i ${network} er ${relative}.`,
    rsvpIntro:
      'Har du allerede svart, trenger du ikke å gjøre noe mer. Har planene dine endret seg, kan du svare på nytt her.',
  },
  en: {
    subject: (network, group, relative, day) => `Reminder: “${group}” in ${network} – ${relative}, ${day}`,
    preheader: (when) => `See you on ${when}.`,
    relative: (days) => (days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`),
    intro: (network, group, position, relative) =>
      `${position ? `Meeting ${position}` : 'The meeting'} of the group “${group}” in ${network} is ${relative}.`,
    rsvpIntro:
      'If you have already answered, there is nothing more you need to do. If your plans have changed, you can answer again here.',
  },
};

export const introducerReminderCopy: Record<Language, IntroducerCopy> = {
  sv: {
    subject: (network, group, day) => `Din tur att hålla introduktionen: ”${group}” i ${network}, ${day}`,
    preheader: (when) => `Du inleder träffen ${when} med en introduktion på ungefär 10 minuter.`,
    intro: (network, group, position, when) =>
      `Det är din tur att förbereda introduktionen som inleder ${position ? `träff ${position}` : 'träffen'} i gruppen ”${group}” i ${network}, ${when}.`,
    length: 'Introduktionen tar ungefär 10 minuter och sätter igång samtalet om gruppens fråga:',
    tipsHeading: 'Så kan du lägga upp den',
    tips: [
      'Utgå gärna från ett eget exempel: ett aktuellt projekt eller en situation från din vardag som skolledare.',
      'Berätta vad ni har gjort, vad du har sett och vad du undrar över.',
      'Avsluta med en eller två frågor som gruppen kan samtala vidare om.',
    ],
    closing: 'Gör det väl, så ökar förutsättningarna för bra samtal och nya kunskaper. Lycka till!',
    rsvpIntro:
      'Kan du inte komma? Säg till så snart som möjligt, så att någon annan hinner förbereda introduktionen.',
  },
  nb: {
    subject: (network, group, day) => `Din tur til å holde innledningen: «${group}» i ${network}, ${day}`,
    preheader: (when) => `Du åpner møtet ${when} med en innledning på omtrent 10 minutter.`,
    intro: (network, group, position, when) =>
      `Det er din tur til å forberede innledningen som åpner ${position ? `møte ${position}` : 'møtet'} i gruppen «${group}» i ${network}, ${when}.`,
    length: 'Innledningen tar omtrent 10 minutter og setter i gang samtalen om spørsmålet til gruppen:',
    tipsHeading: 'Slik kan du legge den opp',
    tips: [
      'Ta gjerne utgangspunkt i et eget eksempel: et pågående prosjekt eller en situasjon fra hverdagen din som skoleleder.',
      'Fortell hva dere har gjort, hva du har sett, og hva du lurer på.',
      'Avslutt med ett eller to spørsmål som gruppen kan snakke videre om.',
    ],
    closing: 'Forbereder du deg godt, blir det lettere å få til gode samtaler og ny kunnskap. Lykke til!',
    rsvpIntro:
      'Kan du ikke komme? Si fra så snart som mulig, slik at noen andre rekker å forberede innledningen.',
  },
  en: {
    subject: (network, group, day) => `Your turn to give the introduction: “${group}” in ${network}, ${day}`,
    preheader: (when) => `You open the meeting on ${when} with an introduction of about 10 minutes.`,
    intro: (network, group, position, when) =>
      `It is your turn to prepare the introduction that opens ${position ? `meeting ${position}` : 'the meeting'} of the group “${group}” in ${network} on ${when}.`,
    length: 'The introduction takes about 10 minutes and starts the conversation about the group’s question:',
    tipsHeading: 'How you might go about it',
    tips: [
      'Start from an example of your own: a current project or a situation from your everyday work as a school leader.',
      'Tell what you have done, what you have seen and what you are wondering about.',
      'End with one or two questions the group can carry on talking about.',
    ],
    closing: 'A well-prepared introduction makes for a good conversation and new insights. Good luck!',
    rsvpIntro:
      'Cannot come? Please tell us as soon as possible, so someone else has time to prepare the introduction.',
  },
};

export const meetingUpdatedCopy: Record<Language, UpdatedCopy> = {
  sv: {
    subject: (network, group, day) => `Ändrad träff: ”${group}” i ${network}, ${day}`,
    preheader: (when) => `Nu gäller: ${when}.`,
    intro: (network, group, position) =>
      `${position ? `Träff ${position}` : 'Träffen'} i gruppen ”${group}” i ${network} har ändrats.`,
    moved: (from, to) => `Träffen är flyttad från ${from} till ${to}.`,
    newTime: (to) => `Träffen har en ny tid: ${to}.`,
    newPlace: (address) => (address ? `Träffen har en ny plats: ${address}` : 'Träffen har en ny plats.'),
    newLink: 'Träffen har en ny länk: använd den nedan.',
    nowOnline: 'Träffen hålls nu online.',
    nowInPerson: (address) =>
      address ? `Träffen hålls nu fysiskt: ${address}` : 'Träffen hålls nu fysiskt.',
    unspecified: 'Uppgifterna om träffen har ändrats. Här är det som gäller nu.',
    rsvpIntro: 'Svara gärna på nytt, så vet gruppen vilka som kommer.',
    calendar: 'Den bifogade kalenderfilen uppdaterar träffen i din kalender.',
  },
  nb: {
    subject: (network, group, day) => `Endret møte: «${group}» i ${network}, ${day}`,
    preheader: (when) => `Nå gjelder: ${when}.`,
    intro: (network, group, position) =>
      `${position ? `Møte ${position}` : 'Møtet'} i gruppen «${group}» i ${network} er endret.`,
    moved: (from, to) => `Møtet er flyttet fra ${from} til ${to}.`,
    newTime: (to) => `Møtet har fått nytt tidspunkt: ${to}.`,
    newPlace: (address) => (address ? `Møtet har fått nytt sted: ${address}` : 'Møtet har fått nytt sted.'),
    newLink: 'Møtet har fått ny lenke: bruk den nedenfor.',
    nowOnline: 'Møtet holdes nå digitalt.',
    nowInPerson: (address) => (address ? `Møtet holdes nå fysisk: ${address}` : 'Møtet holdes nå fysisk.'),
    unspecified: 'Opplysningene om møtet er endret. Her er det som gjelder nå.',
    rsvpIntro: 'Svar gjerne på nytt, så vet gruppen hvem som kommer.',
    calendar: 'Den vedlagte kalenderfilen oppdaterer møtet i kalenderen din.',
  },
  en: {
    subject: (network, group, day) => `Meeting changed: “${group}” in ${network}, ${day}`,
    preheader: (when) => `Now: ${when}.`,
    intro: (network, group, position) =>
      `${position ? `Meeting ${position}` : 'The meeting'} of the group “${group}” in ${network} has changed.`,
    moved: (from, to) => `It has moved from ${from} to ${to}.`,
    newTime: (to) => `It has a new time: ${to}.`,
    newPlace: (address) => (address ? `It has a new place: ${address}` : 'It has a new place.'),
    newLink: 'It has a new link: use the one below.',
    nowOnline: 'It is now held online.',
    nowInPerson: (address) =>
      address ? `It is now held in person: ${address}` : 'It is now held in person.',
    unspecified: 'The details of the meeting have changed. Here is what holds now.',
    rsvpIntro: 'Please answer again, so the group knows who is coming.',
    calendar: 'The attached calendar file updates the meeting in your calendar.',
  },
};

export const meetingCancelledCopy: Record<Language, CancelledCopy> = {
  sv: {
    subject: (network, group, day) => `Inställd: ”${group}” i ${network}, ${day}`,
    preheader: (when) => `Träffen ${when} blir inte av.`,
    intro: (network, group, position, when) =>
      `${position ? `Träff ${position}` : 'Träffen'} i gruppen ”${group}” i ${network}, ${when}, är inställd.`,
    next: 'Får träffen ett nytt datum skickar vi en ny inbjudan.',
    calendar: 'Den bifogade kalenderfilen tar bort träffen ur din kalender.',
  },
  nb: {
    subject: (network, group, day) => `Avlyst: «${group}» i ${network}, ${day}`,
    preheader: (when) => `Møtet ${when} blir ikke noe av.`,
    intro: (network, group, position, when) =>
      `${position ? `Møte ${position}` : 'Møtet'} i gruppen «${group}» i ${network}, ${when}, er avlyst.`,
    next: 'Får møtet en ny dato, sender vi en ny invitasjon.',
    calendar: 'Den vedlagte kalenderfilen fjerner møtet fra kalenderen din.',
  },
  en: {
    subject: (network, group, day) => `Cancelled: “${group}” in ${network}, ${day}`,
    preheader: (when) => `The meeting on ${when} will not take place.`,
    intro: (network, group, position, when) =>
      `${position ? `Meeting ${position}` : 'The meeting'} of the group “${group}” in ${network}, on ${when}, is cancelled.`,
    next: 'If the meeting gets a new date, we will send a new invitation.',
    calendar: 'The attached calendar file removes the meeting from your calendar.',
  },
};

/** A secondary, quiet link beneath the rest: not this time, unsubscribing. */
function quietLink(text: string, label: string, url: string): Block {
  return { type: 'link', text, label, url };
}

/** Text someone typed, on one line: an address written over several lines reads "Skolhuset, Storgatan 1". */
function oneLine(text: string | undefined): string | undefined {
  const line = text
    ?.split(/\s*(?:\r\n|\r|\n)\s*/)
    .filter((part) => part.trim() !== '')
    .join(', ')
    .trim();
  return line || undefined;
}

/** The meeting's times and numbering in the reader's language. */
function details(meeting: MeetingFacts, language: Language) {
  const copy = meetingCopy[language];
  const numbered = meeting.count > 1 && meeting.seq >= 1 && meeting.seq <= meeting.count;
  return {
    when: formatMeetingTime(meeting.startsAt, language, meeting.timeZone, meeting.durationMinutes),
    day: formatMeetingDay(meeting.startsAt, language, meeting.timeZone),
    position: numbered ? copy.position(String(meeting.seq), String(meeting.count)) : '',
    address: oneLine(meeting.address),
    onlineUrl: meeting.onlineUrl?.trim() || undefined,
    introducerName: meeting.introducerName?.trim() || undefined,
  };
}

/** When, where (with the link to join an online meeting) and, when known and wanted, who introduces. */
function whenAndWhere(meeting: MeetingFacts, language: Language, withIntroducer: boolean): Block[] {
  const copy = meetingCopy[language];
  const facts = details(meeting, language);
  const where =
    meeting.mode === 'online'
      ? facts.onlineUrl
        ? copy.online
        : copy.onlineLater
      : copy.inPerson(facts.address);
  const items = [copy.when(facts.when), where];
  if (withIntroducer && facts.introducerName) items.push(copy.introducer(facts.introducerName));
  const join =
    meeting.mode === 'online' && facts.onlineUrl
      ? [quietLink(copy.joinText, copy.joinLabel, facts.onlineUrl)]
      : [];
  return [{ type: 'heading', text: copy.whenAndWhereHeading }, { type: 'list', items }, ...join];
}

/** What the group gathers around, and what every meeting is like. */
function beforeTheMeeting(meeting: MeetingFacts, language: Language): Block[] {
  const copy = meetingCopy[language];
  return [
    { type: 'heading', text: copy.beforeHeading },
    { type: 'paragraph', text: copy.questionIntro },
    { type: 'quote', text: meeting.question },
    { type: 'list', items: copy.before },
    ...(meeting.parkedQuestions?.length
      ? [
          { type: 'heading', text: copy.parkedHeading } as const,
          { type: 'list', items: meeting.parkedQuestions } as const,
        ]
      : []),
    ...(meeting.suggestions?.length
      ? [
          { type: 'heading', text: copy.suggestionsHeading } as const,
          { type: 'list', items: meeting.suggestions } as const,
        ]
      : []),
  ];
}

/**
 * The answers as links: coming (the button), not this time, and, when there is a series left to
 * miss, not for the rest of it, which frees the seat.
 */
function rsvp(
  language: Language,
  intro: string,
  urls: { yesUrl: string; noUrl: string; noSeriesUrl?: string | undefined },
): Block[] {
  const copy = meetingCopy[language];
  return [
    { type: 'heading', text: copy.rsvpHeading },
    { type: 'paragraph', text: intro },
    action(language, copy.yes, urls.yesUrl),
    quietLink(copy.noText, copy.noLabel, urls.noUrl),
    ...(urls.noSeriesUrl ? [quietLink(copy.noSeriesText, copy.noSeriesLabel, urls.noSeriesUrl)] : []),
  ];
}

function unsubscribe(language: Language, url: string): Block {
  const copy = meetingCopy[language];
  return quietLink(copy.unsubscribeText, copy.unsubscribeLabel, url);
}

/** Later meetings remain only before the last one; there "the rest of the series" is this meeting. */
function seriesContinues(meeting: MeetingFacts): boolean {
  return meeting.seq < meeting.count;
}

export function composeMeetingInvitation(m: MeetingInvitationFields, language: Language): MailContent {
  const common = meetingCopy[language];
  const copy = meetingInvitationCopy[language];
  const { networkName, groupTitle } = m.meeting;
  const facts = details(m.meeting, language);
  return {
    language,
    subject: copy.subject(networkName, groupTitle, facts.day),
    preheader: copy.preheader(facts.when),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(networkName, groupTitle, facts.position) },
      ...whenAndWhere(m.meeting, language, true),
      ...beforeTheMeeting(m.meeting, language),
      ...rsvp(language, common.rsvpIntro, {
        yesUrl: m.yesUrl,
        noUrl: m.noUrl,
        noSeriesUrl: seriesContinues(m.meeting) ? m.noSeriesUrl : undefined,
      }),
      { type: 'note', text: common.calendar },
      signature(language, networkName),
      unsubscribe(language, m.unsubscribeUrl),
    ],
    footer: common.footer(networkName),
    networkName,
  };
}

export function composeMeetingReminder(m: MeetingReminderFields, language: Language): MailContent {
  const common = meetingCopy[language];
  const copy = meetingReminderCopy[language];
  const { networkName, groupTitle } = m.meeting;
  const facts = details(m.meeting, language);
  // A count worked out by the caller; anything but a whole number of days ahead is a bug, not a sentence.
  if (!Number.isInteger(m.daysBefore) || m.daysBefore < 0) {
    throw new RangeError(`daysBefore must be a whole number from 0: ${m.daysBefore}`);
  }
  const relative = copy.relative(m.daysBefore);
  return {
    language,
    subject: copy.subject(networkName, groupTitle, relative, facts.day),
    preheader: copy.preheader(facts.when),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(networkName, groupTitle, facts.position, relative) },
      ...whenAndWhere(m.meeting, language, true),
      ...beforeTheMeeting(m.meeting, language),
      ...rsvp(language, copy.rsvpIntro, {
        yesUrl: m.yesUrl,
        noUrl: m.noUrl,
        noSeriesUrl: seriesContinues(m.meeting) ? m.noSeriesUrl : undefined,
      }),
      signature(language, networkName),
      unsubscribe(language, m.unsubscribeUrl),
    ],
    footer: common.footer(networkName),
    networkName,
  };
}

export function composeIntroducerReminder(m: IntroducerReminderFields, language: Language): MailContent {
  const common = meetingCopy[language];
  const copy = introducerReminderCopy[language];
  const { networkName, groupTitle } = m.meeting;
  const facts = details(m.meeting, language);
  return {
    language,
    subject: copy.subject(networkName, groupTitle, facts.day),
    preheader: copy.preheader(facts.when),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(networkName, groupTitle, facts.position, facts.when) },
      { type: 'paragraph', text: copy.length },
      { type: 'quote', text: m.meeting.question },
      { type: 'heading', text: copy.tipsHeading },
      { type: 'list', items: copy.tips },
      { type: 'paragraph', text: copy.closing },
      // The reader is the one introducing: the line naming them is left out.
      ...whenAndWhere(m.meeting, language, false),
      ...rsvp(language, copy.rsvpIntro, { yesUrl: m.yesUrl, noUrl: m.noUrl }),
      signature(language, networkName),
      unsubscribe(language, m.unsubscribeUrl),
    ],
    footer: common.footer(networkName),
    networkName,
  };
}

/**
 * One sentence per change, in a fixed order; a change of mode already says where, so it comes without
 * a sentence about the place.
 */
function changeSentences(m: MeetingUpdatedFields, language: Language): string[] {
  const copy = meetingUpdatedCopy[language];
  const facts = details(m.meeting, language);
  const changes = new Set(m.changes);
  const sentences: string[] = [];
  if (changes.has('time')) {
    sentences.push(
      m.previousStartsAt
        ? copy.moved(formatMeetingTime(m.previousStartsAt, language, m.meeting.timeZone), facts.when)
        : copy.newTime(facts.when),
    );
  }
  const online = m.meeting.mode === 'online';
  if (changes.has('mode')) {
    sentences.push(online ? copy.nowOnline : copy.nowInPerson(facts.address));
  } else if (changes.has('place')) {
    sentences.push(online ? copy.newLink : copy.newPlace(facts.address));
  }
  return sentences.length > 0 ? sentences : [copy.unspecified];
}

export function composeMeetingUpdated(m: MeetingUpdatedFields, language: Language): MailContent {
  const common = meetingCopy[language];
  const copy = meetingUpdatedCopy[language];
  const { networkName, groupTitle } = m.meeting;
  const facts = details(m.meeting, language);
  return {
    language,
    subject: copy.subject(networkName, groupTitle, facts.day),
    preheader: copy.preheader(facts.when),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(networkName, groupTitle, facts.position) },
      { type: 'paragraph', text: changeSentences(m, language).join(' ') },
      ...whenAndWhere(m.meeting, language, true),
      ...rsvp(language, copy.rsvpIntro, { yesUrl: m.yesUrl, noUrl: m.noUrl }),
      { type: 'note', text: copy.calendar },
      signature(language, networkName),
      unsubscribe(language, m.unsubscribeUrl),
    ],
    footer: common.footer(networkName),
    networkName,
  };
}

export function composeMeetingCancelled(m: MeetingCancelledFields, language: Language): MailContent {
  const common = meetingCopy[language];
  const copy = meetingCancelledCopy[language];
  const { networkName, groupTitle } = m.meeting;
  const facts = details(m.meeting, language);
  return {
    language,
    subject: copy.subject(networkName, groupTitle, facts.day),
    preheader: copy.preheader(facts.when),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(networkName, groupTitle, facts.position, facts.when) },
      { type: 'paragraph', text: copy.next },
      { type: 'note', text: copy.calendar },
      signature(language, networkName),
    ],
    footer: common.footer(networkName),
    networkName,
  };
}
