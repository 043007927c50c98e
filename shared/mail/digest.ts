import type { Digest } from '../domain/digest.ts';
import type { Language } from '../i18n.ts';
import { signature } from './common.ts';
import * as en from './copy/en.ts';
import * as nb from './copy/nb.ts';
import * as sv from './copy/sv.ts';
import type { DigestCopy } from './copy/types.ts';
import { formatChange, formatMean } from './evaluations.ts';
import { formatMeetingDay, formatMeetingTime } from './format.ts';
import type { Block, MailContent } from './layout.ts';

/** The coordinators' digest: what changed in the network, with the decisions waiting for them. */
export interface CoordinatorDigestFields {
  digest: Digest;
}

const copy: Record<Language, DigestCopy> = { sv: sv.digest, nb: nb.digest, en: en.digest };

export function composeCoordinatorDigest(m: CoordinatorDigestFields, language: Language): MailContent {
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
          `${c.meetingLine(mt.groupTitle, mt.seq, formatMeetingTime(new Date(mt.startsAt), language, mt.timeZone))}. ${c.rsvpLine(mt.rsvp.yes, mt.rsvp.no, mt.rsvp.unanswered)}. ${c.introducer(mt.introducerName)}.${mt.placeMissing ? ` ${c.placeMissing(mt.mode)}.` : ''}`,
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
