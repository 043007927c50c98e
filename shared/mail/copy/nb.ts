import { plural } from '../../i18n.ts';
import type * as Shape from './types.ts';

// The Norwegian (bokmål) copy of every mail, one export per kind; the shapes are in types.ts.

// registration.ts

export const confirmRegistration = {
  subject: (network) => `Bekreft interessen din for ${network}`,
  preheader: (expires) => `Ett klikk, så er du påmeldt. Lenken er gyldig til ${expires}.`,
  intro: (network) =>
    `Takk for at du har meldt interesse for ${network}! Bekreft at det var deg, så vet vi at adressen stemmer.`,
  button: 'Bekreft påmeldingen min',
  expiry: (expires) => `Lenken er gyldig til ${expires}.`,
  notYou:
    'Var det ikke du som meldte deg på? Da kan du se bort fra denne e-posten. Uten bekreftelse får du høyst én påminnelse, deretter blir påmeldingen slettet, og du hører ikke mer fra oss.',
  footer: (network) =>
    `Du får denne e-posten fordi denne adressen ble brukt til å melde interesse for ${network}.`,
} satisfies Shape.ConfirmRegistrationCopy;

export const confirmRegistrationReminder = {
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
} satisfies Shape.ConfirmRegistrationCopy;

export const registrationReceipt = {
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
} satisfies Shape.RegistrationReceiptCopy;

// groups.ts

// Why a member, or someone who asked to join, receives a group mail.
const joinFooter = (network: string): string =>
  `Du får denne e-posten fordi du har meldt deg på en gruppe i ${network}.`;

// Why the address gets the mail asking to confirm a request to join, and its reminder.
const confirmJoinFooter = (network: string): string =>
  `Du får denne e-posten fordi denne adressen ble brukt til å melde seg på en gruppe i ${network}.`;

export const confirmJoinRequest = {
  subject: (network, group) => `Bekreft påmeldingen din til «${group}» i ${network}`,
  preheader: (expires) => `Ett klikk, så er påmeldingen klar. Lenken er gyldig til ${expires}.`,
  intro: (network, group) =>
    `Takk for at du vil være med i gruppen «${group}» i ${network}! Bekreft at det var du som meldte deg på, så tar vi oss av påmeldingen.`,
  next: 'Du får beskjed på e-post så snart du har bekreftet.',
  button: 'Bekreft påmeldingen min',
  expiry: (expires) => `Lenken er gyldig til ${expires}.`,
  notYou:
    'Var det ikke du som meldte deg på? Da kan du se bort fra denne e-posten. Uten bekreftelse får du høyst én påminnelse, deretter blir påmeldingen slettet, og du hører ikke mer fra oss.',
  footer: confirmJoinFooter,
} satisfies Shape.ConfirmJoinRequestCopy;

export const confirmJoinRequestReminder = {
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
  footer: confirmJoinFooter,
} satisfies Shape.ConfirmJoinRequestCopy;

export const joinApproved = {
  subject: (network, group) => `Velkommen til «${group}» i ${network}`,
  preheader: (group) => `Du har fått plass i «${group}». Her er det du trenger å vite.`,
  intro: (network, group) => `Velkommen til gruppen «${group}» i ${network}! Du har fått plass.`,
  questionIntro: 'Spørsmålet som gruppen samles om:',
  facilitator: (name) => `Møtene ledes av ${name}.`,
  online: 'Gruppen møtes digitalt. Hvordan du kobler deg på, står i invitasjonen til hvert møte.',
  inPerson: (location) =>
    location
      ? `Gruppen møtes fysisk. Møtested: ${location}`
      : 'Gruppen møtes fysisk. Stedet står i invitasjonen til hvert møte.',
  commitmentsHeading: 'Hva innebærer det å være med?',
  commitments: [
    'Oppmøte: ingen kan være med på alle møtene, men prøv å delta på så mange som mulig – det tjener både du og gruppen på.',
    'Forberedelser: hvert møte starter med en innledning, og alle deltakerne får på et tidspunkt i oppgave å forberede den.',
    'Fortrolighet: det som blir sagt i gruppen, blir i gruppen.',
  ],
  dates: 'Dato og tid for møtene kommer i egne invitasjoner.',
  datesMailOff:
    'Du har slått av all e-post fra nettverket, så invitasjonene til møtene kommer ikke. Vil du ha dem, slår du på e-posten igjen med lenken nederst i denne e-posten.',
  leave: 'Kan du ikke være med lenger? Da kan du melde deg ut av gruppen, så blir plassen din ledig.',
  leaveLabel: 'Meld meg ut av gruppen',
  footer: joinFooter,
} satisfies Shape.JoinApprovedCopy;

export const joinWaitlisted = {
  subject: (network, group) => `Du står på ventelisten til «${group}» i ${network}`,
  preheader: (position) =>
    `Du er nummer ${position} i køen. Vi sender deg en e-post når en plass blir ledig.`,
  intro: (network, group) =>
    `Takk for påmeldingen din til gruppen «${group}» i ${network}! Gruppen er full akkurat nå, så du har fått plass på ventelisten.`,
  position: (position) => `Du er nummer ${position} i køen.`,
  offer:
    'Når det blir en plass og det er din tur, får du en e-post: som regel et tilbud om plassen som du svarer på, eller en velkomst-e-post hvis gruppen får flere plasser, for da er plassen din med en gang. Du trenger ikke å gjøre noe før det.',
  leave: 'Vil du ikke vente lenger? Da kan du melde deg av ventelisten.',
  leaveLabel: 'Meld meg av ventelisten',
  footer: joinFooter,
} satisfies Shape.JoinWaitlistedCopy;

export const waitlistClosed = {
  subject: (network, group) => `«${group}» i ${network} tar ikke imot nye deltakere nå`,
  preheader: 'Du står fortsatt på ventelisten, men ingen rykker opp mens gruppen er stengt.',
  intro: (network, group) =>
    `Koordinatorene i ${network} har stengt gruppen «${group}» for nye deltakere. Gruppen fortsetter å møtes, men så lenge den er stengt, får ingen på ventelisten plass.`,
  stay: 'Du står fortsatt på ventelisten. Åpner koordinatorene gruppen igjen og det er plass, får du en e-post.',
  leave: 'Vil du ikke vente? Da kan du melde deg av ventelisten.',
  leaveLabel: 'Meld meg av ventelisten',
  footer: joinFooter,
} satisfies Shape.WaitlistClosedCopy;

export const joinPendingApproval = {
  subject: (network, group) => `Påmeldingen din til «${group}» i ${network} venter på avgjørelse`,
  preheader: 'En koordinator går gjennom påmeldingen din og tar kontakt.',
  intro: (network, group) => `Takk for påmeldingen din til gruppen «${group}» i ${network}!`,
  why: (network) =>
    `Gruppene i ${network} er åpne for alle som har en arbeidsgiver som er medlemsorganisasjon i nettverket. Organisasjonen din er ikke (ennå) registrert som medlemsorganisasjon, så en koordinator går gjennom påmeldingen og avgjør den.`,
  next: 'Du får en e-post så snart det er tatt en avgjørelse. Du trenger ikke å gjøre noe i mellomtiden.',
  footer: joinFooter,
} satisfies Shape.JoinPendingApprovalCopy;

export const joinDeclined = {
  subject: (network, group) => `Om påmeldingen din til «${group}» i ${network}`,
  preheader: 'Denne gangen ble det ikke plass i gruppen.',
  intro: (network, group) =>
    `Takk for interessen din for gruppen «${group}» i ${network}. En koordinator har gått gjennom påmeldingen din, og denne gangen kan du dessverre ikke få plass i gruppen.`,
  messageIntro: 'Koordinatoren skriver:',
  welcome:
    'Har du spørsmål, er du velkommen til å ta kontakt med koordinatorene i nettverket. Og du er alltid velkommen til å melde deg på en annen gruppe senere.',
  footer: joinFooter,
} satisfies Shape.JoinDeclinedCopy;

export const joinApprovalRequest = {
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
} satisfies Shape.JoinApprovalRequestCopy;

export const seatOffered = {
  subject: (network, group) => `En plass er ledig i «${group}» i ${network}`,
  preheader: (expires) => `Takk ja innen ${expires}, så er plassen din.`,
  intro: (network, group) =>
    `Gode nyheter: en plass har blitt ledig i gruppen «${group}» i ${network}, og nå er det din tur på ventelisten.`,
  hold: (expires) => `Vi holder av plassen til deg til ${expires}. Takk ja før det, så er den din.`,
  button: 'Takk ja til plassen',
  decline:
    'Kan du ikke være med? Takk nei, så går plassen med en gang til nestemann i køen. Svarer du ikke, går den videre når fristen er ute.',
  declineLabel: 'Takk nei til plassen',
  footer: joinFooter,
} satisfies Shape.SeatOfferedCopy;

export const offerExpired = {
  subject: (network, group) => `Tilbudet om en plass i «${group}» i ${network} har gått ut`,
  preheader: 'Plassen er ikke lenger holdt av til deg.',
  intro: (network, group) =>
    `Vi holdt av en plass til deg i gruppen «${group}» i ${network}, men fristen for å takke ja er ute, så plassen er ikke lenger holdt av til deg.`,
  again: 'Vil du fortsatt være med, kan du melde deg på gruppen igjen så lenge den tar imot nye deltakere.',
  footer: joinFooter,
} satisfies Shape.OfferExpiredCopy;

export const leftGroup = {
  group: {
    subject: (network, group) => `Du har meldt deg ut av «${group}» i ${network}`,
    preheader: 'Dette er en bekreftelse. Du trenger ikke å gjøre noe mer.',
    intro: (network, group) =>
      `Du har meldt deg ut av gruppen «${group}» i ${network}. Takk for tiden og engasjementet ditt!`,
    after: 'Det som er sagt i gruppen, blir fortsatt i gruppen.',
    again:
      'Ombestemmer du deg, kan du melde deg på igjen så lenge gruppen tar imot nye deltakere og har ledige plasser.',
    notYou: 'Var det ikke du som meldte deg ut? Ta i så fall kontakt med koordinatorene i nettverket.',
    footer: joinFooter,
  },
  waitlist: {
    subject: (network, group) => `Du har meldt deg av ventelisten til «${group}» i ${network}`,
    preheader: 'Dette er en bekreftelse. Du trenger ikke å gjøre noe mer.',
    intro: (network, group) => `Du står ikke lenger på ventelisten til gruppen «${group}» i ${network}.`,
    after: 'Du får altså ikke noe tilbud når en plass blir ledig.',
    again: 'Ombestemmer du deg, kan du melde deg på igjen så lenge gruppen tar imot nye deltakere.',
    notYou:
      'Var det ikke du som meldte deg av ventelisten? Ta i så fall kontakt med koordinatorene i nettverket.',
    footer: joinFooter,
  },
  offer: {
    subject: (network, group) => `Du har takket nei til plassen i «${group}» i ${network}`,
    preheader: 'Dette er en bekreftelse. Du trenger ikke å gjøre noe mer.',
    intro: (network, group) =>
      `Du har takket nei til plassen i gruppen «${group}» i ${network}, og den er ikke lenger holdt av til deg.`,
    after: 'Du står heller ikke lenger på ventelisten.',
    again: 'Ombestemmer du deg, kan du melde deg på igjen så lenge gruppen tar imot nye deltakere.',
    notYou: 'Var det ikke du som takket nei? Ta i så fall kontakt med koordinatorene i nettverket.',
    footer: joinFooter,
  },
} satisfies { group: Shape.LeftGroupCopy; waitlist: Shape.LeftGroupCopy; offer: Shape.LeftGroupCopy };

// group-proposals.ts

// Why the proposer receives a proposal mail.
const proposerFooter = (network: string): string =>
  `Du får denne e-posten fordi du har foreslått en gruppe i ${network}.`;

// Why the address gets the mail asking to confirm a group proposal, and its reminder.
const confirmProposalFooter = (network: string): string =>
  `Du får denne e-posten fordi denne adressen ble brukt til å foreslå en gruppe i ${network}.`;

export const confirmGroupProposal = {
  subject: (network, title) => `Bekreft gruppeforslaget ditt «${title}» i ${network}`,
  preheader: (expires) =>
    `Ett klikk, så går forslaget videre til koordinatorene. Lenken er gyldig til ${expires}.`,
  intro: (network, title) =>
    `Takk for at du tar initiativ til en ny gruppe i ${network}! Bekreft at det var du som foreslo gruppen «${title}», så sender vi forslaget videre til koordinatorene i nettverket.`,
  next: 'Koordinatorene går gjennom forslaget og gir deg beskjed på e-post.',
  button: 'Bekreft forslaget mitt',
  expiry: (expires) => `Lenken er gyldig til ${expires}.`,
  notYou:
    'Var det ikke du som foreslo gruppen? Da kan du se bort fra denne e-posten. Uten bekreftelse får du høyst én påminnelse, deretter blir forslaget slettet, og du hører ikke mer fra oss.',
  footer: confirmProposalFooter,
} satisfies Shape.ConfirmGroupProposalCopy;

export const confirmGroupProposalReminder = {
  subject: (network, title) => `Påminnelse: bekreft gruppeforslaget ditt «${title}» i ${network}`,
  preheader: (expires) => `Forslaget ditt venter på ett klikk. Lenken er gyldig til ${expires}.`,
  intro: (network, title) =>
    `Du foreslo nylig gruppen «${title}» i ${network}, men vi har ikke fått noen bekreftelse ennå. Det holder med ett klikk, så går forslaget videre til koordinatorene i nettverket.`,
  next: 'Koordinatorene går gjennom forslaget og gir deg beskjed på e-post.',
  button: 'Bekreft forslaget mitt',
  expiry: (expires) =>
    `Lenken er gyldig til ${expires}. Etter det blir forslaget slettet, og du er alltid velkommen til å foreslå gruppen igjen.`,
  notYou:
    'Har du ombestemt deg, eller var det ikke deg? Da kan du se bort fra denne e-posten. Dette er den eneste påminnelsen du får.',
  footer: confirmProposalFooter,
} satisfies Shape.ConfirmGroupProposalCopy;

export const groupProposalReceived = {
  subject: (network, title, proposer) => `${proposer} foreslår en ny gruppe i ${network}: «${title}»`,
  preheader: 'Et nytt gruppeforslag venter på avgjørelsen deres.',
  greeting: 'Hei!',
  intro: (network, proposer) =>
    `${proposer} har tatt initiativ til en ny gruppe i ${network} og bekreftet forslaget på e-post.`,
  proposalHeading: 'Forslaget',
  title: (value) => `Tittel: ${value}`,
  questionIntro: 'Spørsmålet som gruppen skulle samles om:',
  messageIntro: 'Forslaget hadde med denne meldingen:',
  proposerHeading: 'Om forslagsstilleren',
  name: (value) => `Navn: ${value}`,
  email: (value) => `E-post: ${value}`,
  organisation: (value) => `Organisasjon: ${value}`,
  role: (value) => `Rolle: ${value}`,
  nextHeading: 'Neste steg',
  next: 'Forslaget ligger nå blant gruppeforslagene for nettverket i administrasjonen. Der kan dere gjøre det om til en gruppe – da blir forslagsstilleren gruppens første deltaker – eller avslå det med en melding. Forslagsstilleren får beskjed på e-post.',
  footer: (network) => `Du får denne e-posten fordi du er koordinator for ${network}.`,
} satisfies Shape.GroupProposalReceivedCopy;

export const groupProposalAccepted = {
  subject: (network, group) => `Forslaget ditt ble en gruppe: «${group}» i ${network}`,
  preheader: (group) => `Gruppen «${group}» finnes nå, og du er den første deltakeren.`,
  intro: (network, group) =>
    `Gode nyheter: koordinatorene i ${network} har gjort forslaget ditt om til en gruppe. Gruppen «${group}» finnes nå, og du er den første deltakeren.`,
  renamed: (proposal) => `Du foreslo den med tittelen «${proposal}».`,
  others: 'Nå kan flere melde seg på gruppen, så lenge det er ledige plasser.',
  footer: proposerFooter,
} satisfies Shape.GroupProposalAcceptedCopy;

export const groupProposalDeclined = {
  subject: (network, title) => `Om gruppeforslaget ditt «${title}» i ${network}`,
  preheader: 'Denne gangen blir det ingen gruppe av forslaget.',
  intro: (network, title) =>
    `Takk for at du tok initiativ til gruppen «${title}» i ${network}. Koordinatorene har gått gjennom forslaget ditt, og denne gangen blir det dessverre ingen gruppe av det.`,
  messageIntro: 'Koordinatoren skriver:',
  welcome:
    'Har du spørsmål, er du velkommen til å ta kontakt med koordinatorene i nettverket. Og du er alltid velkommen til å foreslå en gruppe igjen senere, eller til å melde deg på en av gruppene i nettverket.',
  footer: proposerFooter,
} satisfies Shape.GroupProposalDeclinedCopy;

// meetings.ts

export const meeting = {
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
    'Kan du ikke komme på resten av møtene i gruppen? Da gir du fra deg plassen din, og tar gruppen imot nye deltakere, går den til noen andre.',
  noSeriesLabel: 'Jeg kan ikke komme på resten av møtene (plassen min blir ledig)',
  calendar: 'En kalenderfil er vedlagt: åpne den for å legge møtet inn i kalenderen din.',
  unsubscribeText:
    'Vil du ikke få påminnelser? Det stopper påminnelsene før møtene og påminnelsen om evalueringen. Invitasjoner, endringer, spørsmålet om evaluering etter et møte og e-posten når det er din tur til å innlede, får du uansett.',
  unsubscribeLabel: 'Slutt å sende påminnelser',
  footer: (network) => `Du får denne e-posten fordi du er med i en gruppe i ${network}.`,
} satisfies Shape.MeetingCopy;

export const meetingInvitation = {
  subject: (network, group, day) => `Invitasjon: «${group}» i ${network}, ${day}`,
  preheader: (when) => `Vi ses ${when}. Svar gjerne om du kommer.`,
  intro: (network, group, position) =>
    `Her er invitasjonen til ${position ? `møte ${position}` : 'møtet'} i gruppen «${group}» i ${network}.`,
} satisfies Shape.MeetingInvitationCopy;

export const meetingReminder = {
  subject: (network, group, relative, day) => `Påminnelse: «${group}» i ${network} – ${relative}, ${day}`,
  preheader: (when) => `Vi ses ${when}.`,
  relative: (days) => (days <= 0 ? 'i dag' : days === 1 ? 'i morgen' : `om ${days} dager`),
  intro: (network, group, position, relative) =>
    `${position ? `Møte ${position}` : 'Møtet'} i gruppen «${group}» i ${network} er ${relative}.`,
  rsvpIntro:
    'Har du allerede svart, trenger du ikke å gjøre noe mer. Har planene dine endret seg, kan du svare på nytt her.',
} satisfies Shape.MeetingReminderCopy;

export const introducerReminder = {
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
} satisfies Shape.IntroducerReminderCopy;

export const meetingUpdated = {
  subject: (network, group, day) => `Endret møte: «${group}» i ${network}, ${day}`,
  preheader: (when) => `Nå gjelder: ${when}.`,
  intro: (network, group, position) =>
    `${position ? `Møte ${position}` : 'Møtet'} i gruppen «${group}» i ${network} er endret.`,
  moved: (from, to) => `Møtet er flyttet fra ${from} til ${to}.`,
  newTime: (to) => `Møtet har fått nytt tidspunkt: ${to}.`,
  newPlace: (address) => `Møtet har fått nytt sted: ${address}`,
  newLink: 'Møtet har fått ny lenke: bruk den nedenfor.',
  linkWithdrawn: 'Lenken vi sendte, gjelder ikke lenger. Du får den nye før møtet.',
  placeWithdrawn: 'Adressen vi sendte, gjelder ikke lenger. Du får den nye før møtet.',
  nowOnline: 'Møtet holdes nå digitalt.',
  nowInPerson: (address) => (address ? `Møtet holdes nå fysisk: ${address}` : 'Møtet holdes nå fysisk.'),
  unspecified: 'Opplysningene om møtet er endret. Her er det som gjelder nå.',
  rsvpIntro: 'Svar gjerne på nytt, så vet gruppen hvem som kommer.',
  answerStands: {
    yes: 'Du har svart at du kommer, og det svaret står. Kan du ikke komme på det nye tidspunktet, svar nei her.',
    no: 'Du har svart at du ikke kan komme, og det svaret står: du får ingen påminnelser. Kan du komme på det nye tidspunktet, svar ja her.',
  },
  calendar: 'Den vedlagte kalenderfilen oppdaterer møtet i kalenderen din.',
} satisfies Shape.MeetingUpdatedCopy;

export const meetingCancelled = {
  subject: (network, group, day) => `Avlyst: «${group}» i ${network}, ${day}`,
  preheader: (when) => `Møtet ${when} blir ikke noe av.`,
  intro: (network, group, position, when) =>
    `${position ? `Møte ${position}` : 'Møtet'} i gruppen «${group}» i ${network}, ${when}, er avlyst.`,
  next: 'Får møtet en ny dato, sender vi en ny invitasjon.',
  calendar: 'Den vedlagte kalenderfilen fjerner møtet fra kalenderen din.',
} satisfies Shape.MeetingCancelledCopy;

// evaluations.ts

export const evaluation = {
  scale:
    'Plasser møtet på en skala fra 1 til 10, der 10 er best. Du bestemmer selv hva og hvordan du vurderer.',
  nextTimeQuestion: 'Hva må skje for at neste møte skal få minst ett poeng mer?',
  nextTime:
    'Etter tallet kan du også svare på hva som må skje for at neste møte skal få minst ett poeng mer.',
  formText:
    'Du kan også åpne skjemaet direkte og dele refleksjonene dine eller parkere spørsmål som gruppen kan ta opp senere.',
  formLabel: 'Åpne skjemaet',
  anonymity:
    'Du velger selv om du svarer med eller uten navnet ditt. Med navn ser koordinatorene hvem svaret kommer fra; sammenstillingen til dem og til den som leder møtene, viser ingen navn.',
  closes: (when) => `Evalueringen stenger ${when}.`,
  reflections: {
    programme: 'Refleksjon rundt programmet',
    preparation: 'Forberedelsene til møtet',
    execution: 'Gjennomføringen',
    takeHome: 'Hva tar du med deg hjem fra møtet?',
    continueAtHome: 'Hvordan tenker du å arbeide videre på hjemmebane?',
  },
  reflectionsHeading: 'Refleksjoner',
  parkedHeading: 'Parkerte spørsmål',
} satisfies Shape.EvaluationCopy;

export const evaluationRequest = {
  subject: (network, group, day) => `Hvordan var møtet? «${group}» i ${network}, ${day}`,
  preheader: () => 'Trykk på et tall fra 1 til 10 – det tar bare noen sekunder.',
  intro: (network, group, position, when) =>
    `Takk for ${position ? `møte ${position}` : 'møtet'} i gruppen «${group}» i ${network}, ${when}!`,
  heading: 'Hvordan var møtet? Trykk på et tall',
} satisfies Shape.EvaluationRequestCopy;

export const evaluationReminder = {
  subject: (network, group, day) => `Påminnelse: Hvordan var møtet? «${group}» i ${network}, ${day}`,
  preheader: (closes) => `Det holder å trykke på et tall. Evalueringen stenger ${closes}.`,
  intro: (network, group, position, when) =>
    `Har du rukket å tenke på ${position ? `møte ${position}` : 'møtet'} i gruppen «${group}» i ${network}, ${when}? Vi vil gjerne vite hva du syntes – det holder å trykke på et tall.`,
  heading: 'Hvordan var møtet? Trykk på et tall',
  once: 'Dette er den eneste påminnelsen.',
} satisfies Shape.EvaluationReminderCopy;

export const evaluationSummary = {
  subject: (network, group, day, answered) => `Evaluering: «${group}» i ${network}, ${day} – ${answered}`,
  preheader: (answered, mean) => `${answered}. ${mean}`,
  hello: 'Hei!',
  intro: (network, group, position, when, closed) =>
    `Evalueringen av ${position ? `møte ${position}` : 'møtet'} i gruppen «${group}» i ${network}, ${when}, ble avsluttet ${closed}. Her er det deltakerne svarte.`,
  responsesHeading: 'Svar',
  answered: (responses, asked) => `${responses} av ${asked} svarte`,
  rate: (percent) => `Svarprosent: ${percent}.`,
  nobody: 'Ingen svarte på evalueringen denne gangen.',
  ratingsHeading: 'Vurdering fra 1 til 10',
  mean: (value) => `Gjennomsnitt: ${value}`,
  change: (signed) => `${signed} siden siste møte med svar`,
  same: 'det samme som på siste møte med svar',
  noMean: 'Ikke noe gjennomsnitt, siden ingen svarte.',
  noSuggestions: 'Ingen forslag denne gangen.',
  parkedIntro:
    'Spørsmål som dukket opp på siden av temaet. Ta dem gjerne opp på et tidspunkt som er satt av til det, for eksempel i starten av neste møte.',
  identity:
    'Sammenstillingen viser ingen navn: svar med og uten navn vises på samme måte, og tekstene står i alfabetisk rekkefølge.',
  footer: (network, group) =>
    `Du får denne e-posten fordi du koordinerer eller leder gruppen «${group}» i ${network}.`,
} satisfies Shape.EvaluationSummaryCopy;

// digest.ts

export const digest = {
  subject: (network, parts) => `Nytt i ${network}: ${parts.join(', ')}`,
  subjectQuiet: (network) => `Status i ${network}`,
  preheader: (since) =>
    since ? `Dette har skjedd siden ${since}.` : 'Slik ser det ut i nettverket akkurat nå.',
  intro: (network) => `Her er det siste fra ${network}.`,
  newRegistrations: (n) => plural('nb', n, { one: 'Én ny påmelding', other: `${n} nye påmeldinger` }),
  registrationLine: (name, org) => `${name}, ${org}`,
  topicsHeading: 'Temaer mange vil snakke om',
  topicUncovered: (n, topic) =>
    `${n} ${plural('nb', n, { one: 'person', other: 'personer' })} vil snakke om «${topic}», og ingen åpen gruppe tar det opp: foreslå en gruppe.`,
  topicCovered: (n, topic) =>
    `${n} ${plural('nb', n, { one: 'person', other: 'personer' })} vil snakke om «${topic}». En åpen gruppe tar det allerede opp.`,
  proposalsHeading: (n) => `Gruppeforslag som venter på beslutning (${n})`,
  proposalLine: (title, name) => `«${title}», foreslått av ${name}`,
  pendingHeading: (n) => `Forespørsler å ta stilling til (${n})`,
  pendingLine: (name, org, group) => `${name} (${org}) vil bli med i ${group}.`,
  approve: 'Godkjenn',
  decline: 'Avslå',
  linksNote: 'Lenkene er gyldige i to uker og kan brukes én gang; den som bestemmer først, gjelder.',
  queuesHeading: 'Ventelister og tilbudte plasser',
  queueLine: (group, taken, capacity, waitlisted) =>
    `${group}: ${taken} av ${capacity} plasser tatt, ${waitlisted} på ventelisten`,
  offerLine: (name, until) => `Plass tilbudt til ${name}, svar innen ${until}`,
  meetingsHeading: 'Møter de neste to ukene',
  meetingLine: (group, seq, when) => `${group}, møte ${seq}: ${when}`,
  rsvpLine: (yes, no, unanswered) => `${yes} kommer, ${no} kan ikke, ${unanswered} har ikke svart`,
  introducer: (name) => (name ? `Innleder: ${name}` : 'Ingen innleder valgt ennå'),
  placeMissing: (mode) =>
    `${mode === 'online' ? 'Lenken' : 'Adressen'} mangler: deltakerne har fått beskjed om at den kommer før møtet`,
  evaluationsHeading: 'Evalueringer som er avsluttet',
  evaluationLine: (group, day, answered, asked) => `${group}, møtet ${day}: ${answered} av ${asked} svarte`,
  mean: (mean, change) => `snittkarakter ${mean}${change ? ` (${change} siden siste møte med svar)` : ''}`,
  noAnswers: 'ingen svar',
  subjectParts: {
    registrations: (n) => `${n} ${plural('nb', n, { one: 'ny påmelding', other: 'nye påmeldinger' })}`,
    decisions: (n) =>
      `${n} ${plural('nb', n, { one: 'forespørsel', other: 'forespørsler' })} å ta stilling til`,
    topics: (n) => `${n} ${plural('nb', n, { one: 'tema', other: 'temaer' })} uten gruppe`,
  },
  footer: (network) =>
    `Du får denne e-posten fordi du er koordinator for ${network}. Hvor ofte den kommer, stiller dere inn blant nettverkets innstillinger.`,
} satisfies Shape.DigestCopy;

// privacy.ts

export const privacyConfirm = {
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
  expiry: (expires) => `Lenken er gyldig til ${expires} og kan bare brukes én gang.`,
  footer: 'Du får denne e-posten fordi noen ba om personopplysningene dine med denne adressen.',
} satisfies Shape.PrivacyConfirmCopy;

export const privacyExport = {
  subject: (sender) => `Opplysningene dine hos ${sender}`,
  preheader: 'Alt vi har lagret om deg, som fil og som sammendrag.',
  intro: (file) =>
    `Her er alt vi har lagret om deg. Filen ${file} inneholder opplysningene i maskinlesbar form (JSON); nedenfor følger et sammendrag.`,
  footer: 'Du får denne e-posten fordi du ba om en kopi av personopplysningene dine.',
} satisfies Shape.PrivacyExportCopy;

export const stayQuestion = {
  subject: (networks) => `Vil du være med videre i ${networks}?`,
  preheader: (date) => `Svar innen ${date}, ellers sletter vi opplysningene dine.`,
  intro: (networks) =>
    `Det er lenge siden du var aktiv i ${networks}. Vi lagrer ikke opplysninger unødvendig, så vi lurer på om du vil være med videre.`,
  button: 'Ja, jeg vil være med videre',
  otherwise: (date) =>
    `Hvis vi ikke hører fra deg før ${date}, sletter vi opplysningene dine fra nettverket. Du er alltid velkommen tilbake.`,
  footer: 'Du får denne e-posten fordi du er med i nettverket, men ikke har vært aktiv på lenge.',
} satisfies Shape.StayQuestionCopy;

// privacy-summary.ts

export const privacySummary = {
  headings: {
    registration: 'Interessemeldinger',
    join: 'Grupper og ventelister',
    proposal: 'Forslag til grupper',
    consent: 'Samtykker',
    optOut: 'Avmeldinger',
    person: 'Sist aktiv',
    token: 'Lenker vi har sendt',
    replies: 'Svar på invitasjoner',
    answers: 'Evalueringer med navn',
    introductions: 'Møter der du holder innledningen',
  },
  registration: {
    pending_confirmation: 'venter på bekreftelsen din',
    confirmed: 'bekreftet',
    expired: 'aldri bekreftet, utløpt',
  },
  join: {
    pending_confirmation: 'venter på bekreftelsen din',
    pending_approval: 'venter på en koordinator',
    approved: 'med i gruppen',
    waitlisted: 'på ventelisten',
    offered: 'tilbudt en plass',
    declined: 'ikke tatt opp',
    left: 'har forlatt gruppen',
    offer_expired: 'tilbudet gikk ut',
    expired: 'aldri bekreftet, utløpt',
  },
  proposal: {
    pending_confirmation: 'venter på bekreftelsen din',
    proposed: 'hos koordinatorene',
    accepted: 'ble en gruppe',
    declined: 'ikke tatt opp',
    expired: 'aldri bekreftet, utløpt',
  },
  agreed: {
    interest: 'Samtykke til at nettverket lagrer interessemeldingen din',
    join: 'Samtykke til at nettverket lagrer opplysningene dine for en plass i en gruppe',
    'group-proposal': 'Samtykke til at nettverket lagrer forslaget ditt til en gruppe',
    stay: 'Du ville være med videre',
    'mail-reminders': 'Påminnelsene slått på igjen',
    'mail-all': 'E-postene slått på igjen',
  },
  withdrew: {
    'mail-reminders': 'Påminnelsene slått av',
    'mail-all': 'All e-post slått av',
  },
  wording: (version) => `tekstversjon ${version}`,
  optOut: {
    reminders: 'ingen påminnelser',
    all: 'ingen e-post utenom den du selv ber om',
  },
  digestOff: 'ingen oppsummering til koordinatorene',
  rsvp: { yes: 'kommer', no: 'kommer ikke' },
  noReply: 'ikke svart',
  attendance: { present: 'til stede', absent: 'fraværende', half: 'halve tiden' },
  sent: (when) => `sendt ${when}`,
  topics: (list) => `temaer: ${list}`,
  rating: (value) => `karakter ${value}`,
  links: (count) => `${count} ${plural('nb', count, { one: 'lenke', other: 'lenker' })}`,
} satisfies Shape.PrivacySummaryCopy;

// common.ts

export const common = {
  greeting: (name) => `Hei ${name}!`,
  closing: 'Vennlig hilsen',
  buttonFallback: 'Virker ikke knappen? Kopier lenken inn i nettleseren din:',
} satisfies Shape.CommonCopy;

// layout.ts

// The unsubscribe link under every mail to a member.
export const unsubscribeLabel = 'Meld deg av eller velg bort påminnelser';
