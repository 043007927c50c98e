import { plural } from '../../i18n.ts';
import type * as Shape from './types.ts';

// The Swedish copy of every mail, one export per kind; the shapes are in types.ts.

// registration.ts

export const confirmRegistration = {
  subject: (network) => `Bekräfta ditt intresse för ${network}`,
  preheader: (expires) => `Ett klick, så är du anmäld. Länken gäller fram till ${expires}.`,
  intro: (network) =>
    `Tack för att du har anmält intresse för ${network}! Bekräfta att det var du, så vet vi att adressen stämmer.`,
  button: 'Bekräfta min anmälan',
  expiry: (expires) => `Länken gäller fram till ${expires}.`,
  notYou:
    'Var det inte du som anmälde dig? Då kan du bortse från det här mejlet. Utan bekräftelse får du högst en påminnelse, sedan tas anmälan bort och du hör inte av oss igen.',
  footer: (network) =>
    `Du får det här mejlet eftersom den här adressen användes för att anmäla intresse för ${network}.`,
} satisfies Shape.ConfirmRegistrationCopy;

export const confirmRegistrationReminder = {
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
} satisfies Shape.ConfirmRegistrationCopy;

export const registrationReceipt = {
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
} satisfies Shape.RegistrationReceiptCopy;

// groups.ts

// Why a member, or someone who asked to join, receives a group mail.
const joinFooter = (network: string): string =>
  `Du får det här mejlet eftersom du har anmält dig till en grupp i ${network}.`;

// Why the address gets the mail asking to confirm a request to join, and its reminder.
const confirmJoinFooter = (network: string): string =>
  `Du får det här mejlet eftersom den här adressen användes för att anmäla sig till en grupp i ${network}.`;

export const confirmJoinRequest = {
  subject: (network, group) => `Bekräfta din anmälan till ”${group}” i ${network}`,
  preheader: (expires) => `Ett klick, så är din anmälan klar. Länken gäller fram till ${expires}.`,
  intro: (network, group) =>
    `Tack för att du vill vara med i gruppen ”${group}” i ${network}! Bekräfta att det var du som anmälde dig, så tar vi hand om din anmälan.`,
  next: 'Du får besked via mejl så snart du har bekräftat.',
  button: 'Bekräfta min anmälan',
  expiry: (expires) => `Länken gäller fram till ${expires}.`,
  notYou:
    'Var det inte du som anmälde dig? Då kan du bortse från det här mejlet. Utan bekräftelse får du högst en påminnelse, sedan tas anmälan bort och du hör inte av oss igen.',
  footer: confirmJoinFooter,
} satisfies Shape.ConfirmJoinRequestCopy;

export const confirmJoinRequestReminder = {
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
  footer: confirmJoinFooter,
} satisfies Shape.ConfirmJoinRequestCopy;

export const joinApproved = {
  subject: (network, group) => `Välkommen till ”${group}” i ${network}`,
  preheader: (group) => `Du har fått en plats i ”${group}”. Här är det du behöver veta.`,
  intro: (network, group) => `Välkommen till gruppen ”${group}” i ${network}! Du har fått en plats.`,
  questionIntro: 'Frågan som gruppen samlas kring:',
  facilitator: (name) => `Träffarna leds av ${name}.`,
  online: 'Gruppen träffas online. Hur du ansluter står i inbjudan till varje träff.',
  inPerson: (location) =>
    location
      ? `Gruppen träffas fysiskt. Mötesplats: ${location}`
      : 'Gruppen träffas fysiskt. Platsen står i inbjudan till varje träff.',
  commitmentsHeading: 'Vad innebär det att vara med?',
  commitments: [
    'Närvaro: alla kan inte vara med på alla träffar, men sikta på att delta på så många som möjligt – det vinner både du och gruppen på.',
    'Förberedelser: varje träff börjar med en introduktion, och alla deltagare får vid något tillfälle uppdraget att förbereda den.',
    'Förtroende: det som sägs i gruppen stannar i gruppen.',
  ],
  dates: 'Datum och tid för träffarna kommer i separata inbjudningar.',
  datesMailOff:
    'Du har stängt av alla mejl från nätverket, så inbjudningarna till träffarna kommer inte. Vill du ha dem slår du på mejlen igen med länken längst ned i det här mejlet.',
  leave: 'Kan du inte vara med längre? Då kan du lämna gruppen, så blir din plats ledig.',
  leaveLabel: 'Lämna gruppen',
  footer: joinFooter,
} satisfies Shape.JoinApprovedCopy;

export const joinWaitlisted = {
  subject: (network, group) => `Du står på väntelistan till ”${group}” i ${network}`,
  preheader: (position) => `Du är nummer ${position} i kön. Vi mejlar dig när en plats blir ledig.`,
  intro: (network, group) =>
    `Tack för din anmälan till gruppen ”${group}” i ${network}! Gruppen är full just nu, så du har fått en plats på väntelistan.`,
  position: (position) => `Du är nummer ${position} i kön.`,
  offer:
    'När det blir en plats och det är din tur får du ett mejl: oftast ett erbjudande om platsen som du svarar på, eller ett välkomstmejl om gruppen får fler platser, för då är platsen din direkt. Du behöver inte göra något innan dess.',
  leave: 'Vill du inte vänta längre? Då kan du lämna väntelistan.',
  leaveLabel: 'Lämna väntelistan',
  footer: joinFooter,
} satisfies Shape.JoinWaitlistedCopy;

export const waitlistClosed = {
  subject: (network, group) => `”${group}” i ${network} tar inte emot nya deltagare just nu`,
  preheader: 'Du står kvar på väntelistan, men ingen flyttas upp medan gruppen är stängd.',
  intro: (network, group) =>
    `Samordnarna i ${network} har stängt gruppen ”${group}” för nya deltagare. Gruppen fortsätter att träffas, men så länge den är stängd får ingen på väntelistan en plats.`,
  stay: 'Du står kvar på väntelistan. Öppnar samordnarna gruppen igen och det finns plats, får du ett mejl.',
  leave: 'Vill du inte vänta? Då kan du lämna väntelistan.',
  leaveLabel: 'Lämna väntelistan',
  footer: joinFooter,
} satisfies Shape.WaitlistClosedCopy;

export const joinPendingApproval = {
  subject: (network, group) => `Din anmälan till ”${group}” i ${network} väntar på beslut`,
  preheader: 'En samordnare går igenom din anmälan och hör av sig.',
  intro: (network, group) => `Tack för din anmälan till gruppen ”${group}” i ${network}!`,
  why: (network) =>
    `Grupperna i ${network} är öppna för alla vars arbetsgivare är medlemsorganisation i nätverket. Din organisation är inte (ännu) registrerad som medlemsorganisation, så en samordnare går igenom din anmälan och beslutar om den.`,
  next: 'Du får ett mejl så snart det finns ett beslut. Du behöver inte göra något under tiden.',
  footer: joinFooter,
} satisfies Shape.JoinPendingApprovalCopy;

export const joinDeclined = {
  subject: (network, group) => `Om din anmälan till ”${group}” i ${network}`,
  preheader: 'Den här gången blev det ingen plats i gruppen.',
  intro: (network, group) =>
    `Tack för ditt intresse för gruppen ”${group}” i ${network}. En samordnare har gått igenom din anmälan, och den här gången kan du tyvärr inte få en plats i gruppen.`,
  messageIntro: 'Samordnaren skriver:',
  welcome:
    'Har du frågor är du välkommen att höra av dig till nätverkets samordnare. Och du är alltid välkommen att anmäla dig till en annan grupp längre fram.',
  footer: joinFooter,
} satisfies Shape.JoinDeclinedCopy;

export const joinApprovalRequest = {
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
  approve: 'Godkänner du får personen en plats i gruppen, eller en plats på väntelistan om gruppen är full.',
  approveButton: 'Godkänn anmälan',
  decline: 'Avböjer du kan du skriva ett meddelande som följer med beskedet till personen.',
  declineButton: 'Avböj anmälan',
  expiry: (expires) => `Länkarna går att använda en gång och gäller fram till ${expires}.`,
  footer: (network) => `Du får det här mejlet eftersom du är samordnare för ${network}.`,
} satisfies Shape.JoinApprovalRequestCopy;

export const seatOffered = {
  subject: (network, group) => `En plats är ledig i ”${group}” i ${network}`,
  preheader: (expires) => `Tacka ja senast ${expires}, så är platsen din.`,
  intro: (network, group) =>
    `Goda nyheter: en plats har blivit ledig i gruppen ”${group}” i ${network}, och nu är det din tur på väntelistan.`,
  hold: (expires) => `Vi håller platsen åt dig fram till ${expires}. Tacka ja innan dess, så är den din.`,
  button: 'Tacka ja till platsen',
  decline:
    'Kan du inte vara med? Tacka nej, så går platsen direkt till nästa i kön. Svarar du inte går den vidare när tiden har gått ut.',
  declineLabel: 'Tacka nej till platsen',
  footer: joinFooter,
} satisfies Shape.SeatOfferedCopy;

export const offerExpired = {
  subject: (network, group) => `Erbjudandet om en plats i ”${group}” i ${network} har gått ut`,
  preheader: 'Platsen är inte längre reserverad för dig.',
  intro: (network, group) =>
    `Vi höll en plats åt dig i gruppen ”${group}” i ${network}, men tiden för att tacka ja har gått ut, så platsen är inte längre reserverad för dig.`,
  again:
    'Vill du fortfarande vara med kan du anmäla dig till gruppen igen, så länge den tar emot nya deltagare.',
  footer: joinFooter,
} satisfies Shape.OfferExpiredCopy;

export const leftGroup = {
  group: {
    subject: (network, group) => `Du har lämnat ”${group}” i ${network}`,
    preheader: 'Det här är en bekräftelse. Du behöver inte göra något mer.',
    intro: (network, group) =>
      `Du har lämnat gruppen ”${group}” i ${network}. Tack för din tid och ditt engagemang!`,
    after: 'Det som har sagts i gruppen stannar fortfarande i gruppen.',
    again: 'Ändrar du dig kan du anmäla dig igen, så länge gruppen tar emot nya deltagare och har plats.',
    notYou: 'Var det inte du som lämnade gruppen? Hör då av dig till nätverkets samordnare.',
    footer: joinFooter,
  },
  waitlist: {
    subject: (network, group) => `Du har lämnat väntelistan till ”${group}” i ${network}`,
    preheader: 'Det här är en bekräftelse. Du behöver inte göra något mer.',
    intro: (network, group) => `Du står inte längre på väntelistan till gruppen ”${group}” i ${network}.`,
    after: 'Du får alltså inget erbjudande när en plats blir ledig.',
    again: 'Ändrar du dig kan du anmäla dig igen, så länge gruppen tar emot nya deltagare.',
    notYou: 'Var det inte du som lämnade väntelistan? Hör då av dig till nätverkets samordnare.',
    footer: joinFooter,
  },
  offer: {
    subject: (network, group) => `Du har tackat nej till platsen i ”${group}” i ${network}`,
    preheader: 'Det här är en bekräftelse. Du behöver inte göra något mer.',
    intro: (network, group) =>
      `Du har tackat nej till platsen i gruppen ”${group}” i ${network}, och den är inte längre reserverad för dig.`,
    after: 'Du står inte heller kvar på väntelistan.',
    again: 'Ändrar du dig kan du anmäla dig igen, så länge gruppen tar emot nya deltagare.',
    notYou: 'Var det inte du som tackade nej? Hör då av dig till nätverkets samordnare.',
    footer: joinFooter,
  },
} satisfies { group: Shape.LeftGroupCopy; waitlist: Shape.LeftGroupCopy; offer: Shape.LeftGroupCopy };

// group-proposals.ts

// Why the proposer receives a proposal mail.
const proposerFooter = (network: string): string =>
  `Du får det här mejlet eftersom du har föreslagit en grupp i ${network}.`;

// Why the address gets the mail asking to confirm a group proposal, and its reminder.
const confirmProposalFooter = (network: string): string =>
  `Du får det här mejlet eftersom den här adressen användes för att föreslå en grupp i ${network}.`;

export const confirmGroupProposal = {
  subject: (network, title) => `Bekräfta ditt gruppförslag ”${title}” i ${network}`,
  preheader: (expires) =>
    `Ett klick, så går förslaget vidare till samordnarna. Länken gäller fram till ${expires}.`,
  intro: (network, title) =>
    `Tack för att du tar initiativ till en ny grupp i ${network}! Bekräfta att det var du som föreslog gruppen ”${title}”, så skickar vi förslaget vidare till nätverkets samordnare.`,
  next: 'Samordnarna går igenom förslaget och hör av sig via mejl.',
  button: 'Bekräfta mitt förslag',
  expiry: (expires) => `Länken gäller fram till ${expires}.`,
  notYou:
    'Var det inte du som föreslog gruppen? Då kan du bortse från det här mejlet. Utan bekräftelse får du högst en påminnelse, sedan tas förslaget bort och du hör inte av oss igen.',
  footer: confirmProposalFooter,
} satisfies Shape.ConfirmGroupProposalCopy;

export const confirmGroupProposalReminder = {
  subject: (network, title) => `Påminnelse: bekräfta ditt gruppförslag ”${title}” i ${network}`,
  preheader: (expires) => `Ditt förslag väntar på ett klick. Länken gäller fram till ${expires}.`,
  intro: (network, title) =>
    `Du föreslog nyligen gruppen ”${title}” i ${network}, men vi har inte fått någon bekräftelse än. Det räcker med ett klick, så går förslaget vidare till nätverkets samordnare.`,
  next: 'Samordnarna går igenom förslaget och hör av sig via mejl.',
  button: 'Bekräfta mitt förslag',
  expiry: (expires) =>
    `Länken gäller fram till ${expires}. Därefter tas förslaget bort, och du är alltid välkommen att föreslå gruppen igen.`,
  notYou:
    'Har du ångrat dig, eller var det inte du? Då kan du bortse från det här mejlet. Det här är den enda påminnelsen du får.',
  footer: confirmProposalFooter,
} satisfies Shape.ConfirmGroupProposalCopy;

export const groupProposalReceived = {
  subject: (network, title, proposer) => `${proposer} föreslår en ny grupp i ${network}: ”${title}”`,
  preheader: 'Ett nytt gruppförslag väntar på ert beslut.',
  greeting: 'Hej!',
  intro: (network, proposer) =>
    `${proposer} har tagit initiativ till en ny grupp i ${network} och bekräftat förslaget via mejl.`,
  proposalHeading: 'Förslaget',
  title: (value) => `Rubrik: ${value}`,
  questionIntro: 'Frågan som gruppen skulle samlas kring:',
  messageIntro: 'Med förslaget följde det här meddelandet:',
  proposerHeading: 'Om förslagsställaren',
  name: (value) => `Namn: ${value}`,
  email: (value) => `E-post: ${value}`,
  organisation: (value) => `Organisation: ${value}`,
  role: (value) => `Roll: ${value}`,
  nextHeading: 'Nästa steg',
  next: 'Förslaget finns nu bland nätverkets gruppförslag i administrationen. Där kan ni göra en grupp av det – då blir förslagsställaren gruppens första deltagare – eller avböja det med ett meddelande. Förslagsställaren får besked via mejl.',
  footer: (network) => `Du får det här mejlet eftersom du är samordnare för ${network}.`,
} satisfies Shape.GroupProposalReceivedCopy;

export const groupProposalAccepted = {
  subject: (network, group) => `Ditt förslag blev en grupp: ”${group}” i ${network}`,
  preheader: (group) => `Gruppen ”${group}” finns nu, och du är dess första deltagare.`,
  intro: (network, group) =>
    `Goda nyheter: samordnarna i ${network} har gjort en grupp av ditt förslag. Gruppen ”${group}” finns nu, och du är dess första deltagare.`,
  renamed: (proposal) => `Du föreslog den under rubriken ”${proposal}”.`,
  others: 'Nu kan fler anmäla sig till gruppen, i mån av plats.',
  footer: proposerFooter,
} satisfies Shape.GroupProposalAcceptedCopy;

export const groupProposalDeclined = {
  subject: (network, title) => `Om ditt gruppförslag ”${title}” i ${network}`,
  preheader: 'Den här gången blir det ingen grupp av förslaget.',
  intro: (network, title) =>
    `Tack för att du tog initiativ till gruppen ”${title}” i ${network}. Samordnarna har gått igenom ditt förslag, och den här gången blir det tyvärr ingen grupp av det.`,
  messageIntro: 'Samordnaren skriver:',
  welcome:
    'Har du frågor är du välkommen att höra av dig till nätverkets samordnare. Och du är alltid välkommen att föreslå en grupp igen längre fram, eller att anmäla dig till en av nätverkets grupper.',
  footer: proposerFooter,
} satisfies Shape.GroupProposalDeclinedCopy;

// meetings.ts

export const meeting = {
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
    'Kan du inte komma på resten av gruppens träffar? Då lämnar du din plats, och tar gruppen emot nya deltagare går den till någon annan.',
  noSeriesLabel: 'Jag kan inte komma på resten av träffarna (min plats blir ledig)',
  calendar: 'En kalenderfil är bifogad: öppna den för att lägga in träffen i din kalender.',
  unsubscribeText:
    'Vill du inte få påminnelser? Det stoppar påminnelserna inför träffarna och påminnelsen om utvärderingen. Inbjudningar, ändringar, frågan om utvärdering efter en träff och mejlet när det är din tur att inleda får du ändå.',
  unsubscribeLabel: 'Sluta skicka påminnelser',
  footer: (network) => `Du får det här mejlet eftersom du är med i en grupp i ${network}.`,
} satisfies Shape.MeetingCopy;

export const meetingInvitation = {
  subject: (network, group, day) => `Inbjudan: ”${group}” i ${network}, ${day}`,
  preheader: (when) => `Vi ses ${when}. Svara gärna om du kommer.`,
  intro: (network, group, position) =>
    `Här kommer inbjudan till ${position ? `träff ${position}` : 'träffen'} i gruppen ”${group}” i ${network}.`,
} satisfies Shape.MeetingInvitationCopy;

export const meetingReminder = {
  subject: (network, group, relative, day) => `Påminnelse: ”${group}” i ${network} – ${relative}, ${day}`,
  preheader: (when) => `Vi ses ${when}.`,
  relative: (days) => (days <= 0 ? 'i dag' : days === 1 ? 'i morgon' : `om ${days} dagar`),
  intro: (network, group, position, relative) =>
    `${position ? `Träff ${position}` : 'Träffen'} i gruppen ”${group}” i ${network} är ${relative}.`,
  rsvpIntro:
    'Har du redan svarat behöver du inte göra något mer. Har dina planer ändrats kan du svara på nytt här.',
} satisfies Shape.MeetingReminderCopy;

export const introducerReminder = {
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
} satisfies Shape.IntroducerReminderCopy;

export const meetingUpdated = {
  subject: (network, group, day) => `Ändrad träff: ”${group}” i ${network}, ${day}`,
  preheader: (when) => `Nu gäller: ${when}.`,
  intro: (network, group, position) =>
    `${position ? `Träff ${position}` : 'Träffen'} i gruppen ”${group}” i ${network} har ändrats.`,
  moved: (from, to) => `Träffen är flyttad från ${from} till ${to}.`,
  newTime: (to) => `Träffen har en ny tid: ${to}.`,
  newPlace: (address) => `Träffen har en ny plats: ${address}`,
  newLink: 'Träffen har en ny länk: använd den nedan.',
  linkWithdrawn: 'Länken vi skickade gäller inte längre. Du får den nya före träffen.',
  placeWithdrawn: 'Adressen vi skickade gäller inte längre. Du får den nya före träffen.',
  nowOnline: 'Träffen hålls nu online.',
  nowInPerson: (address) => (address ? `Träffen hålls nu fysiskt: ${address}` : 'Träffen hålls nu fysiskt.'),
  unspecified: 'Uppgifterna om träffen har ändrats. Här är det som gäller nu.',
  rsvpIntro: 'Svara gärna på nytt, så vet gruppen vilka som kommer.',
  answerStands: {
    yes: 'Du har svarat att du kommer, och det svaret står kvar. Kan du inte komma på den nya tiden, svara nej här.',
    no: 'Du har svarat att du inte kan komma, och det svaret står kvar: du får inga påminnelser. Kan du komma på den nya tiden, svara ja här.',
  },
  calendar: 'Den bifogade kalenderfilen uppdaterar träffen i din kalender.',
} satisfies Shape.MeetingUpdatedCopy;

export const meetingCancelled = {
  subject: (network, group, day) => `Inställd: ”${group}” i ${network}, ${day}`,
  preheader: (when) => `Träffen ${when} blir inte av.`,
  intro: (network, group, position, when) =>
    `${position ? `Träff ${position}` : 'Träffen'} i gruppen ”${group}” i ${network}, ${when}, är inställd.`,
  next: 'Får träffen ett nytt datum skickar vi en ny inbjudan.',
  calendar: 'Den bifogade kalenderfilen tar bort träffen ur din kalender.',
} satisfies Shape.MeetingCancelledCopy;

// evaluations.ts

export const evaluation = {
  scale: 'Sätt in träffen på en skala från 1 till 10, där 10 är bäst. Du avgör själv vad och hur du bedömer.',
  nextTimeQuestion: 'Vad behöver hända för att nästa träff ska bli minst en poäng högre?',
  nextTime:
    'Efter siffran kan du också svara på vad som behöver hända för att nästa träff ska bli minst en poäng högre.',
  formText:
    'Du kan också öppna formuläret direkt och dela dina reflektioner eller parkera frågor som gruppen kan ta upp senare.',
  formLabel: 'Öppna formuläret',
  anonymity:
    'Du väljer själv om du svarar med eller utan ditt namn. Med namn ser samordnarna vem svaret kommer från; sammanställningen till dem och till den som leder träffarna visar inga namn.',
  closes: (when) => `Utvärderingen stänger ${when}.`,
  reflections: {
    programme: 'Reflektion kring programmet',
    preparation: 'Förberedelserna inför träffen',
    execution: 'Genomförandet',
    takeHome: 'Vad tar du med dig hem från träffen?',
    continueAtHome: 'Hur tänker du arbeta vidare på hemmaplan?',
  },
  reflectionsHeading: 'Reflektioner',
  parkedHeading: 'Parkerade frågor',
} satisfies Shape.EvaluationCopy;

export const evaluationRequest = {
  subject: (network, group, day) => `Hur var träffen? ”${group}” i ${network}, ${day}`,
  preheader: () => 'Tryck på en siffra från 1 till 10 – det tar bara några sekunder.',
  intro: (network, group, position, when) =>
    `Tack för ${position ? `träff ${position}` : 'träffen'} i gruppen ”${group}” i ${network}, ${when}!`,
  heading: 'Hur var träffen? Tryck på en siffra',
} satisfies Shape.EvaluationRequestCopy;

export const evaluationReminder = {
  subject: (network, group, day) => `Påminnelse: Hur var träffen? ”${group}” i ${network}, ${day}`,
  preheader: (closes) => `Det räcker att trycka på en siffra. Utvärderingen stänger ${closes}.`,
  intro: (network, group, position, when) =>
    `Har du hunnit tänka på ${position ? `träff ${position}` : 'träffen'} i gruppen ”${group}” i ${network}, ${when}? Vi vill gärna veta vad du tyckte – det räcker att trycka på en siffra.`,
  heading: 'Hur var träffen? Tryck på en siffra',
  once: 'Det här är den enda påminnelsen.',
} satisfies Shape.EvaluationReminderCopy;

export const evaluationSummary = {
  subject: (network, group, day, answered) => `Utvärdering: ”${group}” i ${network}, ${day} – ${answered}`,
  preheader: (answered, mean) => `${answered}. ${mean}`,
  hello: 'Hej!',
  intro: (network, group, position, when, closed) =>
    `Utvärderingen av ${position ? `träff ${position}` : 'träffen'} i gruppen ”${group}” i ${network}, ${when}, stängdes ${closed}. Här är vad deltagarna svarade.`,
  responsesHeading: 'Svar',
  answered: (responses, asked) => `${responses} av ${asked} svarade`,
  rate: (percent) => `Svarsfrekvens: ${percent}.`,
  nobody: 'Ingen svarade på utvärderingen den här gången.',
  ratingsHeading: 'Betyg från 1 till 10',
  mean: (value) => `Medelbetyg: ${value}`,
  change: (signed) => `${signed} sedan senaste träffen med svar`,
  same: 'samma som vid senaste träffen med svar',
  noMean: 'Inget medelbetyg, eftersom ingen svarade.',
  noSuggestions: 'Inga förslag den här gången.',
  parkedIntro:
    'Frågor som kom upp vid sidan av ämnet. Ta gärna upp dem vid en tid som är avsatt för det, till exempel i början av nästa träff.',
  identity:
    'Sammanställningen visar inga namn: svar med och utan namn redovisas på samma sätt, och texterna står i bokstavsordning.',
  footer: (network, group) =>
    `Du får det här mejlet eftersom du samordnar eller leder gruppen ”${group}” i ${network}.`,
} satisfies Shape.EvaluationSummaryCopy;

// digest.ts

export const digest = {
  subject: (network, parts) => `Nytt i ${network}: ${parts.join(', ')}`,
  subjectQuiet: (network) => `Läget i ${network}`,
  preheader: (since) =>
    since ? `Det här har hänt sedan ${since}.` : 'Så här ser det ut i nätverket just nu.',
  intro: (network) => `Här är det senaste från ${network}.`,
  newRegistrations: (n) => plural('sv', n, { one: 'En ny anmälan', other: `${n} nya anmälningar` }),
  registrationLine: (name, org) => `${name}, ${org}`,
  topicsHeading: 'Ämnen som många vill prata om',
  topicUncovered: (n, topic) =>
    `${n} ${plural('sv', n, { one: 'person', other: 'personer' })} vill prata om ”${topic}” och ingen öppen grupp tar upp det: föreslå en grupp.`,
  topicCovered: (n, topic) =>
    `${n} ${plural('sv', n, { one: 'person', other: 'personer' })} vill prata om ”${topic}”. En öppen grupp tar redan upp det.`,
  proposalsHeading: (n) => `Gruppförslag som väntar på beslut (${n})`,
  proposalLine: (title, name) => `”${title}”, föreslagen av ${name}`,
  pendingHeading: (n) => `Förfrågningar att besluta om (${n})`,
  pendingLine: (name, org, group) => `${name} (${org}) vill gå med i ${group}.`,
  approve: 'Godkänn',
  decline: 'Avböj',
  linksNote: 'Länkarna gäller i två veckor och kan användas en gång; den som beslutar först gäller.',
  queuesHeading: 'Väntelistor och erbjudna platser',
  queueLine: (group, taken, capacity, waitlisted) =>
    `${group}: ${taken} av ${capacity} platser tagna, ${waitlisted} på väntelistan`,
  offerLine: (name, until) => `Plats erbjuden till ${name}, svar senast ${until}`,
  meetingsHeading: 'Träffar de närmaste två veckorna',
  meetingLine: (group, seq, when) => `${group}, träff ${seq}: ${when}`,
  rsvpLine: (yes, no, unanswered) => `${yes} kommer, ${no} kan inte, ${unanswered} har inte svarat`,
  introducer: (name) => (name ? `Inledare: ${name}` : 'Ingen inledare utsedd än'),
  placeMissing: (mode) =>
    `${mode === 'online' ? 'Länken' : 'Adressen'} saknas: deltagarna har fått veta att den kommer före träffen`,
  evaluationsHeading: 'Utvärderingar som har stängt',
  evaluationLine: (group, day, answered, asked) =>
    `${group}, träffen ${day}: ${answered} av ${asked} svarade`,
  mean: (mean, change) => `snittbetyg ${mean}${change ? ` (${change} sedan senaste träffen med svar)` : ''}`,
  noAnswers: 'inga svar',
  subjectParts: {
    registrations: (n) => `${n} ${plural('sv', n, { one: 'ny anmälan', other: 'nya anmälningar' })}`,
    decisions: (n) => `${n} ${plural('sv', n, { one: 'förfrågan', other: 'förfrågningar' })} att besluta om`,
    topics: (n) => `${n} ${plural('sv', n, { one: 'ämne', other: 'ämnen' })} utan grupp`,
  },
  footer: (network) =>
    `Du får det här mejlet eftersom du är samordnare för ${network}. Hur ofta det kommer ställer ni in bland nätverkets inställningar.`,
} satisfies Shape.DigestCopy;

// privacy.ts

export const privacyConfirm = {
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
  expiry: (expires) => `Länken gäller fram till ${expires} och kan bara användas en gång.`,
  footer: 'Du får det här mejlet eftersom någon bad om dina personuppgifter med den här adressen.',
} satisfies Shape.PrivacyConfirmCopy;

export const privacyExport = {
  subject: (sender) => `Dina uppgifter hos ${sender}`,
  preheader: 'Allt vi har sparat om dig, som fil och som sammanfattning.',
  intro: (file) =>
    `Här är allt vi har sparat om dig. Filen ${file} innehåller uppgifterna i maskinläsbar form (JSON); nedan följer en sammanfattning.`,
  footer: 'Du får det här mejlet eftersom du bad om en kopia av dina personuppgifter.',
} satisfies Shape.PrivacyExportCopy;

export const stayQuestion = {
  subject: (networks) => `Vill du vara kvar i ${networks}?`,
  preheader: (date) => `Svara senast ${date}, annars tar vi bort dina uppgifter.`,
  intro: (networks) =>
    `Det var länge sedan du var aktiv i ${networks}. Vi sparar inte uppgifter i onödan, så vi undrar om du vill vara kvar.`,
  button: 'Ja, jag vill vara kvar',
  otherwise: (date) =>
    `Om vi inte hör något från dig före ${date} tar vi bort dina uppgifter ur nätverket. Du är alltid välkommen tillbaka.`,
  footer: 'Du får det här mejlet eftersom du är med i nätverket men inte har varit aktiv på länge.',
} satisfies Shape.StayQuestionCopy;

// privacy-summary.ts

export const privacySummary = {
  headings: {
    registration: 'Intresseanmälningar',
    join: 'Grupper och väntelistor',
    proposal: 'Förslag på grupper',
    consent: 'Samtycken',
    optOut: 'Avregistreringar',
    person: 'Senast aktiv',
    token: 'Länkar vi har mejlat',
    replies: 'Svar på inbjudningar',
    answers: 'Utvärderingar med namn',
    introductions: 'Träffar där du håller inledningen',
  },
  registration: {
    pending_confirmation: 'väntar på din bekräftelse',
    confirmed: 'bekräftad',
    expired: 'aldrig bekräftad, förfallen',
  },
  join: {
    pending_confirmation: 'väntar på din bekräftelse',
    pending_approval: 'väntar på en samordnare',
    approved: 'med i gruppen',
    waitlisted: 'på väntelistan',
    offered: 'erbjuden en plats',
    declined: 'inte antagen',
    left: 'har lämnat gruppen',
    offer_expired: 'erbjudandet gick ut',
    expired: 'aldrig bekräftad, förfallen',
  },
  proposal: {
    pending_confirmation: 'väntar på din bekräftelse',
    proposed: 'hos samordnarna',
    accepted: 'blev en grupp',
    declined: 'inte antaget',
    expired: 'aldrig bekräftat, förfallet',
  },
  agreed: {
    interest: 'Samtycke till att nätverket sparar din intresseanmälan',
    join: 'Samtycke till att nätverket sparar dina uppgifter för en plats i en grupp',
    'group-proposal': 'Samtycke till att nätverket sparar ditt förslag på en grupp',
    stay: 'Du ville vara kvar',
    'mail-reminders': 'Påminnelserna på igen',
    'mail-all': 'Mejlen på igen',
  },
  withdrew: {
    'mail-reminders': 'Påminnelserna avstängda',
    'mail-all': 'Alla mejl avstängda',
  },
  wording: (version) => `textversion ${version}`,
  optOut: {
    reminders: 'inga påminnelser',
    all: 'inga mejl utom dem du själv ber om',
  },
  digestOff: 'ingen sammanfattning till samordnarna',
  rsvp: { yes: 'kommer', no: 'kommer inte' },
  noReply: 'inget svar',
  attendance: { present: 'närvarande', absent: 'frånvarande', half: 'halva tiden' },
  sent: (when) => `skickad ${when}`,
  topics: (list) => `ämnen: ${list}`,
  rating: (value) => `betyg ${value}`,
  links: (count) => `${count} ${plural('sv', count, { one: 'länk', other: 'länkar' })}`,
} satisfies Shape.PrivacySummaryCopy;

// common.ts

export const common = {
  greeting: (name) => `Hej ${name}!`,
  closing: 'Vänliga hälsningar',
  buttonFallback: 'Fungerar inte knappen? Kopiera länken till din webbläsare:',
} satisfies Shape.CommonCopy;

// layout.ts

// The unsubscribe link under every mail to a member.
export const unsubscribeLabel = 'Avsluta prenumerationen eller välj bort påminnelser';
