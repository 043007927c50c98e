import { Layout } from '../components/layout.tsx';
import { useMessages } from '../i18n.ts';
import { common } from '../messages.ts';

export function Groups(props: { networkId: string }) {
  const t = useMessages(common);
  return (
    <Layout networkId={props.networkId} current="groups" title={t('groups')}>
      <p>…</p>
    </Layout>
  );
}

export function Group(props: { networkId: string; groupId: string }) {
  const t = useMessages(common);
  return (
    <Layout networkId={props.networkId} current="groups" title={t('groups')}>
      <p>{props.groupId}</p>
    </Layout>
  );
}
