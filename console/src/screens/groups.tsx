import { lazyScreen } from './lazy-screen.tsx';

/**
 * The groups screens (the list with "New group" and the proposals; one group's page) load as a chunk of
 * their own the first time one is opened: their forms and words in three languages would otherwise add
 * about 10 KB (gzip) to what every coordinator's browser loads before the first screen.
 */
const screens = () => import('./group-list.tsx');

/** `/n/<id>/groups`: every group of the network, "New group" (`?new=1&title=…`) and the group proposals. */
export const Groups = lazyScreen<{ networkId: string }>('groups', () => screens().then((m) => m.Groups));

/** `/n/<id>/groups/<groupId>`: one group's members, waitlist, offers, requests to decide, and details. */
export const Group = lazyScreen<{ networkId: string; groupId: string }>('groups', () =>
  screens().then((m) => m.Group),
);
