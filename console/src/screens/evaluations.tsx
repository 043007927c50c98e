import { useEffect, useState } from 'preact/hooks';
import { Layout } from '../components/layout.tsx';
import { bundle, useMessages } from '../i18n.ts';
import { common } from '../messages.ts';

/**
 * Evaluations: `/n/<network>/evaluations` (the groups), `…/<group>` (a group's trend, meetings,
 * follow-ups and CSV) and `…/<group>/<meeting>` (one meeting's evaluation). The screens, their charts
 * and their words in three languages load as a chunk of their own the first time one is opened
 * (evaluation-list.tsx and what it imports): about 9 KB (gzip) that the first screen need not wait for.
 */
type Screens = typeof import('./evaluation-list.tsx');

let screens: Screens | undefined;
let loading: Promise<Screens> | undefined;

function loadScreens(): Promise<Screens> {
  loading ??= import('./evaluation-list.tsx').then((loaded) => {
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
      // A later visit tries again (a new deployment may have replaced the chunk).
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
    <Layout networkId={props.networkId} current="evaluations" title={c('evaluations')}>
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

/** `/n/<id>/evaluations` and `/n/<id>/evaluations/<groupId>`. */
export function Evaluations(props: { networkId: string; groupId?: string }) {
  const loaded = useScreens();
  if (loaded === undefined || loaded === 'failed')
    return <Waiting networkId={props.networkId} failed={loaded === 'failed'} />;
  if (props.groupId !== undefined)
    return <loaded.GroupEvaluations networkId={props.networkId} groupId={props.groupId} />;
  return <loaded.GroupList networkId={props.networkId} />;
}

/** `/n/<id>/evaluations/<groupId>/<meetingId>`. */
export function Evaluation(props: { networkId: string; groupId: string; meetingId: string }) {
  const loaded = useScreens();
  if (loaded === undefined || loaded === 'failed')
    return <Waiting networkId={props.networkId} failed={loaded === 'failed'} />;
  return <loaded.MeetingEvaluation {...props} />;
}
