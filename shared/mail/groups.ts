import type { Language } from '../i18n.ts';
import { action, greeting, signature } from './common.ts';
import { formatDateTime } from './format.ts';
import type { Block, MailContent } from './layout.ts';

/*
 * The mails of a group's life for one person: asking to join (confirmed by a link, like a
 * registration), the answer (a seat, the waitlist, or a coordinator's decision), an offered seat,
 * and leaving. A group forms around one question, a facilitator leads it, and seats are given "i mån
 * av plats": while seats remain.
 */

/** The double opt-in for a request to join a group. */
export interface ConfirmJoinRequestFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  confirmUrl: string;
  expiresAt: Date;
  /** The network's IANA time zone, e.g. Europe/Stockholm: the expiry is shown in it. */
  timeZone: string;
}

/** The welcome: the person has a seat in the group. */
export interface JoinApprovedFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  /** The one question the group gathers around, as its initiator wrote it. */
  question: string;
  facilitatorName: string;
  mode: 'online' | 'in_person';
  /** Where an in-person group meets; when missing, each invitation says where. */
  location?: string | undefined;
  leaveUrl: string;
}

export interface JoinWaitlistedFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  /** 1 is next in line. */
  position: number;
  leaveUrl: string;
}

/** The person's organisation is not (yet) a member organisation: a coordinator decides. */
export interface JoinPendingApprovalFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
}

export interface JoinDeclinedFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  /** The coordinator's own words, quoted as written; left out when blank. */
  message?: string | undefined;
}

/** To a coordinator: someone outside the member organisations asks to join. */
export interface JoinApprovalRequestFields {
  networkName: string;
  groupTitle: string;
  requesterName: string;
  requesterEmail: string;
  organisation: string;
  role: string;
  /** What the person wrote with the request; left out when blank. */
  message?: string | undefined;
  approveUrl: string;
  declineUrl: string;
  expiresAt: Date;
  timeZone: string;
}

/** A seat came free and it is this person's turn on the waitlist. */
export interface SeatOfferedFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  acceptUrl: string;
  declineUrl: string;
  expiresAt: Date;
  timeZone: string;
}

/** Nobody accepted the offered seat in time, so it passed to the next in line. */
export interface OfferExpiredFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
}

/** The receipt for leaving the group, or its waitlist. */
export interface LeftGroupFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  wasWaitlisted: boolean;
}

interface ConfirmJoinCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader(expires: string): string;
  intro(networkName: string, groupTitle: string): string;
  next: string;
  button: string;
  expiry(expires: string): string;
  notYou: string;
  footer(networkName: string): string;
}

interface ApprovedCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader(groupTitle: string): string;
  intro(networkName: string, groupTitle: string): string;
  questionIntro: string;
  facilitator(facilitatorName: string): string;
  online: string;
  inPerson(location?: string): string;
  commitmentsHeading: string;
  commitments: readonly string[];
  dates: string;
  leave: string;
  leaveLabel: string;
  footer(networkName: string): string;
}

interface WaitlistedCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader(position: string): string;
  intro(networkName: string, groupTitle: string): string;
  position(position: string): string;
  offer: string;
  leave: string;
  leaveLabel: string;
  footer(networkName: string): string;
}

interface PendingApprovalCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader: string;
  intro(networkName: string, groupTitle: string): string;
  why(networkName: string): string;
  next: string;
  footer(networkName: string): string;
}

interface DeclinedCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader: string;
  intro(networkName: string, groupTitle: string): string;
  messageIntro: string;
  welcome: string;
  footer(networkName: string): string;
}

interface ApprovalRequestCopy {
  subject(networkName: string, groupTitle: string, requesterName: string): string;
  preheader: string;
  greeting: string;
  intro(networkName: string, groupTitle: string, requesterName: string): string;
  why: string;
  detailsHeading: string;
  name(value: string): string;
  email(value: string): string;
  organisation(value: string): string;
  role(value: string): string;
  messageIntro: string;
  decisionHeading: string;
  approve: string;
  approveButton: string;
  decline: string;
  declineButton: string;
  expiry(expires: string): string;
  footer(networkName: string): string;
}

interface SeatOfferedCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader(expires: string): string;
  intro(networkName: string, groupTitle: string): string;
  hold(expires: string): string;
  button: string;
  decline: string;
  declineLabel: string;
  footer(networkName: string): string;
}

interface OfferExpiredCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader: string;
  intro(networkName: string, groupTitle: string): string;
  again: string;
  footer(networkName: string): string;
}

interface LeftCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader: string;
  intro(networkName: string, groupTitle: string): string;
  /** What the reader keeps in mind: confidentiality for a member, nothing more for the waitlist. */
  after: string;
  again: string;
  notYou: string;
  footer(networkName: string): string;
}

/** Why a member, or someone who asked to join, receives a group mail. */
const joinFooter: Record<Language, (networkName: string) => string> = {
  sv: (network) => `Du får det här mejlet eftersom du har anmält dig till en grupp i ${network}.`,
  nb: (network) => `Du får denne e-posten fordi du har meldt deg på en gruppe i ${network}.`,
  en: (network) => `You are receiving this email because you asked to join a group in ${network}.`,
};

export const confirmJoinRequestCopy: Record<Language, ConfirmJoinCopy> = {
  sv: {
    subject: (network, group) => `Bekräfta din anmälan till ”${group}” i ${network}`,
    preheader: (expires) => `Ett klick, så är din anmälan klar. Länken gäller fram till ${expires}.`,
    intro: (network, group) =>
      `Tack för att du vill vara med i gruppen ”${group}” i ${network}! Bekräfta att det var du som anmälde dig, så tar vi hand om din anmälan.`,
    next: 'Du får besked via mejl så snart du har bekräftat.',
    button: 'Bekräfta min anmälan',
    expiry: (expires) => `Länken gäller fram till ${expires}.`,
    notYou:
      'Var det inte du som anmälde dig? Då kan du bortse från det här mejlet. Utan bekräftelse tas anmälan bort och du hör inte av oss igen.',
    footer: (network) =>
      `Du får det här mejlet eftersom den här adressen användes för att anmäla sig till en grupp i ${network}.`,
  },
  nb: {
    subject: (network, group) => `Bekreft påmeldingen din til «${group}» i ${network}`,
    preheader: (expires) => `Ett klikk, så er påmeldingen klar. Lenken er gyldig til ${expires}.`,
    intro: (network, group) =>
      `Takk for at du vil være med i gruppen «${group}» i ${network}! Bekreft at det var du som meldte deg på, så tar vi oss av påmeldingen.`,
    next: 'Du får beskjed på e-post så snart du har bekreftet.',
    button: 'Bekreft påmeldingen min',
    expiry: (expires) => `Lenken er gyldig til ${expires}.`,
    notYou:
      'Var det ikke du som meldte deg på? Da kan du se bort fra denne e-posten. Uten bekreftelse blir påmeldingen slettet, og du hører ikke mer fra oss.',
    footer: (network) =>
      `Du får denne e-posten fordi denne adressen ble brukt til å melde seg på en gruppe i ${network}.`,
  },
  en: {
    subject: (network, group) => `Confirm your request to join “${group}” in ${network}`,
    preheader: (expires) => `One click and your request is complete. The link is valid until ${expires}.`,
    intro: (network, group) =>
      `Thank you for asking to join the group “${group}” in ${network}! Please confirm that it was you, and we will take care of your request.`,
    next: 'You will hear from us by email as soon as you have confirmed.',
    button: 'Confirm my request',
    expiry: (expires) => `The link is valid until ${expires}.`,
    notYou:
      'If it was not you who asked to join, just ignore this email. Without a confirmation the request is removed and you will not hear from us again.',
    footer: (network) =>
      `You are receiving this email because this address was used to ask to join a group in ${network}.`,
  },
};

/** The one reminder for an unconfirmed request to join, sent while its link is still valid. */
export const confirmJoinRequestReminderCopy: Record<Language, ConfirmJoinCopy> = {
  sv: {
    subject: (network, group) => `Påminnelse: bekräfta din anmälan till ”${group}” i ${network}`,
    preheader: (expires) => `Din anmälan väntar på ett klick. Länken gäller fram till ${expires}.`,
    intro: (network, group) =>
      `Du anmälde nyligen att du vill vara med i gruppen ”${group}” i ${network}, men vi har inte fått någon bekräftelse än. Det räcker med ett klick.`,
    next: 'Du får besked via mejl så snart du har bekräftat.',
    button: 'Bekräfta min anmälan',
    expiry: (expires) =>
      `Länken gäller fram till ${expires}. Därefter tas anmälan bort, och du är alltid välkommen att anmäla dig igen.`,
    notYou:
      'Har du ångrat dig, eller var det inte du? Då kan du bortse från det här mejlet. Det här är den enda påminnelsen du får.',
    footer: confirmJoinRequestCopy.sv.footer,
  },
  nb: {
    subject: (network, group) => `Påminnelse: bekreft påmeldingen din til «${group}» i ${network}`,
    preheader: (expires) => `Påmeldingen din venter på ett klikk. Lenken er gyldig til ${expires}.`,
    intro: (network, group) =>
      `Du meldte deg nylig på gruppen «${group}» i ${network}, men vi har ikke fått noen bekreftelse ennå. Det holder med ett klikk.`,
    next: 'Du får beskjed på e-post så snart du har bekreftet.',
    button: 'Bekreft påmeldingen min',
    expiry: (expires) =>
      `Lenken er gyldig til ${expires}. Etter det blir påmeldingen slettet, og du er alltid velkommen til å melde deg på igjen.`,
    notYou:
      'Har du ombestemt deg, eller var det ikke deg? Da kan du se bort fra denne e-posten. Dette er den eneste påminnelsen du får.',
    footer: confirmJoinRequestCopy.nb.footer,
  },
  en: {
    subject: (network, group) => `Reminder: confirm your request to join “${group}” in ${network}`,
    preheader: (expires) => `Your request is waiting for one click. The link is valid until ${expires}.`,
    intro: (network, group) =>
      `You recently asked to join the group “${group}” in ${network}, but we have not had your confirmation yet. It only takes one click.`,
    next: 'You will hear from us by email as soon as you have confirmed.',
    button: 'Confirm my request',
    expiry: (expires) =>
      `The link is valid until ${expires}. After that the request is removed, and you are always welcome to ask again.`,
    notYou:
      'Changed your mind, or was it not you? Then just ignore this email. This is the only reminder we send.',
    footer: confirmJoinRequestCopy.en.footer,
  },
};

export const joinApprovedCopy: Record<Language, ApprovedCopy> = {
  sv: {
    subject: (network, group) => `Välkommen till ”${group}” i ${network}`,
    preheader: (group) => `Du har fått en plats i ”${group}”. Här är det du behöver veta.`,
    intro: (network, group) => `Välkommen till gruppen ”${group}” i ${network}! Du har fått en plats.`,
    questionIntro: 'Frågan som gruppen samlas kring:',
    facilitator: (name) => `Träffarna leds av ${name}.`,
    online: 'Gruppen träffas online. Hur du ansluter står i inbjudan till varje träff.',
    inPerson: (location) =>
      location
        ? `Gruppen träffas fysiskt. Mötesplats: ${location}`
        : 'Gruppen träffas fysiskt. Var står i inbjudan till varje träff.',
    commitmentsHeading: 'Vad innebär det att vara med?',
    commitments: [
      'Närvaro: alla kan inte vara med på alla träffar, men sikta på att delta på så många som möjligt – det vinner både du och gruppen på.',
      'Förberedelser: varje träff börjar med en introduktion, och alla deltagare får vid något tillfälle uppdraget att förbereda den.',
      'Förtroende: det som sägs i gruppen stannar i gruppen.',
    ],
    dates: 'Datum och tid för träffarna kommer i separata inbjudningar.',
    leave: 'Kan du inte vara med längre? Då kan du lämna gruppen, så går platsen till någon annan.',
    leaveLabel: 'Lämna gruppen',
    footer: joinFooter.sv,
  },
  nb: {
    subject: (network, group) => `Velkommen til «${group}» i ${network}`,
    preheader: (group) => `Du har fått plass i «${group}». Her er det du trenger å vite.`,
    intro: (network, group) => `Velkommen til gruppen «${group}» i ${network}! Du har fått plass.`,
    questionIntro: 'Spørsmålet som gruppen samles om:',
    facilitator: (name) => `Møtene ledes av ${name}.`,
    online: 'Gruppen møtes digitalt. Hvordan du kobler deg på, står i invitasjonen til hvert møte.',
    inPerson: (location) =>
      location
        ? `Gruppen møtes fysisk. Møtested: ${location}`
        : 'Gruppen møtes fysisk. Hvor står i invitasjonen til hvert møte.',
    commitmentsHeading: 'Hva innebærer det å være med?',
    commitments: [
      'Oppmøte: ingen kan være med på alle møtene, men prøv å delta på så mange som mulig – det tjener både du og gruppen på.',
      'Forberedelser: hvert møte starter med en introduksjon, og alle deltakerne får på et tidspunkt i oppgave å forberede den.',
      'Fortrolighet: det som blir sagt i gruppen, blir i gruppen.',
    ],
    dates: 'Dato og tid for møtene kommer i egne invitasjoner.',
    leave: 'Kan du ikke være med lenger? Da kan du melde deg ut av gruppen, så går plassen til noen andre.',
    leaveLabel: 'Meld meg ut av gruppen',
    footer: joinFooter.nb,
  },
  en: {
    subject: (network, group) => `Welcome to “${group}” in ${network}`,
    preheader: (group) => `You have a seat in “${group}”. Here is what you need to know.`,
    intro: (network, group) => `Welcome to the group “${group}” in ${network}! You have a seat.`,
    questionIntro: 'The question the group gathers around:',
    facilitator: (name) => `The meetings are facilitated by ${name}.`,
    online: 'The group meets online. Each invitation says how to join the meeting.',
    inPerson: (location) =>
      location
        ? `The group meets in person. Meeting place: ${location}`
        : 'The group meets in person. Each invitation says where.',
    commitmentsHeading: 'What taking part means',
    commitments: [
      'Attendance: nobody can make every meeting, but aim to join as many as you can – both you and the group gain from it.',
      'Preparation: every meeting opens with an introduction, and each participant prepares one at some point.',
      'Confidentiality: what is said in the group stays in the group.',
    ],
    dates: 'Dates and times of the meetings will follow in separate invitations.',
    leave: 'Can you no longer take part? Then you can leave the group, and your seat goes to someone else.',
    leaveLabel: 'Leave the group',
    footer: joinFooter.en,
  },
};

export const joinWaitlistedCopy: Record<Language, WaitlistedCopy> = {
  sv: {
    subject: (network, group) => `Du står på väntelistan till ”${group}” i ${network}`,
    preheader: (position) => `Du är nummer ${position} i kön. Vi mejlar dig när en plats blir ledig.`,
    intro: (network, group) =>
      `Tack för din anmälan till gruppen ”${group}” i ${network}! Gruppen är full just nu, så du har fått en plats på väntelistan.`,
    position: (position) => `Du är nummer ${position} i kön.`,
    offer:
      'När en plats blir ledig och det är din tur får du ett mejl där platsen erbjuds dig. Du behöver inte göra något innan dess.',
    leave: 'Vill du inte vänta längre? Då kan du lämna väntelistan.',
    leaveLabel: 'Lämna väntelistan',
    footer: joinFooter.sv,
  },
  nb: {
    subject: (network, group) => `Du står på ventelisten til «${group}» i ${network}`,
    preheader: (position) =>
      `Du er nummer ${position} i køen. Vi sender deg en e-post når en plass blir ledig.`,
    intro: (network, group) =>
      `Takk for påmeldingen din til gruppen «${group}» i ${network}! Gruppen er full akkurat nå, så du har fått plass på ventelisten.`,
    position: (position) => `Du er nummer ${position} i køen.`,
    offer:
      'Når en plass blir ledig og det er din tur, får du en e-post med tilbud om plassen. Du trenger ikke å gjøre noe før det.',
    leave: 'Vil du ikke vente lenger? Da kan du melde deg av ventelisten.',
    leaveLabel: 'Meld meg av ventelisten',
    footer: joinFooter.nb,
  },
  en: {
    subject: (network, group) => `You are on the waitlist for “${group}” in ${network}`,
    preheader: (position) => `You are number ${position} in line. We will email you when a seat frees up.`,
    intro: (network, group) =>
      `Thank you for asking to join the group “${group}” in ${network}! The group is full right now, so you have a place on the waitlist.`,
    position: (position) => `You are number ${position} in line.`,
    offer:
      'When a seat frees up and it is your turn, you will get an email offering it to you. There is nothing you need to do until then.',
    leave: 'No longer want to wait? Then you can leave the waitlist.',
    leaveLabel: 'Leave the waitlist',
    footer: joinFooter.en,
  },
};

export const joinPendingApprovalCopy: Record<Language, PendingApprovalCopy> = {
  sv: {
    subject: (network, group) => `Din anmälan till ”${group}” i ${network} väntar på beslut`,
    preheader: 'En samordnare går igenom din anmälan och hör av sig.',
    intro: (network, group) => `Tack för din anmälan till gruppen ”${group}” i ${network}!`,
    why: (network) =>
      `Grupperna i ${network} är öppna för alla vars arbetsgivare är medlemsorganisation i nätverket. Din organisation är inte (ännu) registrerad som medlemsorganisation, så en samordnare går igenom din anmälan och beslutar om den.`,
    next: 'Du får ett mejl så snart det finns ett beslut. Du behöver inte göra något under tiden.',
    footer: joinFooter.sv,
  },
  nb: {
    subject: (network, group) => `Påmeldingen din til «${group}» i ${network} venter på avgjørelse`,
    preheader: 'En koordinator går gjennom påmeldingen din og tar kontakt.',
    intro: (network, group) => `Takk for påmeldingen din til gruppen «${group}» i ${network}!`,
    why: (network) =>
      `Gruppene i ${network} er åpne for alle som har en arbeidsgiver som er medlemsorganisasjon i nettverket. Organisasjonen din er ikke (ennå) registrert som medlemsorganisasjon, så en koordinator går gjennom påmeldingen og avgjør den.`,
    next: 'Du får en e-post så snart det er tatt en avgjørelse. Du trenger ikke å gjøre noe i mellomtiden.',
    footer: joinFooter.nb,
  },
  en: {
    subject: (network, group) => `Your request to join “${group}” in ${network} awaits a decision`,
    preheader: 'A coordinator will look at your request and get back to you.',
    intro: (network, group) => `Thank you for asking to join the group “${group}” in ${network}!`,
    why: (network) =>
      `The groups in ${network} are open to everyone whose employer is a member organisation of the network. Your organisation is not (yet) registered as a member organisation, so a coordinator will look at your request and decide.`,
    next: 'You will get an email as soon as there is a decision. There is nothing you need to do in the meantime.',
    footer: joinFooter.en,
  },
};

export const joinDeclinedCopy: Record<Language, DeclinedCopy> = {
  sv: {
    subject: (network, group) => `Om din anmälan till ”${group}” i ${network}`,
    preheader: 'Den här gången blev det ingen plats i gruppen.',
    intro: (network, group) =>
      `Tack för ditt intresse för gruppen ”${group}” i ${network}. En samordnare har gått igenom din anmälan, och den här gången kan du tyvärr inte få en plats i gruppen.`,
    messageIntro: 'Samordnaren skriver:',
    welcome:
      'Har du frågor är du välkommen att höra av dig till nätverkets samordnare. Och du är alltid välkommen att anmäla dig till en annan grupp längre fram.',
    footer: joinFooter.sv,
  },
  nb: {
    subject: (network, group) => `Om påmeldingen din til «${group}» i ${network}`,
    preheader: 'Denne gangen ble det ikke plass i gruppen.',
    intro: (network, group) =>
      `Takk for interessen din for gruppen «${group}» i ${network}. En koordinator har gått gjennom påmeldingen din, og denne gangen kan du dessverre ikke få plass i gruppen.`,
    messageIntro: 'Koordinatoren skriver:',
    welcome:
      'Har du spørsmål, er du velkommen til å ta kontakt med koordinatorene i nettverket. Og du er alltid velkommen til å melde deg på en annen gruppe senere.',
    footer: joinFooter.nb,
  },
  en: {
    subject: (network, group) => `About your request to join “${group}” in ${network}`,
    preheader: 'There is no seat in the group for you this time.',
    intro: (network, group) =>
      `Thank you for your interest in the group “${group}” in ${network}. A coordinator has looked at your request, and unfortunately there is no seat for you in the group this time.`,
    messageIntro: 'The coordinator writes:',
    welcome:
      "If you have any questions, you are welcome to contact the network's coordinators. And you are always welcome to ask to join another group later on.",
    footer: joinFooter.en,
  },
};

export const joinApprovalRequestCopy: Record<Language, ApprovalRequestCopy> = {
  sv: {
    subject: (network, group, requester) => `${requester} vill vara med i ”${group}” i ${network}`,
    preheader: 'Organisationen är inte registrerad som medlem. Godkänn eller avböj anmälan.',
    greeting: 'Hej!',
    intro: (network, group, requester) => `${requester} har anmält sig till gruppen ”${group}” i ${network}.`,
    why: 'Anmälan kommer från en organisation som inte (ännu) är registrerad som medlemsorganisation, så den behöver ett beslut av en samordnare.',
    detailsHeading: 'Om den som har anmält sig',
    name: (value) => `Namn: ${value}`,
    email: (value) => `E-post: ${value}`,
    organisation: (value) => `Organisation: ${value}`,
    role: (value) => `Roll: ${value}`,
    messageIntro: 'Med anmälan följde det här meddelandet:',
    decisionHeading: 'Ditt beslut',
    approve:
      'Godkänner du får personen en plats i gruppen, eller en plats på väntelistan om gruppen är full.',
    approveButton: 'Godkänn anmälan',
    decline: 'Avböjer du kan du skriva ett meddelande som följer med beskedet till personen.',
    declineButton: 'Avböj anmälan',
    expiry: (expires) => `Länkarna går att använda en gång och gäller fram till ${expires}.`,
    footer: (network) => `Du får det här mejlet eftersom du är samordnare för ${network}.`,
  },
  nb: {
    subject: (network, group, requester) => `${requester} vil være med i «${group}» i ${network}`,
    preheader: 'Organisasjonen er ikke registrert som medlem. Godkjenn eller avslå påmeldingen.',
    greeting: 'Hei!',
    intro: (network, group, requester) => `${requester} har meldt seg på gruppen «${group}» i ${network}.`,
    why: 'Påmeldingen kommer fra en organisasjon som ikke (ennå) er registrert som medlemsorganisasjon, så den trenger en avgjørelse fra en koordinator.',
    detailsHeading: 'Om den som har meldt seg på',
    name: (value) => `Navn: ${value}`,
    email: (value) => `E-post: ${value}`,
    organisation: (value) => `Organisasjon: ${value}`,
    role: (value) => `Rolle: ${value}`,
    messageIntro: 'Påmeldingen hadde med denne meldingen:',
    decisionHeading: 'Din avgjørelse',
    approve: 'Godkjenner du, får personen plass i gruppen, eller plass på ventelisten hvis gruppen er full.',
    approveButton: 'Godkjenn påmeldingen',
    decline: 'Avslår du, kan du skrive en melding som følger med beskjeden til personen.',
    declineButton: 'Avslå påmeldingen',
    expiry: (expires) => `Lenkene kan brukes én gang og er gyldige til ${expires}.`,
    footer: (network) => `Du får denne e-posten fordi du er koordinator for ${network}.`,
  },
  en: {
    subject: (network, group, requester) => `${requester} would like to join “${group}” in ${network}`,
    preheader: 'The organisation is not registered as a member. Approve or decline the request.',
    greeting: 'Hello,',
    intro: (network, group, requester) =>
      `${requester} has asked to join the group “${group}” in ${network}.`,
    why: 'The request comes from an organisation that is not (yet) registered as a member organisation, so it needs a decision by a coordinator.',
    detailsHeading: 'About the person asking',
    name: (value) => `Name: ${value}`,
    email: (value) => `Email: ${value}`,
    organisation: (value) => `Organisation: ${value}`,
    role: (value) => `Role: ${value}`,
    messageIntro: 'The request came with this message:',
    decisionHeading: 'Your decision',
    approve: 'If you approve, they get a seat in the group, or a place on the waitlist if the group is full.',
    approveButton: 'Approve the request',
    decline: 'If you decline, you can write a message that goes with the answer to them.',
    declineButton: 'Decline the request',
    expiry: (expires) => `The links work once and are valid until ${expires}.`,
    footer: (network) => `You are receiving this email because you coordinate ${network}.`,
  },
};

export const seatOfferedCopy: Record<Language, SeatOfferedCopy> = {
  sv: {
    subject: (network, group) => `En plats är ledig i ”${group}” i ${network}`,
    preheader: (expires) => `Tacka ja senast ${expires}, så är platsen din.`,
    intro: (network, group) =>
      `Goda nyheter: en plats har blivit ledig i gruppen ”${group}” i ${network}, och nu är det din tur på väntelistan.`,
    hold: (expires) => `Vi håller platsen åt dig fram till ${expires}. Tacka ja innan dess, så är den din.`,
    button: 'Tacka ja till platsen',
    decline:
      'Kan du inte vara med? Tacka nej, så går platsen direkt till nästa i kön. Svarar du inte går den vidare när tiden har gått ut.',
    declineLabel: 'Tacka nej till platsen',
    footer: joinFooter.sv,
  },
  nb: {
    subject: (network, group) => `En plass er ledig i «${group}» i ${network}`,
    preheader: (expires) => `Takk ja innen ${expires}, så er plassen din.`,
    intro: (network, group) =>
      `Gode nyheter: en plass har blitt ledig i gruppen «${group}» i ${network}, og nå er det din tur på ventelisten.`,
    hold: (expires) => `Vi holder av plassen til deg til ${expires}. Takk ja før det, så er den din.`,
    button: 'Takk ja til plassen',
    decline:
      'Kan du ikke være med? Takk nei, så går plassen med en gang til nestemann i køen. Svarer du ikke, går den videre når fristen er ute.',
    declineLabel: 'Takk nei til plassen',
    footer: joinFooter.nb,
  },
  en: {
    subject: (network, group) => `A seat is free in “${group}” in ${network}`,
    preheader: (expires) => `Accept by ${expires} and the seat is yours.`,
    intro: (network, group) =>
      `Good news: a seat has come free in the group “${group}” in ${network}, and it is your turn on the waitlist.`,
    hold: (expires) =>
      `We are holding the seat for you until ${expires}. Accept before then and it is yours.`,
    button: 'Accept the seat',
    decline:
      'Cannot take part? Decline, and the seat goes straight to the next in line. If you do not answer, it passes on when the time is up.',
    declineLabel: 'Decline the seat',
    footer: joinFooter.en,
  },
};

export const offerExpiredCopy: Record<Language, OfferExpiredCopy> = {
  sv: {
    subject: (network, group) => `Platsen i ”${group}” i ${network} har gått vidare`,
    preheader: 'Du är välkommen att anmäla dig igen.',
    intro: (network, group) =>
      `Vi höll en plats åt dig i gruppen ”${group}” i ${network}, men tiden för att tacka ja har gått ut. Platsen har därför gått vidare till nästa i kön.`,
    again: 'Vill du fortfarande vara med är du välkommen att anmäla dig till gruppen igen.',
    footer: joinFooter.sv,
  },
  nb: {
    subject: (network, group) => `Plassen i «${group}» i ${network} har gått videre`,
    preheader: 'Du er velkommen til å melde deg på igjen.',
    intro: (network, group) =>
      `Vi holdt av en plass til deg i gruppen «${group}» i ${network}, men fristen for å takke ja er ute. Plassen har derfor gått videre til nestemann i køen.`,
    again: 'Vil du fortsatt være med, er du velkommen til å melde deg på gruppen igjen.',
    footer: joinFooter.nb,
  },
  en: {
    subject: (network, group) => `The seat in “${group}” in ${network} has passed on`,
    preheader: 'You are welcome to ask to join again.',
    intro: (network, group) =>
      `We held a seat for you in the group “${group}” in ${network}, but the time to accept has run out, so the seat has passed to the next in line.`,
    again: 'If you would still like to take part, you are welcome to ask to join the group again.',
    footer: joinFooter.en,
  },
};

/** Leaving a group and leaving its waitlist are told apart: the reader knows which one they left. */
export const leftGroupCopy: Record<Language, { group: LeftCopy; waitlist: LeftCopy }> = {
  sv: {
    group: {
      subject: (network, group) => `Du har lämnat ”${group}” i ${network}`,
      preheader: 'Det här är en bekräftelse. Du behöver inte göra något mer.',
      intro: (network, group) =>
        `Du har lämnat gruppen ”${group}” i ${network}. Tack för din tid och ditt engagemang!`,
      after: 'Det som har sagts i gruppen stannar fortfarande i gruppen.',
      again: 'Ändrar du dig är du välkommen att anmäla dig igen, i mån av plats.',
      notYou: 'Var det inte du som lämnade gruppen? Hör då av dig till nätverkets samordnare.',
      footer: joinFooter.sv,
    },
    waitlist: {
      subject: (network, group) => `Du har lämnat väntelistan till ”${group}” i ${network}`,
      preheader: 'Det här är en bekräftelse. Du behöver inte göra något mer.',
      intro: (network, group) => `Du står inte längre på väntelistan till gruppen ”${group}” i ${network}.`,
      after: 'Du får alltså inget erbjudande när en plats blir ledig.',
      again: 'Ändrar du dig är du välkommen att anmäla dig igen.',
      notYou: 'Var det inte du som lämnade väntelistan? Hör då av dig till nätverkets samordnare.',
      footer: joinFooter.sv,
    },
  },
  nb: {
    group: {
      subject: (network, group) => `Du har meldt deg ut av «${group}» i ${network}`,
      preheader: 'Dette er en bekreftelse. Du trenger ikke å gjøre noe mer.',
      intro: (network, group) =>
        `Du har meldt deg ut av gruppen «${group}» i ${network}. Takk for tiden og engasjementet ditt!`,
      after: 'Det som er sagt i gruppen, blir fortsatt i gruppen.',
      again: 'Ombestemmer du deg, er du velkommen til å melde deg på igjen så lenge det er ledige plasser.',
      notYou: 'Var det ikke du som meldte deg ut? Ta i så fall kontakt med koordinatorene i nettverket.',
      footer: joinFooter.nb,
    },
    waitlist: {
      subject: (network, group) => `Du har meldt deg av ventelisten til «${group}» i ${network}`,
      preheader: 'Dette er en bekreftelse. Du trenger ikke å gjøre noe mer.',
      intro: (network, group) => `Du står ikke lenger på ventelisten til gruppen «${group}» i ${network}.`,
      after: 'Du får altså ikke noe tilbud når en plass blir ledig.',
      again: 'Ombestemmer du deg, er du velkommen til å melde deg på igjen.',
      notYou:
        'Var det ikke du som meldte deg av ventelisten? Ta i så fall kontakt med koordinatorene i nettverket.',
      footer: joinFooter.nb,
    },
  },
  en: {
    group: {
      subject: (network, group) => `You have left “${group}” in ${network}`,
      preheader: 'This confirms it. There is nothing more you need to do.',
      intro: (network, group) =>
        `You have left the group “${group}” in ${network}. Thank you for your time and commitment!`,
      after: 'What was said in the group still stays in the group.',
      again: 'If you change your mind, you are welcome to ask to join again while seats remain.',
      notYou: "Was it not you who left the group? Then please contact the network's coordinators.",
      footer: joinFooter.en,
    },
    waitlist: {
      subject: (network, group) => `You have left the waitlist for “${group}” in ${network}`,
      preheader: 'This confirms it. There is nothing more you need to do.',
      intro: (network, group) => `You are no longer on the waitlist for the group “${group}” in ${network}.`,
      after: 'So you will not be offered a seat when one frees up.',
      again: 'If you change your mind, you are welcome to ask to join again.',
      notYou: "Was it not you who left the waitlist? Then please contact the network's coordinators.",
      footer: joinFooter.en,
    },
  },
};

/** Someone's own words, introduced and quoted; nothing at all when they wrote nothing. */
function quoted(intro: string, message: string | undefined): Block[] {
  const text = message?.trim() ?? '';
  return text === ''
    ? []
    : [
        { type: 'paragraph', text: intro },
        { type: 'quote', text },
      ];
}

/** A secondary link, quiet beneath the rest: leaving, declining. */
function quietLink(text: string, label: string, url: string): Block {
  return { type: 'link', text, label, url };
}

export function composeConfirmJoinRequest(m: ConfirmJoinRequestFields, language: Language): MailContent {
  return composeConfirmJoin(confirmJoinRequestCopy[language], m, language);
}

export function composeConfirmJoinRequestReminder(
  m: ConfirmJoinRequestFields,
  language: Language,
): MailContent {
  return composeConfirmJoin(confirmJoinRequestReminderCopy[language], m, language);
}

function composeConfirmJoin(
  copy: ConfirmJoinCopy,
  m: ConfirmJoinRequestFields,
  language: Language,
): MailContent {
  const expires = formatDateTime(m.expiresAt, language, m.timeZone);
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle),
    preheader: copy.preheader(expires),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
      action(language, copy.button, m.confirmUrl),
      { type: 'paragraph', text: `${copy.expiry(expires)} ${copy.next}` },
      { type: 'note', text: copy.notYou },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeJoinApproved(m: JoinApprovedFields, language: Language): MailContent {
  const copy = joinApprovedCopy[language];
  const location = m.location?.trim() || undefined;
  const mode = m.mode === 'online' ? copy.online : copy.inPerson(location);
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle),
    preheader: copy.preheader(m.groupTitle),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
      { type: 'paragraph', text: copy.questionIntro },
      { type: 'quote', text: m.question },
      { type: 'paragraph', text: `${copy.facilitator(m.facilitatorName)} ${mode}` },
      { type: 'paragraph', text: copy.dates },
      { type: 'heading', text: copy.commitmentsHeading },
      { type: 'list', items: copy.commitments },
      signature(language, m.networkName),
      quietLink(copy.leave, copy.leaveLabel, m.leaveUrl),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeJoinWaitlisted(m: JoinWaitlistedFields, language: Language): MailContent {
  const copy = joinWaitlistedCopy[language];
  const position = String(m.position);
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle),
    preheader: copy.preheader(position),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
      { type: 'paragraph', text: `${copy.position(position)} ${copy.offer}` },
      signature(language, m.networkName),
      quietLink(copy.leave, copy.leaveLabel, m.leaveUrl),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeJoinPendingApproval(m: JoinPendingApprovalFields, language: Language): MailContent {
  const copy = joinPendingApprovalCopy[language];
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle),
    preheader: copy.preheader,
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
      { type: 'paragraph', text: copy.why(m.networkName) },
      { type: 'paragraph', text: copy.next },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeJoinDeclined(m: JoinDeclinedFields, language: Language): MailContent {
  const copy = joinDeclinedCopy[language];
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle),
    preheader: copy.preheader,
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
      ...quoted(copy.messageIntro, m.message),
      { type: 'paragraph', text: copy.welcome },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeJoinApprovalRequest(m: JoinApprovalRequestFields, language: Language): MailContent {
  const copy = joinApprovalRequestCopy[language];
  const expires = formatDateTime(m.expiresAt, language, m.timeZone);
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle, m.requesterName),
    preheader: copy.preheader,
    blocks: [
      { type: 'paragraph', text: copy.greeting },
      { type: 'paragraph', text: `${copy.intro(m.networkName, m.groupTitle, m.requesterName)} ${copy.why}` },
      { type: 'heading', text: copy.detailsHeading },
      {
        type: 'list',
        items: [
          copy.name(m.requesterName),
          copy.email(m.requesterEmail),
          copy.organisation(m.organisation),
          copy.role(m.role),
        ],
      },
      ...quoted(copy.messageIntro, m.message),
      { type: 'heading', text: copy.decisionHeading },
      { type: 'paragraph', text: copy.approve },
      action(language, copy.approveButton, m.approveUrl),
      { type: 'paragraph', text: copy.decline },
      action(language, copy.declineButton, m.declineUrl),
      { type: 'note', text: copy.expiry(expires) },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeSeatOffered(m: SeatOfferedFields, language: Language): MailContent {
  const copy = seatOfferedCopy[language];
  const expires = formatDateTime(m.expiresAt, language, m.timeZone);
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle),
    preheader: copy.preheader(expires),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
      { type: 'paragraph', text: copy.hold(expires) },
      action(language, copy.button, m.acceptUrl),
      quietLink(copy.decline, copy.declineLabel, m.declineUrl),
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeOfferExpired(m: OfferExpiredFields, language: Language): MailContent {
  const copy = offerExpiredCopy[language];
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle),
    preheader: copy.preheader,
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
      { type: 'paragraph', text: copy.again },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeLeftGroup(m: LeftGroupFields, language: Language): MailContent {
  const copy = m.wasWaitlisted ? leftGroupCopy[language].waitlist : leftGroupCopy[language].group;
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle),
    preheader: copy.preheader,
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
      { type: 'paragraph', text: `${copy.after} ${copy.again}` },
      { type: 'note', text: copy.notYou },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}
