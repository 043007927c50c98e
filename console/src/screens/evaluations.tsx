import { Layout } from '../components/layout.tsx';
import { useMessages } from '../i18n.ts';
import { common } from '../messages.ts';

export function Evaluations(props: { networkId: string; groupId?: string }) {
  const t = useMessages(common);
  return (
    <Layout networkId={props.networkId} current="evaluations" title={t('evaluations')}>
      <p>{props.groupId}</p>
    </Layout>
  );
}

export function Evaluation(props: { networkId: string; groupId: string; meetingId: string }) {
  const t = useMessages(common);
  return (
    <Layout networkId={props.networkId} current="evaluations" title={t('evaluations')}>
      <p>{props.meetingId}</p>
    </Layout>
  );
}
