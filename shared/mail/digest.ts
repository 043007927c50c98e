import type { Digest } from '../domain/digest.ts';
import { type Language, plural } from '../i18n.ts';
import { signature } from './common.ts';
import { formatChange, formatMean } from './evaluations.ts';
import { formatMeetingDay, formatMeetingTime } from './format.ts';
import type { Block, MailContent } from './layout.ts';

/** The coordinators' digest: what changed in the network, with the decisions waiting for them. */
export interface CoordinatorDigestFields {
  digest: Digest;
}

interface Copy {
  subject(network: string, parts: string[]): string;
  subjectQuiet(network: string): string;
  preheader(since: string | undefined): string;
  intro(network: string): string;
  newRegistrations(n: number): string;
  registrationLine(name: string, organisation: string): string;
  topicsHeading: string;
  topicUncovered(n: number, topic: string): string;
  topicCovered(n: number, topic: string): string;
  proposalsHeading(n: number): string;
  proposalLine(title: string, name: string): string;
  pendingHeading(n: number): string;
  pendingLine(name: string, organisation: string, group: string): string;
  approve: string;
  decline: string;
  linksNote: string;
  queuesHeading: string;
  queueLine(group: string, taken: number, capacity: number, waitlisted: number): string;
  offerLine(name: string, until: string): string;
  meetingsHeading: string;
  meetingLine(group: string, seq: number, when: string): string;
  rsvpLine(yes: number, no: number, unanswered: number): string;
  introducer(name: string | undefined): string;
  evaluationsHeading: string;
  evaluationLine(group: string, day: string, answered: number, asked: number): string;
  mean(mean: string, change: string | undefined): string;
  noAnswers: string;
  subjectParts: { registrations(n: number): string; decisions(n: number): string; topics(n: number): string };
  footer(network: string): string;
}

const copy: Record<Language, Copy> = {
  sv: {
    subject: (network, parts) => `Nytt i ${network}: ${parts.join(', ')}`,
    subjectQuiet: (network) => `Läget i ${network}`,
    preheader: (since) =>
      since ? `Det här har hänt sedan ${since}.` : 'Så här ser det ut i nätverket just nu.',
    intro: (network) => `Här är det senaste från ${network}.`,
    newRegistrations: (n) => plural('sv', n, { one: 'En ny anmälan', other: `${n} nya anmälningar` }),
    registrationLine: (name, org) => `${name}, ${org}`,
    topicsHeading: 'Ämnen som många vill prata om',
    topicUncovered: (n, topic) =>
      `${n} ${plural('sv', n, { one: 'person', other: 'personer' })} vill prata om ”${topic}” och ingen grupp tar upp det: föreslå en grupp.`,
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
    evaluationsHeading: 'Utvärderingar som har stängt',
    evaluationLine: (group, day, answered, asked) =>
      `${group}, träffen ${day}: ${answered} av ${asked} svarade`,
    mean: (mean, change) => `snittbetyg ${mean}${change ? ` (${change} sedan förra träffen)` : ''}`,
    noAnswers: 'inga svar',
    subjectParts: {
      registrations: (n) => `${n} ${plural('sv', n, { one: 'ny anmälan', other: 'nya anmälningar' })}`,
      decisions: (n) =>
        `${n} ${plural('sv', n, { one: 'förfrågan', other: 'förfrågningar' })} att besluta om`,
      topics: (n) => `${n} ${plural('sv', n, { one: 'ämne', other: 'ämnen' })} utan grupp`,
    },
    footer: (network) =>
      `Du får det här mejlet eftersom du är samordnare för ${network}. Hur ofta det kommer ställer ni in bland nätverkets inställningar.`,
  },
  nb: {
    subject: (network, parts) => `Nytt i ${network}: ${parts.join(', ')}`,
    subjectQuiet: (network) => `Status i ${network}`,
    preheader: (since) =>
      since ? `Dette har skjedd siden ${since}.` : 'Slik ser det ut i nettverket akkurat nå.',
    intro: (network) => `Her er det siste fra ${network}.`,
    newRegistrations: (n) => plural('nb', n, { one: 'Én ny påmelding', other: `${n} nye påmeldinger` }),
    registrationLine: (name, org) => `${name}, ${org}`,
    topicsHeading: 'Temaer mange vil snakke om',
    topicUncovered: (n, topic) =>
      `${n} ${plural('nb', n, { one: 'person', other: 'personer' })} vil snakke om «${topic}», og ingen gruppe tar det opp: foreslå en gruppe.`,
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
    evaluationsHeading: 'Evalueringer som er avsluttet',
    evaluationLine: (group, day, answered, asked) => `${group}, møtet ${day}: ${answered} av ${asked} svarte`,
    mean: (mean, change) => `snittkarakter ${mean}${change ? ` (${change} siden forrige møte)` : ''}`,
    noAnswers: 'ingen svar',
    subjectParts: {
      registrations: (n) => `${n} ${plural('nb', n, { one: 'ny påmelding', other: 'nye påmeldinger' })}`,
      decisions: (n) =>
        `${n} ${plural('nb', n, { one: 'forespørsel', other: 'forespørsler' })} å ta stilling til`,
      topics: (n) => `${n} ${plural('nb', n, { one: 'tema', other: 'temaer' })} uten gruppe`,
    },
    footer: (network) =>
      `Du får denne e-posten fordi du er koordinator for ${network}. Hvor ofte den kommer, stiller dere inn blant nettverkets innstillinger.`,
  },
  en: {
    subject: (network, parts) => `New in ${network}: ${parts.join(', ')}`,
    subjectQuiet: (network) => `Where ${network} stands`,
    preheader: (since) => (since ? `What has happened since ${since}.` : 'How the network stands right now.'),
    intro: (network) => `Here is the latest from ${network}.`,
    newRegistrations: (n) =>
      plural('en', n, { one: 'One new registration', other: `${n} new registrations` }),
    registrationLine: (name, org) => `${name}, ${org}`,
    topicsHeading: 'Topics many people want to discuss',
    topicUncovered: (n, topic) =>
      `${n} ${plural('en', n, { one: 'person wants', other: 'people want' })} to talk about “${topic}” and no group covers it: propose a group.`,
    topicCovered: (n, topic) =>
      `${n} ${plural('en', n, { one: 'person wants', other: 'people want' })} to talk about “${topic}”. An open group already covers it.`,
    proposalsHeading: (n) => `Group proposals waiting for a decision (${n})`,
    proposalLine: (title, name) => `“${title}”, proposed by ${name}`,
    pendingHeading: (n) => `Requests to decide on (${n})`,
    pendingLine: (name, org, group) => `${name} (${org}) would like to join ${group}.`,
    approve: 'Approve',
    decline: 'Decline',
    linksNote: 'The links are valid for two weeks and work once; whoever decides first counts.',
    queuesHeading: 'Waitlists and offered seats',
    queueLine: (group, taken, capacity, waitlisted) =>
      `${group}: ${taken} of ${capacity} seats taken, ${waitlisted} on the waitlist`,
    offerLine: (name, until) => `Seat offered to ${name}, answer by ${until}`,
    meetingsHeading: 'Meetings in the next two weeks',
    meetingLine: (group, seq, when) => `${group}, meeting ${seq}: ${when}`,
    rsvpLine: (yes, no, unanswered) =>
      `${yes} coming, ${no} cannot come, ${unanswered} ${plural('en', unanswered, { one: 'has', other: 'have' })} not answered`,
    introducer: (name) => (name ? `Introducer: ${name}` : 'No introducer chosen yet'),
    evaluationsHeading: 'Evaluations that have closed',
    evaluationLine: (group, day, answered, asked) =>
      `${group}, the meeting on ${day}: ${answered} of ${asked} answered`,
    mean: (mean, change) => `mean rating ${mean}${change ? ` (${change} since the last meeting)` : ''}`,
    noAnswers: 'no answers',
    subjectParts: {
      registrations: (n) =>
        `${n} ${plural('en', n, { one: 'new registration', other: 'new registrations' })}`,
      decisions: (n) => `${n} ${plural('en', n, { one: 'request', other: 'requests' })} to decide on`,
      topics: (n) => `${n} ${plural('en', n, { one: 'topic', other: 'topics' })} without a group`,
    },
    footer: (network) =>
      `You are receiving this email because you coordinate ${network}. How often it comes is set in the network’s settings.`,
  },
};

export function composeCoordinatorDigest(
  m: CoordinatorDigestFields & { kind: 'coordinator-digest' },
  language: Language,
): MailContent {
  const c = copy[language];
  const d = m.digest;
  const tz = d.timeZone;
  // The same clock as the meeting lines ("kl. 14.00"), so one mail does not write time two ways.
  const when = (iso: string) => formatMeetingTime(new Date(iso), language, tz);
  const uncovered = d.sharedTopics.filter((t) => !t.covered).length;
  const parts = [
    d.newRegistrations.length > 0 ? c.subjectParts.registrations(d.newRegistrations.length) : undefined,
    d.pendingJoinRequests.length > 0 ? c.subjectParts.decisions(d.pendingJoinRequests.length) : undefined,
    uncovered > 0 ? c.subjectParts.topics(uncovered) : undefined,
  ].filter((p): p is string => p !== undefined);
  const blocks: Block[] = [{ type: 'paragraph', text: c.intro(d.networkName) }];

  if (d.pendingJoinRequests.length > 0) {
    blocks.push({ type: 'heading', text: c.pendingHeading(d.pendingJoinRequests.length) });
    for (const r of d.pendingJoinRequests) {
      blocks.push({ type: 'paragraph', text: c.pendingLine(r.name, r.organisation, r.groupTitle) });
      blocks.push({
        type: 'choices',
        items: [
          { label: c.approve, url: r.approveUrl },
          { label: c.decline, url: r.declineUrl },
        ],
      });
    }
    blocks.push({ type: 'note', text: c.linksNote });
  }
  if (d.newRegistrations.length > 0) {
    blocks.push({ type: 'heading', text: c.newRegistrations(d.newRegistrations.length) });
    blocks.push({
      type: 'list',
      items: d.newRegistrations.map((r) => c.registrationLine(r.name, r.organisation)),
    });
  }
  if (d.sharedTopics.length > 0) {
    blocks.push({ type: 'heading', text: c.topicsHeading });
    for (const topic of d.sharedTopics) {
      const n = topic.people.length;
      blocks.push({
        type: 'paragraph',
        text: topic.covered ? c.topicCovered(n, topic.label) : c.topicUncovered(n, topic.label),
      });
      blocks.push({
        type: 'list',
        items: topic.people.map((p) => c.registrationLine(p.name, p.organisation)),
      });
    }
  }
  if (d.proposals.length > 0) {
    blocks.push({ type: 'heading', text: c.proposalsHeading(d.proposals.length) });
    blocks.push({ type: 'list', items: d.proposals.map((p) => c.proposalLine(p.title, p.proposerName)) });
  }
  if (d.queues.length > 0) {
    blocks.push({ type: 'heading', text: c.queuesHeading });
    blocks.push({
      type: 'list',
      items: d.queues.flatMap((q) => [
        c.queueLine(q.groupTitle, q.seatsTaken, q.capacity, q.waitlisted),
        ...q.offers.map((o) => c.offerLine(o.name, when(o.until))),
      ]),
    });
  }
  if (d.upcomingMeetings.length > 0) {
    blocks.push({ type: 'heading', text: c.meetingsHeading });
    blocks.push({
      type: 'list',
      items: d.upcomingMeetings.map(
        (mt) =>
          `${c.meetingLine(mt.groupTitle, mt.seq, formatMeetingTime(new Date(mt.startsAt), language, mt.timeZone))}. ${c.rsvpLine(mt.rsvp.yes, mt.rsvp.no, mt.rsvp.unanswered)}. ${c.introducer(mt.introducerName)}.`,
      ),
    });
  }
  if (d.closedEvaluations.length > 0) {
    blocks.push({ type: 'heading', text: c.evaluationsHeading });
    blocks.push({
      type: 'list',
      items: d.closedEvaluations.map((e) => {
        const line = c.evaluationLine(
          e.groupTitle,
          formatMeetingDay(new Date(e.startsAt), language, e.timeZone),
          e.answered,
          e.asked,
        );
        const rating =
          e.mean === undefined
            ? c.noAnswers
            : c.mean(
                formatMean(e.mean, language),
                e.change === undefined ? undefined : formatChange(e.change, language),
              );
        return `${line}; ${rating}.`;
      }),
    });
  }
  blocks.push(signature(language, 'samla'));
  return {
    language,
    subject: parts.length > 0 ? c.subject(d.networkName, parts) : c.subjectQuiet(d.networkName),
    preheader: c.preheader(d.since ? when(d.since) : undefined),
    blocks,
    footer: c.footer(d.networkName),
    networkName: d.networkName,
  };
}
