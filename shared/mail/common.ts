import type { Language } from '../i18n.ts';
import * as en from './copy/en.ts';
import * as nb from './copy/nb.ts';
import * as sv from './copy/sv.ts';
import type { CommonCopy } from './copy/types.ts';
import type { Block } from './layout.ts';

export const commonCopy: Record<Language, CommonCopy> = { sv: sv.common, nb: nb.common, en: en.common };

export function greeting(language: Language, name: string): Block {
  return { type: 'paragraph', text: commonCopy[language].greeting(name) };
}

export function signature(language: Language, networkName: string): Block {
  return { type: 'signature', closing: commonCopy[language].closing, sender: networkName };
}

export function action(language: Language, label: string, url: string): Block {
  return { type: 'action', label, url, fallback: commonCopy[language].buttonFallback };
}
