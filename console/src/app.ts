import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api/client.ts';
import type { Auth, Coordinator } from './auth.ts';

/** What every screen reaches: the typed API, the session and who is signed in. */
export interface AppContext {
  readonly api: Api;
  readonly auth: Auth;
  readonly coordinator: Coordinator;
}

export const App = createContext<AppContext | undefined>(undefined);

export function useApp(): AppContext {
  const app = useContext(App);
  if (app === undefined) throw new Error('useApp outside <App.Provider>');
  return app;
}
