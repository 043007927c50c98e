import type { Language } from '../i18n.ts';
import type { Block } from './layout.ts';

/** Phrases every kind of mail shares. */
export interface CommonCopy {
  greeting(name: string): string;
  closing: string;
  /** Beneath a button, before the URL in plain text. */
  buttonFallback: string;
}

export const commonCopy: Record<Language, CommonCopy> = {
  sv: {
    greeting: (name) => `Hej ${name}!`,
    closing: 'Vänliga hälsningar',
    buttonFallback: 'Fungerar inte knappen? Kopiera länken till din webbläsare:',
  },
  nb: {
    greeting: (name) => `Hei ${name}!`,
    closing: 'Vennlig hilsen',
    buttonFallback: 'Virker ikke knappen? Kopier lenken inn i nettleseren din:',
  },
  en: {
    greeting: (name) => `Hi ${name},`,
    closing: 'Best wishes,',
    buttonFallback: 'If the button does not work, copy this link into your browser:',
  },
};

export function greeting(language: Language, name: string): Block {
  return { type: 'paragraph', text: commonCopy[language].greeting(name) };
}

export function signature(language: Language, networkName: string): Block {
  return { type: 'signature', closing: commonCopy[language].closing, sender: networkName };
}

export function action(language: Language, label: string, url: string): Block {
  return { type: 'action', label, url, fallback: commonCopy[language].buttonFallback };
}
