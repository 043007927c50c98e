import { retentionEnv } from '../config.ts';
import { recipientTag } from '../domain/registration.ts';
import type { Language } from '../i18n.ts';
import { issueLink } from '../links.ts';
import { logger } from '../logger.ts';
import { composeStayQuestion } from '../mail/privacy.ts';
import { mail } from '../mail/render.ts';
import { oneClickHeaders, sendOnce } from '../notify.ts';
import { forgetSalt } from '../store/evaluations.ts';
import { listGroups } from '../store/groups.ts';
import { listMeetings } from '../store/meetings.ts';
import { getNetwork, listNetworks } from '../store/networks.ts';
import {
  listInactive,
  listStayAnswerDue,
  markStayAsked,
  type PersonProfile,
  recordConsent,
  touchPerson,
} from '../store/people.ts';
import { erasePerson } from './erasure.ts';
import { collectPersonData } from './privacy.ts';

/**
 * Retention: data is kept while a person takes part. Someone inactive for the configured time (default 24
 * months) is asked whether they want to stay; without an answer in time they are erased. Both lists are
 * Queries on the activity index, oldest first, a bounded batch per run.
 */

const batch = 100;
const dayMs = 24 * 3600 * 1000;

/** The cut-off: `months` calendar months before `now`. */
export function inactiveBefore(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/** "Yes, I want to stay": the person counts as active from now, and the answer is logged. */
export async function stayInNetworks(email: string, language: Language, now: Date): Promise<void> {
  await touchPerson(email, language, now);
  await recordConsent(email, {
    at: now.toISOString(),
    action: 'agreed',
    subject: 'stay',
    networkId: '',
    wording: 'stay-v1',
  });
}

async function askToStay(profile: PersonProfile, now: Date, answerDue: Date): Promise<boolean> {
  const data = await collectPersonData(profile.email);
  const networkIds = [
    ...new Set(
      data.items
        .map((item) => item.networkId)
        .filter((id): id is string => typeof id === 'string' && id !== ''),
    ),
  ];
  const networks = (await Promise.all(networkIds.map((id) => getNetwork(id)))).filter((n) => n !== undefined);
  const name = data.items.find((item) => typeof item.name === 'string')?.name;
  if (!(await markStayAsked(profile, answerDue.toISOString(), now))) return false;
  await sendOnce(
    {
      dedupeKey: `retention:stay:${recipientTag(profile.email)}:${profile.lastActiveAt}`,
      to: profile.email,
      language: profile.language,
      // RFC 8058: a mail client's "unsubscribe" stops every network's mail to them (the erasure still
      // follows on the day the question names, unless they answer that they want to stay).
      extras: async () => ({
        headers: oneClickHeaders(
          await issueLink(
            'unsubscribe-stay',
            { networkId: '', subjectId: profile.personId, language: profile.language, person: profile.email },
            answerDue.toISOString(),
          ),
        ),
      }),
      message: async () =>
        mail(composeStayQuestion, {
          recipientName: typeof name === 'string' ? name : '',
          senderName: networks.map((n) => n.name).join(', ') || 'samla',
          networkNames: networks.map((n) => n.name),
          stayUrl: await issueLink(
            'privacy-stay',
            { networkId: '', subjectId: profile.personId, language: profile.language, person: profile.email },
            answerDue.toISOString(),
          ),
          answerBy: answerDue,
          timeZone: networks[0]?.timeZone ?? 'Europe/Stockholm',
        }),
    },
    now,
  );
  return true;
}

export interface SweepResult {
  asked: number;
  erased: number;
}

export async function sweepInactive(now: Date): Promise<SweepResult> {
  const cutoff = inactiveBefore(now, retentionEnv.inactiveMonths());
  const answerDue = new Date(now.getTime() + retentionEnv.stayAnswerDays() * dayMs);
  let asked = 0;
  for (const profile of await listInactive(cutoff.toISOString(), batch))
    if (await askToStay(profile, now, answerDue)) asked += 1;
  let erased = 0;
  for (const profile of await listStayAnswerDue(now.toISOString(), batch)) {
    await erasePerson(profile.email, now);
    erased += 1;
  }
  logger.info('retention sweep', { asked, erased });
  return { asked, erased };
}

/**
 * Salts left on closed evaluations: meetings closed before the close took the salt in its own write
 * (an upgraded deployment) still hold one, and with it their anonymous answers could be traced. The
 * nightly sweep takes them away (a Query per network's groups and per group's meetings), so an upgrade
 * needs no migration step; after the first night there is nothing left to find.
 */
export async function forgetClosedSalts(): Promise<number> {
  let removed = 0;
  for (const network of await listNetworks())
    for (const group of await listGroups(network.id))
      for (const meeting of await listMeetings(group.id))
        if (meeting.evaluationClosedAt && meeting.evaluationSalt && (await forgetSalt(group.id, meeting.id)))
          removed += 1;
  if (removed > 0) logger.info('salts removed from closed evaluations', { removed });
  return removed;
}
