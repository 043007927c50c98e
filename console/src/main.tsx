import { type ComponentChild, render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi } from './api/client.ts';
import { App } from './app.ts';
import { Auth, type Coordinator, coordinatorOf } from './auth.ts';
import { Layout } from './components/layout.tsx';
import { loadConfig } from './config.ts';
import { fill, initialLanguage, type Language, LanguageState, rememberLanguage } from './i18n.ts';
import { common } from './messages.ts';
import { navigate, parseRoute, type Route, useLocation } from './router.ts';
import { Evaluation, Evaluations } from './screens/evaluations.tsx';
import { Group, Groups } from './screens/groups.tsx';
import { Home } from './screens/home.tsx';
import { Meeting, Meetings } from './screens/meetings.tsx';
import { Overview } from './screens/overview.tsx';
import { Registrations } from './screens/registrations.tsx';
import { Settings } from './screens/settings.tsx';
import './styles.css';

function Screen(props: { route: Route }) {
  const { route } = props;
  switch (route.screen) {
    case 'home':
    case 'callback':
      return <Home />;
    case 'overview':
      return <Overview networkId={route.networkId} />;
    case 'registrations':
      return <Registrations networkId={route.networkId} />;
    case 'groups':
      return <Groups networkId={route.networkId} />;
    case 'group':
      return <Group networkId={route.networkId} groupId={route.groupId} />;
    case 'meetings':
      return <Meetings networkId={route.networkId} {...(route.groupId ? { groupId: route.groupId } : {})} />;
    case 'meeting':
      return <Meeting networkId={route.networkId} groupId={route.groupId} meetingId={route.meetingId} />;
    case 'evaluations':
      return (
        <Evaluations networkId={route.networkId} {...(route.groupId ? { groupId: route.groupId } : {})} />
      );
    case 'evaluation':
      return <Evaluation networkId={route.networkId} groupId={route.groupId} meetingId={route.meetingId} />;
    case 'settings':
      return <Settings networkId={route.networkId} />;
    case 'not-found':
      return <NotFound />;
  }
}

function NotFound() {
  const { language } = useContextLanguage();
  return (
    <Layout title={common[language].notFoundPage}>
      <p>
        <a href="/">{common[language].home}</a>
      </p>
    </Layout>
  );
}

let languageNow: Language = initialLanguage();
const useContextLanguage = () => ({ language: languageNow });

function Console(props: { auth: Auth; apiUrl: string; coordinator: Coordinator }) {
  const [language, setLanguageState] = useState<Language>(languageNow);
  const location = useLocation();
  const api = useMemo(
    () => createApi({ baseUrl: props.apiUrl, auth: props.auth, language: () => languageNow }),
    [props.apiUrl, props.auth],
  );
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const languageState = useMemo(
    () => ({
      language,
      setLanguage: (next: Language) => {
        languageNow = next;
        rememberLanguage(next);
        setLanguageState(next);
      },
    }),
    [language],
  );
  const app = useMemo(
    () => ({ api, auth: props.auth, coordinator: props.coordinator }),
    [api, props.auth, props.coordinator],
  );
  return (
    <LanguageState.Provider value={languageState}>
      <App.Provider value={app}>
        <Screen route={parseRoute(location)} />
      </App.Provider>
    </LanguageState.Provider>
  );
}

function Message(props: { text: string; action?: { label: string; run: () => void } }) {
  return (
    <main id="main" class="boot">
      <h1>samla</h1>
      <p role="alert">{props.text}</p>
      {props.action ? (
        <button type="button" onClick={props.action.run}>
          {props.action.label}
        </button>
      ) : null}
    </main>
  );
}

/**
 * Start: read /config.json, finish a sign-in callback if this is one (then go back to the screen the
 * coordinator came from), sign in if there is no session, and show the console.
 */
async function boot(root: HTMLElement): Promise<void> {
  document.documentElement.lang = languageNow;
  // index.html's placeholder goes before the first render: Preact would keep it beside the app, outside
  // any landmark.
  let placeholder = true;
  const show = (screen: ComponentChild) => {
    if (placeholder) root.replaceChildren();
    placeholder = false;
    render(screen, root);
  };
  const words = common[languageNow];
  let auth: Auth | undefined;
  try {
    const config = await loadConfig();
    auth = new Auth(config);
    if (window.location.pathname === '/callback') {
      show(<Message text={words.signingIn} />);
      const returnTo = await auth.completeSignIn();
      navigate(returnTo, { replace: true });
    }
    const user = await auth.user();
    if (user === undefined) {
      await auth.signIn();
      return;
    }
    show(<Console auth={auth} apiUrl={config.apiUrl} coordinator={coordinatorOf(user)} />);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const signedIn = auth;
    show(
      <Message
        text={fill(signedIn ? words.signInFailed : words.bootFailed, { message })}
        {...(signedIn ? { action: { label: words.signInAgain, run: () => void signedIn.signIn('/') } } : {})}
      />,
    );
  }
}

const root = document.getElementById('app');
if (root !== null) void boot(root);
