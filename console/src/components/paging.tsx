import { useState } from 'preact/hooks';
import { useMessages } from '../i18n.ts';
import { common } from '../messages.ts';

/** A long list shows a page at a time, "show more" adding the next: the DOM stays small. */
export function useShowMore<T>(
  items: readonly T[],
  pageSize = 25,
): { shown: readonly T[]; more: preact.JSX.Element | null } {
  const t = useMessages(common);
  const [count, setCount] = useState(pageSize);
  const shown = items.slice(0, count);
  const more =
    items.length > count ? (
      <p class="more">
        <span class="muted">{t('shownOf', { shown: shown.length, total: items.length })}</span>{' '}
        <button type="button" onClick={() => setCount(count + pageSize)}>
          {t('showMore')}
        </button>
      </p>
    ) : null;
  return { shown, more };
}
