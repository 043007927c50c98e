import type { OptOutScope } from '../domain/person.ts';
import type { Language } from '../i18n.ts';
import { html } from '../mail/html.ts';
import { renderPage } from './layout.ts';

/**
 * The pages behind the unsubscribe and privacy links. As everywhere, a GET only shows what the button
 * will do (mail scanners follow links); the POST of the button acts.
 */

export type PrivacyAction = 'export' | 'erase' | 'stay';

interface PrivacyCopy {
  unsubscribe: {
    title: string;
    lead: (network: string) => string;
    reminders: string;
    all: string;
    /** What "reminders" stops and what still goes: the same words as the mails' footer link. */
    remindersAre: string;
    note: string;
  };
  unsubscribed: Record<OptOutScope, { title: string; lead: (network: string) => string; undo: string }>;
  resubscribed: { title: string; lead: (network: string) => string };
  actions: Record<PrivacyAction, { title: string; lead: string; button: string; note: string }>;
  done: Record<PrivacyAction, { title: string; lead: string }>;
  requested: { title: string; lead: string };
}

const copy: Record<Language, PrivacyCopy> = {
  sv: {
    unsubscribe: {
      title: 'Avsluta prenumerationen',
      lead: (network) => `Vad vill du inte längre få från ${network}?`,
      reminders: 'Bara påminnelserna',
      all: 'Inga mejl alls från nätverket',
      remindersAre:
        'Påminnelserna är de före träffarna och påminnelsen om utvärderingen. Inbjudningar, ändringar, frågan om utvärdering efter en träff och mejlet när det är din tur att inleda får du ändå.',
      note: 'Bekräftelser på sådant du själv ber om, som en anmälan eller en kopia av dina uppgifter, får du ändå. Har du ångrat dig kan du stänga sidan: ingenting händer förrän du väljer.',
    },
    unsubscribed: {
      reminders: {
        title: 'Inga fler påminnelser',
        lead: (network) =>
          `Du får inte längre påminnelser från ${network}: varken inför träffar eller om utvärderingen. Inbjudningar, ändrade träffar, frågan om utvärdering efter en träff och mejlet när det är din tur att inleda får du fortfarande.`,
        undo: 'Slå på påminnelserna igen',
      },
      all: {
        title: 'Du får inga fler mejl',
        lead: (network) =>
          `Du får inga fler mejl från ${network}, utom svar på sådant du själv ber om. Vill du också att vi tar bort dina uppgifter kan du begära det på nätverkets sida om personuppgifter.`,
        undo: 'Slå på mejlen igen',
      },
    },
    resubscribed: {
      title: 'Påslaget igen',
      lead: (network) => `Du får mejl från ${network} igen, påminnelserna också.`,
    },
    actions: {
      export: {
        title: 'Skicka mina uppgifter',
        lead: 'Vi mejlar dig allt vi har sparat om dig: en fil (JSON) och en sammanfattning som går att läsa.',
        button: 'Skicka mina uppgifter',
        note: 'Ingenting skickas förrän du klickar på knappen.',
      },
      erase: {
        title: 'Ta bort mina uppgifter',
        lead: 'Vi tar bort dig ur alla nätverk, grupper, väntelistor och svar på inbjudningar. Utvärderingar du har lämnat finns kvar, men utan namn. Vi sparar bara ett kodat spärrvärde så att vi aldrig mejlar dig igen.',
        button: 'Ta bort mina uppgifter',
        note: 'Det går inte att ångra. Ingenting tas bort förrän du klickar på knappen.',
      },
      stay: {
        title: 'Vill du vara kvar?',
        lead: 'Du har inte varit aktiv på länge. Vill du vara kvar i nätverket klickar du på knappen; annars tar vi bort dina uppgifter.',
        button: 'Ja, jag vill vara kvar',
        note: 'Vill du inte vara kvar behöver du inte göra något.',
      },
    },
    done: {
      export: {
        title: 'Dina uppgifter är på väg',
        lead: 'Vi har mejlat dig allt vi har sparat om dig. Hittar du inte mejlet, titta i skräpposten.',
      },
      erase: {
        title: 'Dina uppgifter är borttagna',
        lead: 'Vi har tagit bort dina uppgifter och kommer inte att mejla dig igen.',
      },
      stay: {
        title: 'Tack, du är kvar',
        lead: 'Fint att du vill vara kvar. Vi frågar igen om du skulle vara borta länge.',
      },
    },
    requested: {
      title: 'Titta i din inkorg',
      lead: 'Om vi har uppgifter sparade om adressen har vi mejlat en länk dit. Klicka på den för att slutföra begäran. Länken gäller ett dygn.',
    },
  },
  nb: {
    unsubscribe: {
      title: 'Meld deg av',
      lead: (network) => `Hva vil du ikke lenger få fra ${network}?`,
      reminders: 'Bare påminnelsene',
      all: 'Ingen e-post i det hele tatt fra nettverket',
      remindersAre:
        'Påminnelsene er de før møtene og påminnelsen om evalueringen. Invitasjoner, endringer, spørsmålet om evaluering etter et møte og e-posten når det er din tur til å innlede, får du uansett.',
      note: 'Bekreftelser på det du selv ber om, som en påmelding eller en kopi av opplysningene dine, får du uansett. Har du ombestemt deg, kan du lukke siden: ingenting skjer før du velger.',
    },
    unsubscribed: {
      reminders: {
        title: 'Ingen flere påminnelser',
        lead: (network) =>
          `Du får ikke lenger påminnelser fra ${network}: verken før møter eller om evalueringen. Invitasjoner, endrede møter, spørsmålet om evaluering etter et møte og e-posten når det er din tur til å innlede, får du fortsatt.`,
        undo: 'Slå på påminnelsene igjen',
      },
      all: {
        title: 'Du får ikke flere e-poster',
        lead: (network) =>
          `Du får ikke flere e-poster fra ${network}, bortsett fra svar på det du selv ber om. Vil du også at vi sletter opplysningene dine, kan du be om det på nettverkets side om personopplysninger.`,
        undo: 'Slå på e-postene igjen',
      },
    },
    resubscribed: {
      title: 'Slått på igjen',
      lead: (network) => `Du får e-post fra ${network} igjen, påminnelsene også.`,
    },
    actions: {
      export: {
        title: 'Send meg opplysningene mine',
        lead: 'Vi sender deg alt vi har lagret om deg på e-post: en fil (JSON) og et sammendrag som er lett å lese.',
        button: 'Send opplysningene mine',
        note: 'Ingenting sendes før du klikker på knappen.',
      },
      erase: {
        title: 'Slett opplysningene mine',
        lead: 'Vi fjerner deg fra alle nettverk, grupper, ventelister og svar på invitasjoner. Evalueringer du har levert, blir værende, men uten navn. Vi lagrer bare en kodet sperreverdi, slik at vi aldri sender deg e-post igjen.',
        button: 'Slett opplysningene mine',
        note: 'Dette kan ikke angres. Ingenting slettes før du klikker på knappen.',
      },
      stay: {
        title: 'Vil du være med videre?',
        lead: 'Du har ikke vært aktiv på lenge. Vil du være med i nettverket videre, klikker du på knappen; ellers sletter vi opplysningene dine.',
        button: 'Ja, jeg vil være med videre',
        note: 'Vil du ikke være med videre, trenger du ikke gjøre noe.',
      },
    },
    done: {
      export: {
        title: 'Opplysningene dine er på vei',
        lead: 'Vi har sendt deg alt vi har lagret om deg på e-post. Finner du ikke e-posten, se i søppelposten.',
      },
      erase: {
        title: 'Opplysningene dine er slettet',
        lead: 'Vi har slettet opplysningene dine og kommer ikke til å sende deg e-post igjen.',
      },
      stay: {
        title: 'Takk, du er med videre',
        lead: 'Fint at du vil være med videre. Vi spør igjen hvis du skulle være borte lenge.',
      },
    },
    requested: {
      title: 'Se i innboksen din',
      lead: 'Hvis vi har opplysninger lagret om adressen, har vi sendt en lenke dit. Klikk på den for å fullføre forespørselen. Lenken er gyldig i ett døgn.',
    },
  },
  en: {
    unsubscribe: {
      title: 'Unsubscribe',
      lead: (network) => `What would you rather not get from ${network} any more?`,
      reminders: 'Just the reminders',
      all: 'No emails at all from the network',
      remindersAre:
        'The reminders are those before meetings and the reminder to evaluate. You will still get invitations, changes, the request to evaluate after a meeting and the mail when it is your turn to introduce.',
      note: 'You will still get answers to what you ask for yourself, such as a registration or a copy of your data. Changed your mind? Just close this page: nothing happens until you choose.',
    },
    unsubscribed: {
      reminders: {
        title: 'No more reminders',
        lead: (network) =>
          `You will no longer get reminders from ${network}: neither before meetings nor to evaluate. You will still get invitations, changed meetings, the request to evaluate after a meeting and the mail when it is your turn to introduce.`,
        undo: 'Turn reminders back on',
      },
      all: {
        title: 'You will get no more emails',
        lead: (network) =>
          `You will get no more emails from ${network}, except answers to what you ask for yourself. If you also want your data deleted, you can ask for that on the network’s privacy page.`,
        undo: 'Turn emails back on',
      },
    },
    resubscribed: {
      title: 'Back on',
      lead: (network) => `You will get emails from ${network} again, reminders included.`,
    },
    actions: {
      export: {
        title: 'Send me my data',
        lead: 'We will email you everything we hold about you: a file (JSON) and a summary you can read.',
        button: 'Send my data',
        note: 'Nothing is sent until you click the button.',
      },
      erase: {
        title: 'Delete my data',
        lead: 'We will remove you from every network, group, waitlist and meeting reply. Evaluations you gave stay, without your name. We keep only a coded block value so that we never email you again.',
        button: 'Delete my data',
        note: 'This cannot be undone. Nothing is deleted until you click the button.',
      },
      stay: {
        title: 'Do you want to stay?',
        lead: 'You have not been active for a long time. If you want to stay in the network, click the button; otherwise we will delete your data.',
        button: 'Yes, I want to stay',
        note: 'If you do not want to stay, you need not do anything.',
      },
    },
    done: {
      export: {
        title: 'Your data is on its way',
        lead: 'We have emailed you everything we hold about you. If you cannot find the email, look in your spam folder.',
      },
      erase: {
        title: 'Your data has been deleted',
        lead: 'We have deleted your data and will not email you again.',
      },
      stay: {
        title: 'Thank you, you are staying',
        lead: 'Good to have you. We will ask again should you be away for a long time.',
      },
    },
    requested: {
      title: 'Check your inbox',
      lead: 'If we hold data under this address, we have emailed a link to it. Click it to complete the request. The link is valid for a day.',
    },
  },
};

/** The choice behind an unsubscribe link: the one the mail was about is first (and the button a client's one-click takes). */
export function unsubscribePage(input: {
  language: Language;
  networkName: string;
  actionUrl: string;
  suggested: OptOutScope;
}): string {
  const c = copy[input.language].unsubscribe;
  const order: OptOutScope[] = input.suggested === 'reminders' ? ['reminders', 'all'] : ['all', 'reminders'];
  return renderPage({
    language: input.language,
    title: c.title,
    networkName: input.networkName,
    body: html`<p>${c.lead(input.networkName)}</p>
<form method="post" action="${input.actionUrl}">
${order.map(
  (scope) => html`<p><button type="submit" name="scope" value="${scope}">${c[scope]}</button></p>
`,
)}</form>
<p class="note">${c.remindersAre}</p>
<p class="note">${c.note}</p>`,
  });
}

/** What is recorded now, and (from the same link) the way back. */
export function unsubscribedPage(input: {
  language: Language;
  networkName: string;
  scope: OptOutScope;
  /** The link's own address: a button posts `scope=none` to it to turn the mail back on. */
  actionUrl?: string;
}): string {
  const { title, lead, undo } = copy[input.language].unsubscribed[input.scope];
  return renderPage({
    language: input.language,
    title,
    networkName: input.networkName,
    body: html`<p>${lead(input.networkName)}</p>
${
  input.actionUrl === undefined
    ? ''
    : html`<form method="post" action="${input.actionUrl}"><p><button type="submit" name="scope" value="none">${undo}</button></p></form>`
}`,
  });
}

export function resubscribedPage(input: { language: Language; networkName: string }): string {
  const { title, lead } = copy[input.language].resubscribed;
  return renderPage({
    language: input.language,
    title,
    networkName: input.networkName,
    body: html`<p>${lead(input.networkName)}</p>`,
  });
}

export function privacyActionPage(input: {
  language: Language;
  action: PrivacyAction;
  actionUrl: string;
}): string {
  const { title, lead, button, note } = copy[input.language].actions[input.action];
  return renderPage({
    language: input.language,
    title,
    body: html`<p>${lead}</p>
<form method="post" action="${input.actionUrl}"><button type="submit">${button}</button></form>
<p class="note">${note}</p>`,
  });
}

export function privacyDonePage(input: { language: Language; action: PrivacyAction }): string {
  const { title, lead } = copy[input.language].done[input.action];
  return renderPage({ language: input.language, title, body: html`<p>${lead}</p>` });
}

export function privacyRequestedPage(language: Language): string {
  const { title, lead } = copy[language].requested;
  return renderPage({ language, title, body: html`<p>${lead}</p>` });
}

/** The page behind a digest's unsubscribe link: the coordinator's own digest, off or on. */
const digestCopy: Record<
  Language,
  {
    on: { title: string; lead: (network: string) => string; button: string };
    off: { title: string; lead: (network: string) => string; button: string };
  }
> = {
  sv: {
    on: {
      title: 'Sammanfattningen till samordnare',
      lead: (network) =>
        `Du får sammanfattningen av vad som hänt i ${network}. Stänger du av den gäller det bara dig; beslut som väntar på dig (ansökningar, gruppförslag) mejlas ändå.`,
      button: 'Sluta skicka sammanfattningen till mig',
    },
    off: {
      title: 'Ingen fler sammanfattning',
      lead: (network) =>
        `Du får inte längre sammanfattningen från ${network}. Beslut som väntar på dig (ansökningar, gruppförslag) mejlas ändå.`,
      button: 'Slå på sammanfattningen igen',
    },
  },
  nb: {
    on: {
      title: 'Sammendraget til koordinatorer',
      lead: (network) =>
        `Du får sammendraget av hva som har skjedd i ${network}. Slår du det av, gjelder det bare deg; beslutninger som venter på deg (søknader, gruppeforslag), får du fortsatt på e-post.`,
      button: 'Slutt å sende meg sammendraget',
    },
    off: {
      title: 'Ikke flere sammendrag',
      lead: (network) =>
        `Du får ikke lenger sammendraget fra ${network}. Beslutninger som venter på deg (søknader, gruppeforslag), får du fortsatt på e-post.`,
      button: 'Slå på sammendraget igjen',
    },
  },
  en: {
    on: {
      title: 'The coordinators’ digest',
      lead: (network) =>
        `You get the digest of what happened in ${network}. Turning it off is for you alone; decisions waiting for you (requests to join, group proposals) are still emailed.`,
      button: 'Stop sending me the digest',
    },
    off: {
      title: 'No more digests',
      lead: (network) =>
        `You will no longer get the digest from ${network}. Decisions waiting for you (requests to join, group proposals) are still emailed.`,
      button: 'Turn the digest back on',
    },
  },
};

export function digestSubscriptionPage(input: {
  language: Language;
  networkName: string;
  actionUrl: string;
  off: boolean;
}): string {
  const c = digestCopy[input.language][input.off ? 'off' : 'on'];
  return renderPage({
    language: input.language,
    title: c.title,
    networkName: input.networkName,
    body: html`<p>${c.lead(input.networkName)}</p>
<form method="post" action="${input.actionUrl}"><p><button type="submit" name="scope" value="${input.off ? 'none' : 'all'}">${c.button}</button></p></form>`,
  });
}

/** Behind the stay question's one-click unsubscribe: no more mail from any of the person's networks. */
const stayUnsubscribeCopy: Record<
  Language,
  { title: string; lead: string; button: string; done: (networks: string) => string }
> = {
  sv: {
    title: 'Inga fler mejl',
    lead: 'Vill du inte få fler mejl från nätverken? Dina uppgifter tas bort den dag frågan nämnde, om du inte svarar att du vill vara kvar.',
    button: 'Skicka inga fler mejl',
    done: (networks) =>
      `Du får inga fler mejl från ${networks}, utom svar på sådant du själv ber om. Dina uppgifter tas bort den dag frågan nämnde, om du inte svarar att du vill vara kvar.`,
  },
  nb: {
    title: 'Ingen flere e-poster',
    lead: 'Vil du ikke få flere e-poster fra nettverkene? Opplysningene dine slettes den dagen spørsmålet nevnte, med mindre du svarer at du vil være med videre.',
    button: 'Ikke send flere e-poster',
    done: (networks) =>
      `Du får ikke flere e-poster fra ${networks}, bortsett fra svar på det du selv ber om. Opplysningene dine slettes den dagen spørsmålet nevnte, med mindre du svarer at du vil være med videre.`,
  },
  en: {
    title: 'No more emails',
    lead: 'Would you rather get no more emails from the networks? Your data is deleted on the day the question named, unless you answer that you want to stay.',
    button: 'Send no more emails',
    done: (networks) =>
      `You will get no more emails from ${networks}, except answers to what you ask for yourself. Your data is deleted on the day the question named, unless you answer that you want to stay.`,
  },
};

export function stayUnsubscribePage(input: {
  language: Language;
  actionUrl: string;
  /** Set once done: the networks whose mail stopped. */
  networkNames?: readonly string[];
}): string {
  const c = stayUnsubscribeCopy[input.language];
  const names = new Intl.ListFormat(input.language, { type: 'conjunction' }).format(input.networkNames ?? []);
  return renderPage({
    language: input.language,
    title: c.title,
    body:
      input.networkNames === undefined
        ? html`<p>${c.lead}</p>
<form method="post" action="${input.actionUrl}"><p><button type="submit">${c.button}</button></p></form>`
        : html`<p>${c.done(names)}</p>`,
  });
}
