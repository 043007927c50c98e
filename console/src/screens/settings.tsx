import { lazyScreen } from './lazy-screen.tsx';

/** The settings screen (settings-screen.tsx), loaded when first opened. */
export const Settings = lazyScreen<{ networkId: string }>('settings', () =>
  import('./settings-screen.tsx').then((m) => m.Settings),
);
