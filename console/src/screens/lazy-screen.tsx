import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Layout, type ScreenName } from '../components/layout.tsx';
import { bundle, useMessages } from '../i18n.ts';
import { common } from '../messages.ts';

/**
 * A screen whose code loads as a chunk of its own the first time it is opened (Vite splits at the
 * dynamic import), so what every coordinator's browser loads before the first screen stays small. Until
 * it is there, the screen's frame and "Loading…"; if it cannot be fetched (a deploy replaced the hashed
 * files), a way to reload.
 */
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

export function lazyScreen<P extends { networkId: string }>(
  screen: ScreenName,
  load: () => Promise<FunctionComponent<P>>,
): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | undefined;
  let loading: Promise<FunctionComponent<P>> | undefined;
  return function LazyScreen(props: P) {
    const t = useMessages(words);
    const c = useMessages(common);
    const [, setVersion] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded !== undefined) return;
      loading ??= load();
      loading.then(
        (component) => {
          loaded = component;
          setVersion((version) => version + 1);
        },
        () => {
          loading = undefined;
          setFailed(true);
        },
      );
    }, []);
    if (loaded !== undefined) {
      const Screen = loaded;
      return <Screen {...props} />;
    }
    return (
      <Layout networkId={props.networkId} current={screen} title={c(screen)}>
        {failed ? (
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
  };
}
