import { lazyScreen } from './lazy-screen.tsx';

/** The registrations screen (registrations-screen.tsx), loaded when first opened. */
export const Registrations = lazyScreen<{ networkId: string }>('registrations', () =>
  import('./registrations-screen.tsx').then((m) => m.Registrations),
);
