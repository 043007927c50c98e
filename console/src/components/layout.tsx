import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useApp } from '../app.ts';
import { type Language, languageNames, languages, useLanguage, useMessages } from '../i18n.ts';
import { common } from '../messages.ts';
import { navigate, path } from '../router.ts';

const screens = ['overview', 'registrations', 'groups', 'meetings', 'evaluations', 'settings'] as const;
export type ScreenName = (typeof screens)[number];

/** Links inside the console navigate without a reload (and keep the session in memory). */
export function Link(props: {
  href: string;
  children: ComponentChildren;
  class?: string;
  'aria-current'?: 'page';
}) {
  return (
    <a
      href={props.href}
      class={props.class}
      aria-current={props['aria-current']}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}

export function screenPath(networkId: string, screen: ScreenName): string {
  return screen === 'overview' ? path('n', networkId) : path('n', networkId, screen);
}

function LanguagePicker() {
  const t = useMessages(common);
  const { language, setLanguage } = useLanguage();
  return (
    <label class="language">
      <span>{t('language')}</span>{' '}
      <select
        value={language}
        onChange={(event) => setLanguage((event.currentTarget as HTMLSelectElement).value as Language)}
      >
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageNames[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The frame of every screen: a skip link, the network's navigation, language and sign-out, and a <main>
 * whose heading gets focus on each new screen (so a screen reader hears where it went).
 */
export function Layout(props: {
  networkId?: string;
  current?: ScreenName;
  title: string;
  children: ComponentChildren;
}) {
  const t = useMessages(common);
  const { auth, coordinator } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = props.networkId
      ? `${props.title} · ${props.networkId} · samla`
      : `${props.title} · samla`;
    heading.current?.focus();
  }, [props.title, props.networkId]);
  return (
    <>
      <a class="skip" href="#main">
        {t('skip')}
      </a>
      <header class="top">
        <Link href="/" class="brand">
          samla
        </Link>
        {props.networkId ? <span class="network-id">{props.networkId}</span> : null}
        <div class="session">
          <LanguagePicker />
          <span class="muted">{t('signedInAs', { email: coordinator.email })}</span>
          <button type="button" onClick={() => void auth.signOut()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      {props.networkId ? (
        <nav aria-label={t('navigation')} class="screens">
          <ul>
            {screens.map((screen) => (
              <li key={screen}>
                <Link
                  href={screenPath(props.networkId as string, screen)}
                  {...(props.current === screen ? { 'aria-current': 'page' as const } : {})}
                >
                  {t(screen)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main id="main">
        <h1 tabIndex={-1} ref={heading}>
          {props.title}
        </h1>
        {props.children}
      </main>
    </>
  );
}
