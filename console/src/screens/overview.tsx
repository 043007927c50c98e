import { lazyScreen } from './lazy-screen.tsx';

/** The overview (overview-screen.tsx), loaded when first opened. */
export const Overview = lazyScreen<{ networkId: string }>('overview', () =>
  import('./overview-screen.tsx').then((m) => m.Overview),
);
