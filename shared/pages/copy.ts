import type { Language } from '../i18n.ts';
import * as en from './copy/en.ts';
import * as nb from './copy/nb.ts';
import * as sv from './copy/sv.ts';
import type { PageCopy } from './copy/types.ts';

// One file per language under copy/ so a reviewer edits one language; each page's copy there
// `satisfies` its part of PageCopy, so a key missing from or added to one language fails typecheck.
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

/** All of it, by language: for tests. A function reads the tables below, so it bundles only what it shows. */
export const pageCopy: Record<Language, PageCopy> = { sv, nb, en };

/*
 * One table per page: every HTTP function shows the error page, a few the others, and esbuild keeps only
 * the tables (and the copy in them) a function reads.
 */
export const confirmCopy: Record<Language, PageCopy['confirm']> = {
  sv: sv.confirm,
  nb: nb.confirm,
  en: en.confirm,
};

export const confirmedCopy: Record<Language, Pick<PageCopy, 'confirmed' | 'alreadyConfirmed'>> = {
  sv: { confirmed: sv.confirmed, alreadyConfirmed: sv.alreadyConfirmed },
  nb: { confirmed: nb.confirmed, alreadyConfirmed: nb.alreadyConfirmed },
  en: { confirmed: en.confirmed, alreadyConfirmed: en.alreadyConfirmed },
};

export const receiptCopy: Record<Language, Pick<PageCopy, 'receipt' | 'joinReceipt' | 'proposalReceipt'>> = {
  sv: { receipt: sv.receipt, joinReceipt: sv.joinReceipt, proposalReceipt: sv.proposalReceipt },
  nb: { receipt: nb.receipt, joinReceipt: nb.joinReceipt, proposalReceipt: nb.proposalReceipt },
  en: { receipt: en.receipt, joinReceipt: en.joinReceipt, proposalReceipt: en.proposalReceipt },
};

export const actionCopy: Record<Language, Pick<PageCopy, 'actions' | 'declineMessage'>> = {
  sv: { actions: sv.actions, declineMessage: sv.declineMessage },
  nb: { actions: nb.actions, declineMessage: nb.declineMessage },
  en: { actions: en.actions, declineMessage: en.declineMessage },
};

export const resultCopy: Record<Language, PageCopy['results']> = {
  sv: sv.results,
  nb: nb.results,
  en: en.results,
};

/** The form fields by name: the error page lists them, and so does the feedback form's error summary. */
export const fieldCopy: Record<Language, PageCopy['fields']> = {
  sv: sv.fields,
  nb: nb.fields,
  en: en.fields,
};

export const errorCopy: Record<Language, Pick<PageCopy, 'errors' | 'fieldsIntro' | 'errorCode'>> = {
  sv: { errors: sv.errors, fieldsIntro: sv.fieldsIntro, errorCode: sv.errorCode },
  nb: { errors: nb.errors, fieldsIntro: nb.fieldsIntro, errorCode: nb.errorCode },
  en: { errors: en.errors, fieldsIntro: en.fieldsIntro, errorCode: en.errorCode },
};
