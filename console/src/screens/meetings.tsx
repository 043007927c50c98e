import { Layout } from '../components/layout.tsx';
import { useMessages } from '../i18n.ts';
import { common } from '../messages.ts';

export function Meetings(props: { networkId: string; groupId?: string }) {
  const t = useMessages(common);
  return (
    <Layout networkId={props.networkId} current="meetings" title={t('meetings')}>
      <p>{props.groupId}</p>
    </Layout>
  );
}

export function Meeting(props: { networkId: string; groupId: string; meetingId: string }) {
  const t = useMessages(common);
  return (
    <Layout networkId={props.networkId} current="meetings" title={t('meetings')}>
      <p>{props.meetingId}</p>
    </Layout>
  );
}
