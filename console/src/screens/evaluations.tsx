import { lazyScreen } from './lazy-screen.tsx';

/**
 * Evaluations: `/n/<network>/evaluations` (the groups), `…/<group>` (a group's trend, meetings,
 * follow-ups and CSV) and `…/<group>/<meeting>` (one meeting's evaluation). The screens, their charts
 * and their words in three languages load as a chunk of their own the first time one is opened
 * (evaluation-list.tsx and what it imports): about 9 KB (gzip) that the first screen need not wait for.
 */
const screens = () => import('./evaluation-list.tsx');

const GroupList = lazyScreen<{ networkId: string }>('evaluations', () => screens().then((m) => m.GroupList));
const GroupEvaluations = lazyScreen<{ networkId: string; groupId: string }>('evaluations', () =>
  screens().then((m) => m.GroupEvaluations),
);

/** `/n/<id>/evaluations` and `/n/<id>/evaluations/<groupId>`. */
export function Evaluations(props: { networkId: string; groupId?: string }) {
  if (props.groupId !== undefined)
    return <GroupEvaluations networkId={props.networkId} groupId={props.groupId} />;
  return <GroupList networkId={props.networkId} />;
}

/** `/n/<id>/evaluations/<groupId>/<meetingId>`. */
export const Evaluation = lazyScreen<{ networkId: string; groupId: string; meetingId: string }>(
  'evaluations',
  () => screens().then((m) => m.MeetingEvaluation),
);
