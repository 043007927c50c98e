import { type EvaluationAnswer, evaluationOpen, withoutIdentity } from '../../shared/domain/evaluation.ts';
import { gone, HttpError, notFound } from '../../shared/http/errors.ts';
import { FeedbackBody } from '../../shared/http/feedback-schemas.ts';
import { isGet, openLink } from '../../shared/http/link-request.ts';
import { formBody } from '../../shared/http/public-form.ts';
import { publicHandler } from '../../shared/http/public-handler.ts';
import { prefersJson } from '../../shared/http/request.ts';
import { html, json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/feedback.ts';
import { validate } from '../../shared/http/validation.ts';
import { type FeedbackPrefill, feedbackPage, resultPage } from '../../shared/pages/pages.ts';
import { answerKey, evaluationTimes } from '../../shared/services/evaluation-times.ts';
import { getAnswer, putAnswer } from '../../shared/store/evaluations.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { getJoinRequest } from '../../shared/store/join-requests.ts';
import { getMeeting } from '../../shared/store/meetings.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { touchPerson } from '../../shared/store/people.ts';

/**
 * `/v1/feedback/{token}`: the evaluation form behind the one-tap ratings. GET shows the form with the
 * tapped rating chosen (and any earlier answer filled in) and changes nothing; POST stores the answer,
 * which the member may change until the evaluation closes. The link is the member's own, so it also keys
 * the answer: one per member and meeting, and an anonymous one carries no identity.
 */
export const handler = publicHandler(
  async (request) => {
    const now = new Date();
    const { link, token } = await openLink(request, ['feedback'], now);
    const groupId = link.groupId ?? '';
    const [network, group, meeting] = await Promise.all([
      getNetwork(link.networkId),
      getGroup(groupId),
      getMeeting(groupId, link.meetingId ?? ''),
    ]);
    if (!network || !group || !meeting) throw notFound('link_not_found');
    const salt = meeting.evaluationSalt;
    // Closed by the close step, or by the close evaluationTimes gives (the settings as they are now, never
    // before the close the mails announced): not by the link's own validity, which lasts as long as any
    // setting could keep the evaluation open.
    const { closeAt } = evaluationTimes({ network, meeting });
    const closed = !salt || !evaluationOpen({ closeAt, closedAt: meeting.evaluationClosedAt }, now);
    const page = (extra: { rating?: number; answer?: FeedbackPrefill; errors?: Record<string, string> }) =>
      feedbackPage({
        language: link.language,
        networkName: network.name,
        groupTitle: group.title,
        meetingStartsAt: new Date(meeting.startsAt),
        timeZone: meeting.timeZone,
        actionUrl: token,
        closesAt: new Date(closeAt),
        ...extra,
      });
    const key = answerKey(salt ?? '', meeting.id, link.subjectId);

    if (isGet(request)) {
      if (closed)
        return html(
          410,
          resultPage({
            language: link.language,
            networkName: network.name,
            kind: 'feedback-closed',
            groupTitle: group.title,
          }),
        );
      const tapped = Number(request.event.queryStringParameters?.rating);
      const previous = await getAnswer(meeting.id, key);
      return html(
        200,
        page({
          ...(Number.isInteger(tapped) && tapped >= 1 && tapped <= 10 ? { rating: tapped } : {}),
          ...(previous ? { answer: previous } : {}),
        }),
      );
    }

    if (closed) throw gone('evaluation_closed');
    const body = formBody(request, FeedbackBody);
    let input: FeedbackBody;
    try {
      input = validate(FeedbackBody, body, link.language);
    } catch (error) {
      // A person at a browser gets the form back with each problem beside its field.
      if (error instanceof HttpError && request.form && request.wantsHtml)
        return html(400, page({ errors: error.fields, answer: body as FeedbackPrefill }));
      throw error;
    }
    const anonymous = input.anonymous === true;
    const answer: EvaluationAnswer = {
      rating: input.rating as EvaluationAnswer['rating'],
      ...(input.nextTimeBetter ? { nextTimeBetter: input.nextTimeBetter } : {}),
      ...(input.reflections ? { reflections: input.reflections } : {}),
      ...(input.parkedQuestions?.length ? { parkedQuestions: input.parkedQuestions } : {}),
      anonymous,
      ...(anonymous ? {} : { memberId: link.subjectId }),
      answeredAt: now.toISOString(),
    };
    // Stored without the member and with only the day it was given, so nothing ties it to the person.
    const stored = anonymous ? withoutIdentity(answer) : answer;
    if ((await putAnswer(group.id, meeting.id, key, stored, link.subjectId, now)) === 'closed')
      throw gone('evaluation_closed');
    // Answering is taking part, as an RSVP is: the retention sweep counts from here, so a member who only
    // ever evaluates is not asked whether they want to stay. Nothing of the answer goes with it.
    const member = await getJoinRequest(group.id, link.subjectId);
    if (member) await touchPerson(member.email, member.language, now);
    if (prefersJson(request.event.headers?.accept) || !request.form)
      return json(200, { status: 'recorded', anonymous });
    return html(
      200,
      resultPage({
        language: link.language,
        networkName: network.name,
        kind: 'feedback-thanks',
        groupTitle: group.title,
        anonymous,
      }),
    );
  },
  { body: 'optional', routes },
);
