import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client.ts';
import { useMessages } from '../i18n.ts';
import { common } from '../messages.ts';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiError }
  | { state: 'ready'; data: T; reloading: boolean };

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('other', 0, 'client', error instanceof Error ? error.message : String(error));
}

/**
 * Data for a screen: loads when `deps` change, keeps showing the last data while reloading (after an
 * action), and keeps the error to show it in place.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Load<T>, () => Promise<void>] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  // Only the latest load may show its answer: an earlier one (another filter, say) answering later is stale.
  const latest = useRef(0);
  const run = useCallback(async () => {
    latest.current += 1;
    const mine = latest.current;
    setResult((previous) => (previous.state === 'ready' ? { ...previous, reloading: true } : previous));
    try {
      const data = await load();
      if (mine === latest.current) setResult({ state: 'ready', data, reloading: false });
    } catch (error) {
      if (mine === latest.current) setResult({ state: 'failed', error: asApiError(error) });
    }
  }, deps);
  useEffect(() => {
    setResult({ state: 'loading' });
    void run();
  }, [run]);
  return [result, run];
}

const messageKeys = {
  forbidden: 'errorForbidden',
  'not-found': 'errorNotFound',
  conflict: 'errorConflict',
  unavailable: 'errorUnavailable',
  network: 'errorNetwork',
  invalid: 'errorInvalid',
  other: 'errorOther',
} as const;

/** An error said plainly, in the console's language, with the API's own words when it has some. */
export function ErrorMessage(props: { error: ApiError; onRetry?: () => void }) {
  const t = useMessages(common);
  const { error } = props;
  const detail = error.kind === 'other' && error.message !== '' ? ` (${error.message})` : '';
  // A conflict says what it was in the API's own words (in the console's language): "the group is closed,
  // open it to approve", not that something changed meanwhile when nothing did.
  const own = error.kind === 'conflict' && error.message !== '' && !error.code.startsWith('http_');
  return (
    <div class="error" role="alert">
      <p>
        {own ? error.message : t(messageKeys[error.kind])}
        {detail}
      </p>
      {error.kind === 'forbidden' ? (
        <p>
          <a href="/">{t('home')}</a>
        </p>
      ) : null}
      {props.onRetry !== undefined && error.kind !== 'forbidden' ? (
        <button type="button" onClick={props.onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}

/** Loading, the error, or the content. */
export function Loaded<T>(props: {
  load: Load<T>;
  retry?: () => void;
  children: (data: T) => preact.ComponentChildren;
}) {
  const t = useMessages(common);
  if (props.load.state === 'loading')
    return (
      <p class="muted" aria-live="polite">
        {t('loading')}
      </p>
    );
  if (props.load.state === 'failed')
    return <ErrorMessage error={props.load.error} {...(props.retry ? { onRetry: props.retry } : {})} />;
  return <>{props.children(props.load.data)}</>;
}
