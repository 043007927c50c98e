import { Layout } from '../components/layout.tsx';
import { useMessages } from '../i18n.ts';
import { common } from '../messages.ts';

export function Registrations(props: { networkId: string }) {
  const t = useMessages(common);
  return (
    <Layout networkId={props.networkId} current="registrations" title={t('registrations')}>
      <p>…</p>
    </Layout>
  );
}
