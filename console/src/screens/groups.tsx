import { useEffect, useState } from 'preact/hooks';
import { Layout } from '../components/layout.tsx';
import { bundle, useMessages } from '../i18n.ts';
import { common } from '../messages.ts';

/**
 * The groups screens (the list with "New group" and the proposals; one group's page) load as a chunk of
 * their own the first time one is opened: their forms and words in three languages would otherwise add
 * about 10 KB (gzip) to what every coordinator's browser loads before the first screen.
 */
type Screens = typeof import('./group-list.tsx');

let screens: Screens | undefined;
let loading: Promise<Screens> | undefined;

function loadScreens(): Promise<Screens> {
  loading ??= import('./group-list.tsx').then((loaded) => {
    screens = loaded;
    return loaded;
  });
  return loading;
}

const words = bundle({
  en: {
    failed: 'This screen could not be loaded. samla may have been updated in the meantime: reload the page.',
    reload: 'Reload the page',
  },
  sv: {
    failed: 'Skärmen gick inte att hämta. samla kan ha uppdaterats under tiden: ladda om sidan.',
    reload: 'Ladda om sidan',
  },
  nb: {
    failed: 'Skjermen kunne ikke hentes. samla kan ha blitt oppdatert i mellomtiden: last inn siden på nytt.',
    reload: 'Last inn siden på nytt',
  },
});

function useScreens(): Screens | 'failed' | undefined {
  const [, setLoaded] = useState<Screens | undefined>(screens);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (screens !== undefined) return;
    loadScreens().then(setLoaded, () => {
      loading = undefined;
      setFailed(true);
    });
  }, []);
  return screens ?? (failed ? 'failed' : undefined);
}

function Waiting(props: { networkId: string; failed: boolean }) {
  const t = useMessages(words);
  const c = useMessages(common);
  return (
    <Layout networkId={props.networkId} current="groups" title={c('groups')}>
      {props.failed ? (
        <div class="error" role="alert">
          <p>{t('failed')}</p>
          <button type="button" onClick={() => window.location.reload()}>
            {t('reload')}
          </button>
        </div>
      ) : (
        <p class="muted" aria-live="polite">
          {c('loading')}
        </p>
      )}
    </Layout>
  );
}

/** `/n/<id>/groups`: every group of the network, "New group" (`?new=1&title=…`) and the group proposals. */
export function Groups(props: { networkId: string }) {
  const loaded = useScreens();
  if (loaded === undefined || loaded === 'failed')
    return <Waiting networkId={props.networkId} failed={loaded === 'failed'} />;
  return <loaded.Groups networkId={props.networkId} />;
}

/** `/n/<id>/groups/<groupId>`: one group's members, waitlist, offers, requests to decide, and details. */
export function Group(props: { networkId: string; groupId: string }) {
  const loaded = useScreens();
  if (loaded === undefined || loaded === 'failed')
    return <Waiting networkId={props.networkId} failed={loaded === 'failed'} />;
  return <loaded.Group networkId={props.networkId} groupId={props.groupId} />;
}
