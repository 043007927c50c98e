import type { Language } from '../i18n.ts';
import { en } from './copy/en.ts';
import { nb } from './copy/nb.ts';
import { sv } from './copy/sv.ts';
import type { PageCopy } from './copy/types.ts';

// One file per language under copy/ so a reviewer edits one language; each `satisfies PageCopy`,
// so a key missing from or added to one language fails typecheck there.
export {
  type ActionCopy,
  type ActionPageKind,
  actionPageKinds,
  type ErrorKind,
  type FieldName,
  type GroupPageFacts,
  type PageCopy,
  type ResultCopy,
  type ResultPageKind,
  resultPageKinds,
} from './copy/types.ts';

export const pageCopy: Record<Language, PageCopy> = { sv, nb, en };
