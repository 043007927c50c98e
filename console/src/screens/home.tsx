import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../app.ts';
import { Layout, Link } from '../components/layout.tsx';
import { useMessages } from '../i18n.ts';
import { common } from '../messages.ts';
import { navigate, path } from '../router.ts';

/** The networks the coordinator's token names; with exactly one, straight to it. */
export function Home() {
  const t = useMessages(common);
  const { coordinator } = useApp();
  const [id, setId] = useState('');
  const only = coordinator.networks.length === 1 && !coordinator.admin ? coordinator.networks[0] : undefined;
  useEffect(() => {
    if (only !== undefined) navigate(path('n', only), { replace: true });
  }, [only]);
  return (
    <Layout title={t('home')}>
      {coordinator.networks.length === 0 && !coordinator.admin ? <p>{t('noNetworks')}</p> : null}
      {coordinator.networks.length > 0 ? (
        <ul class="networks">
          {coordinator.networks.map((network) => (
            <li key={network}>
              <Link href={path('n', network)}>{network}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {coordinator.admin ? (
        <form
          class="inline"
          onSubmit={(event) => {
            event.preventDefault();
            if (id.trim() !== '') navigate(path('n', id.trim()));
          }}
        >
          <h2>{t('openNetwork')}</h2>
          <label for="network-id">{t('networkId')}</label>{' '}
          <input
            id="network-id"
            value={id}
            onInput={(e) => setId((e.currentTarget as HTMLInputElement).value)}
          />{' '}
          <button type="submit">{t('open')}</button>
        </form>
      ) : null}
    </Layout>
  );
}
