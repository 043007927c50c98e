import type { Language } from '../i18n.ts';
import { action, greeting, signature } from './common.ts';
import { formatDateTime } from './format.ts';
import { joinApprovedCopy } from './groups.ts';
import type { Block, MailContent } from './layout.ts';

/*
 * The mails of a group proposal: groups start on a member's initiative around one question. The
 * proposer confirms by a link (double opt-in), the coordinators hear of it, and the proposer learns
 * whether the proposal became a group (with them as its first member) or not.
 */

/** The double opt-in for a proposal. */
export interface ConfirmGroupProposalFields {
  recipientName: string;
  networkName: string;
  proposalTitle: string;
  confirmUrl: string;
  expiresAt: Date;
  /** The network's IANA time zone: the expiry is shown in it. */
  timeZone: string;
}

/** To a coordinator: a confirmed proposal waits for a decision. */
export interface GroupProposalReceivedFields {
  networkName: string;
  proposalTitle: string;
  question: string;
  proposerName: string;
  proposerEmail: string;
  organisation: string;
  role?: string | undefined;
  /** What the proposer wrote besides the question; left out when blank. */
  message?: string | undefined;
}

/** The proposal became a group, and the proposer has its first seat. */
export interface GroupProposalAcceptedFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  /** The title as proposed, mentioned when the coordinators named the group otherwise. */
  proposalTitle?: string | undefined;
  question: string;
  facilitatorName: string;
  mode: 'online' | 'in_person';
  location?: string | undefined;
  leaveUrl: string;
}

export interface GroupProposalDeclinedFields {
  recipientName: string;
  networkName: string;
  proposalTitle: string;
  /** The coordinator's own words, quoted as written; left out when blank. */
  message?: string | undefined;
}

interface ConfirmProposalCopy {
  subject(networkName: string, title: string): string;
  preheader(expires: string): string;
  intro(networkName: string, title: string): string;
  next: string;
  button: string;
  expiry(expires: string): string;
  notYou: string;
  footer(networkName: string): string;
}

interface ProposalReceivedCopy {
  subject(networkName: string, title: string, proposerName: string): string;
  preheader: string;
  greeting: string;
  intro(networkName: string, proposerName: string): string;
  proposalHeading: string;
  title(value: string): string;
  questionIntro: string;
  messageIntro: string;
  proposerHeading: string;
  name(value: string): string;
  email(value: string): string;
  organisation(value: string): string;
  role(value: string): string;
  nextHeading: string;
  next: string;
  footer(networkName: string): string;
}

interface ProposalAcceptedCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader(groupTitle: string): string;
  intro(networkName: string, groupTitle: string): string;
  renamed(proposalTitle: string): string;
  others: string;
  footer(networkName: string): string;
}

interface ProposalDeclinedCopy {
  subject(networkName: string, title: string): string;
  preheader: string;
  intro(networkName: string, title: string): string;
  messageIntro: string;
  welcome: string;
  footer(networkName: string): string;
}

/** Why the proposer receives a proposal mail. */
const proposerFooter: Record<Language, (networkName: string) => string> = {
  sv: (network) => `Du får det här mejlet eftersom du har föreslagit en grupp i ${network}.`,
  nb: (network) => `Du får denne e-posten fordi du har foreslått en gruppe i ${network}.`,
  en: (network) => `You are receiving this email because you proposed a group in ${network}.`,
};

export const confirmGroupProposalCopy: Record<Language, ConfirmProposalCopy> = {
  sv: {
    subject: (network, title) => `Bekräfta ditt gruppförslag ”${title}” i ${network}`,
    preheader: (expires) =>
      `Ett klick, så går förslaget vidare till samordnarna. Länken gäller fram till ${expires}.`,
    intro: (network, title) =>
      `Tack för att du tar initiativ till en ny grupp i ${network}! Bekräfta att det var du som föreslog gruppen ”${title}”, så skickar vi förslaget vidare till nätverkets samordnare.`,
    next: 'Samordnarna går igenom förslaget och hör av sig via mejl.',
    button: 'Bekräfta mitt förslag',
    expiry: (expires) => `Länken gäller fram till ${expires}.`,
    notYou:
      'Var det inte du som föreslog gruppen? Då kan du bortse från det här mejlet. Utan bekräftelse tas förslaget bort och du hör inte av oss igen.',
    footer: (network) =>
      `Du får det här mejlet eftersom den här adressen användes för att föreslå en grupp i ${network}.`,
  },
  nb: {
    subject: (network, title) => `Bekreft gruppeforslaget ditt «${title}» i ${network}`,
    preheader: (expires) =>
      `Ett klikk, så går forslaget videre til koordinatorene. Lenken er gyldig til ${expires}.`,
    intro: (network, title) =>
      `Takk for at du tar initiativ til en ny gruppe i ${network}! Bekreft at det var du som foreslo gruppen «${title}», så sender vi forslaget videre til koordinatorene i nettverket.`,
    next: 'Koordinatorene går gjennom forslaget og gir deg beskjed på e-post.',
    button: 'Bekreft forslaget mitt',
    expiry: (expires) => `Lenken er gyldig til ${expires}.`,
    notYou:
      'Var det ikke du som foreslo gruppen? Da kan du se bort fra denne e-posten. Uten bekreftelse blir forslaget slettet, og du hører ikke mer fra oss.',
    footer: (network) =>
      `Du får denne e-posten fordi denne adressen ble brukt til å foreslå en gruppe i ${network}.`,
  },
  en: {
    subject: (network, title) => `Confirm your proposal for the group “${title}” in ${network}`,
    preheader: (expires) =>
      `One click and your proposal goes to the coordinators. The link is valid until ${expires}.`,
    intro: (network, title) =>
      `Thank you for taking the initiative for a new group in ${network}! Please confirm that it was you who proposed the group “${title}”, and we will pass your proposal on to the network's coordinators.`,
    next: 'The coordinators will look at your proposal and get back to you by email.',
    button: 'Confirm my proposal',
    expiry: (expires) => `The link is valid until ${expires}.`,
    notYou:
      'If it was not you who proposed the group, just ignore this email. Without a confirmation the proposal is removed and you will not hear from us again.',
    footer: (network) =>
      `You are receiving this email because this address was used to propose a group in ${network}.`,
  },
};

/** The one reminder for an unconfirmed proposal, sent while its link is still valid. */
export const confirmGroupProposalReminderCopy: Record<Language, ConfirmProposalCopy> = {
  sv: {
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
    footer: confirmGroupProposalCopy.sv.footer,
  },
  nb: {
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
    footer: confirmGroupProposalCopy.nb.footer,
  },
  en: {
    subject: (network, title) => `Reminder: confirm your proposal for the group “${title}” in ${network}`,
    preheader: (expires) => `Your proposal is waiting for one click. The link is valid until ${expires}.`,
    intro: (network, title) =>
      `You recently proposed the group “${title}” in ${network}, but we have not had your confirmation yet. It only takes one click, and your proposal goes to the network's coordinators.`,
    next: 'The coordinators will look at your proposal and get back to you by email.',
    button: 'Confirm my proposal',
    expiry: (expires) =>
      `The link is valid until ${expires}. After that the proposal is removed, and you are always welcome to propose the group again.`,
    notYou:
      'Changed your mind, or was it not you? Then just ignore this email. This is the only reminder we send.',
    footer: confirmGroupProposalCopy.en.footer,
  },
};

export const groupProposalReceivedCopy: Record<Language, ProposalReceivedCopy> = {
  sv: {
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
  },
  nb: {
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
  },
  en: {
    subject: (network, title, proposer) => `${proposer} proposes a new group in ${network}: “${title}”`,
    preheader: 'A new group proposal awaits your decision.',
    greeting: 'Hello,',
    intro: (network, proposer) =>
      `${proposer} has taken the initiative for a new group in ${network} and confirmed the proposal by email.`,
    proposalHeading: 'The proposal',
    title: (value) => `Title: ${value}`,
    questionIntro: 'The question the group would gather around:',
    messageIntro: 'The proposal came with this message:',
    proposerHeading: 'About the proposer',
    name: (value) => `Name: ${value}`,
    email: (value) => `Email: ${value}`,
    organisation: (value) => `Organisation: ${value}`,
    role: (value) => `Role: ${value}`,
    nextHeading: 'Next steps',
    next: "The proposal is now among the network's group proposals in the administration. There you can turn it into a group – the proposer then becomes its first member – or decline it with a message. The proposer will be told by email.",
    footer: (network) => `You are receiving this email because you coordinate ${network}.`,
  },
};

export const groupProposalAcceptedCopy: Record<Language, ProposalAcceptedCopy> = {
  sv: {
    subject: (network, group) => `Ditt förslag blev en grupp: ”${group}” i ${network}`,
    preheader: (group) => `Gruppen ”${group}” finns nu, och du är dess första deltagare.`,
    intro: (network, group) =>
      `Goda nyheter: samordnarna i ${network} har gjort en grupp av ditt förslag. Gruppen ”${group}” finns nu, och du är dess första deltagare.`,
    renamed: (proposal) => `Du föreslog den under rubriken ”${proposal}”.`,
    others: 'Nu kan fler anmäla sig till gruppen, i mån av plats.',
    footer: proposerFooter.sv,
  },
  nb: {
    subject: (network, group) => `Forslaget ditt ble en gruppe: «${group}» i ${network}`,
    preheader: (group) => `Gruppen «${group}» finnes nå, og du er den første deltakeren.`,
    intro: (network, group) =>
      `Gode nyheter: koordinatorene i ${network} har gjort forslaget ditt om til en gruppe. Gruppen «${group}» finnes nå, og du er den første deltakeren.`,
    renamed: (proposal) => `Du foreslo den med tittelen «${proposal}».`,
    others: 'Nå kan flere melde seg på gruppen, så lenge det er ledige plasser.',
    footer: proposerFooter.nb,
  },
  en: {
    subject: (network, group) => `Your proposal became a group: “${group}” in ${network}`,
    preheader: (group) => `The group “${group}” now exists, and you are its first member.`,
    intro: (network, group) =>
      `Good news: the coordinators of ${network} have turned your proposal into a group. The group “${group}” now exists, and you are its first member.`,
    renamed: (proposal) => `You proposed it under the title “${proposal}”.`,
    others: 'Others can now ask to join the group, while seats remain.',
    footer: proposerFooter.en,
  },
};

export const groupProposalDeclinedCopy: Record<Language, ProposalDeclinedCopy> = {
  sv: {
    subject: (network, title) => `Om ditt gruppförslag ”${title}” i ${network}`,
    preheader: 'Den här gången blir det ingen grupp av förslaget.',
    intro: (network, title) =>
      `Tack för att du tog initiativ till gruppen ”${title}” i ${network}. Samordnarna har gått igenom ditt förslag, och den här gången blir det tyvärr ingen grupp av det.`,
    messageIntro: 'Samordnaren skriver:',
    welcome:
      'Har du frågor är du välkommen att höra av dig till nätverkets samordnare. Och du är alltid välkommen att föreslå en grupp igen längre fram, eller att anmäla dig till en av nätverkets grupper.',
    footer: proposerFooter.sv,
  },
  nb: {
    subject: (network, title) => `Om gruppeforslaget ditt «${title}» i ${network}`,
    preheader: 'Denne gangen blir det ingen gruppe av forslaget.',
    intro: (network, title) =>
      `Takk for at du tok initiativ til gruppen «${title}» i ${network}. Koordinatorene har gått gjennom forslaget ditt, og denne gangen blir det dessverre ingen gruppe av det.`,
    messageIntro: 'Koordinatoren skriver:',
    welcome:
      'Har du spørsmål, er du velkommen til å ta kontakt med koordinatorene i nettverket. Og du er alltid velkommen til å foreslå en gruppe igjen senere, eller til å melde deg på en av gruppene i nettverket.',
    footer: proposerFooter.nb,
  },
  en: {
    subject: (network, title) => `About your proposal for the group “${title}” in ${network}`,
    preheader: 'Your proposal will not become a group this time.',
    intro: (network, title) =>
      `Thank you for taking the initiative for the group “${title}” in ${network}. The coordinators have looked at your proposal, and unfortunately it will not become a group this time.`,
    messageIntro: 'The coordinator writes:',
    welcome:
      "If you have any questions, you are welcome to contact the network's coordinators. And you are always welcome to propose a group again later on, or to ask to join one of the network's groups.",
    footer: proposerFooter.en,
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

export function composeConfirmGroupProposal(m: ConfirmGroupProposalFields, language: Language): MailContent {
  return composeConfirmProposal(confirmGroupProposalCopy[language], m, language);
}

export function composeConfirmGroupProposalReminder(
  m: ConfirmGroupProposalFields,
  language: Language,
): MailContent {
  return composeConfirmProposal(confirmGroupProposalReminderCopy[language], m, language);
}

function composeConfirmProposal(
  copy: ConfirmProposalCopy,
  m: ConfirmGroupProposalFields,
  language: Language,
): MailContent {
  const expires = formatDateTime(m.expiresAt, language, m.timeZone);
  return {
    language,
    subject: copy.subject(m.networkName, m.proposalTitle),
    preheader: copy.preheader(expires),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName, m.proposalTitle) },
      action(language, copy.button, m.confirmUrl),
      { type: 'paragraph', text: `${copy.expiry(expires)} ${copy.next}` },
      { type: 'note', text: copy.notYou },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeGroupProposalReceived(
  m: GroupProposalReceivedFields,
  language: Language,
): MailContent {
  const copy = groupProposalReceivedCopy[language];
  const role = m.role?.trim();
  return {
    language,
    subject: copy.subject(m.networkName, m.proposalTitle, m.proposerName),
    preheader: copy.preheader,
    blocks: [
      { type: 'paragraph', text: copy.greeting },
      { type: 'paragraph', text: copy.intro(m.networkName, m.proposerName) },
      { type: 'heading', text: copy.proposalHeading },
      { type: 'paragraph', text: copy.title(m.proposalTitle) },
      { type: 'paragraph', text: copy.questionIntro },
      { type: 'quote', text: m.question },
      ...quoted(copy.messageIntro, m.message),
      { type: 'heading', text: copy.proposerHeading },
      {
        type: 'list',
        items: [
          copy.name(m.proposerName),
          copy.email(m.proposerEmail),
          copy.organisation(m.organisation),
          ...(role ? [copy.role(role)] : []),
        ],
      },
      { type: 'heading', text: copy.nextHeading },
      { type: 'paragraph', text: copy.next },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

/** Like the welcome of a member who joined (join-approved), told as the news that the proposal is a group. */
export function composeGroupProposalAccepted(
  m: GroupProposalAcceptedFields,
  language: Language,
): MailContent {
  const copy = groupProposalAcceptedCopy[language];
  const group = joinApprovedCopy[language];
  const location = m.location?.trim() || undefined;
  const mode = m.mode === 'online' ? group.online : group.inPerson(location);
  const renamed =
    m.proposalTitle && m.proposalTitle.trim() !== m.groupTitle.trim()
      ? ` ${copy.renamed(m.proposalTitle)}`
      : '';
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle),
    preheader: copy.preheader(m.groupTitle),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: `${copy.intro(m.networkName, m.groupTitle)}${renamed}` },
      { type: 'paragraph', text: group.questionIntro },
      { type: 'quote', text: m.question },
      { type: 'paragraph', text: `${group.facilitator(m.facilitatorName)} ${mode}` },
      { type: 'paragraph', text: `${copy.others} ${group.dates}` },
      { type: 'heading', text: group.commitmentsHeading },
      { type: 'list', items: group.commitments },
      signature(language, m.networkName),
      { type: 'link', text: group.leave, label: group.leaveLabel, url: m.leaveUrl },
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeGroupProposalDeclined(
  m: GroupProposalDeclinedFields,
  language: Language,
): MailContent {
  const copy = groupProposalDeclinedCopy[language];
  return {
    language,
    subject: copy.subject(m.networkName, m.proposalTitle),
    preheader: copy.preheader,
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName, m.proposalTitle) },
      ...quoted(copy.messageIntro, m.message),
      { type: 'paragraph', text: copy.welcome },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}
