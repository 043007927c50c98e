import { useState } from 'preact/hooks';
import type { ApiError } from '../api/client.ts';
import { useMessages } from '../i18n.ts';
import { common } from '../messages.ts';
import { asApiError, ErrorMessage } from './load.tsx';

const DRAFT_PREFIX = 'samla.console.draft.';

/**
 * A form's values, kept in sessionStorage while being typed: when the session ends and the coordinator
 * signs in again, they come back to the same screen with what they typed. Cleared once saved.
 */
export function useDraft<T extends object>(
  key: string,
  initial: T,
): [T, (next: Partial<T>) => void, () => void] {
  const storageKey = `${DRAFT_PREFIX}${key}`;
  const [values, setValues] = useState<T>(() => {
    const stored = window.sessionStorage.getItem(storageKey);
    if (stored === null) return initial;
    try {
      return { ...initial, ...(JSON.parse(stored) as Partial<T>) };
    } catch {
      return initial;
    }
  });
  const update = (next: Partial<T>) =>
    setValues((previous) => {
      const merged = { ...previous, ...next };
      window.sessionStorage.setItem(storageKey, JSON.stringify(merged));
      return merged;
    });
  const clear = () => {
    window.sessionStorage.removeItem(storageKey);
    setValues(initial);
  };
  return [values, update, clear];
}

export function hasDraft(key: string): boolean {
  return window.sessionStorage.getItem(`${DRAFT_PREFIX}${key}`) !== null;
}

export interface Action {
  readonly busy: boolean;
  readonly error: ApiError | undefined;
  /** The API's field errors of the last attempt. */
  readonly fields: Readonly<Record<string, string>>;
  readonly done: boolean;
  run(): Promise<boolean>;
}

/**
 * One action (save, approve, cancel…): busy while it runs, its error kept to show next to the form and
 * its fields. Nothing looks saved unless the API said so: `done` is set only by a 2xx answer.
 */
export function useAction(perform: () => Promise<unknown>, onDone?: () => void | Promise<void>): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [done, setDone] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await perform();
      setDone(true);
      await onDone?.();
      return true;
    } catch (caught) {
      setError(asApiError(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, fields: error?.fields ?? {}, done, run };
}

/** Under a form: the error of its last attempt, or that it was saved. */
export function ActionStatus(props: { action: Action }) {
  const t = useMessages(common);
  if (props.action.error !== undefined) return <ErrorMessage error={props.action.error} />;
  if (props.action.done)
    return (
      <p class="saved" role="status">
        {t('saved')}
      </p>
    );
  return null;
}
