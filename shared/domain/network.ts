import type { Language } from '../i18n.ts';

/** A network: the community members register interest in and coordinators run. */
export interface Network {
  id: string;
  name: string;
  /** In order of preference: the first is used when a member's language is not known. */
  languages: Language[];
  /** Coordinators' email addresses (normalised). */
  coordinators: string[];
  /** Where a plain HTML form post is redirected after success; a localised receipt page otherwise. */
  thankYouUrl?: string;
  timeZone: string;
}

export function defaultLanguage(network: Network): Language {
  return network.languages[0] ?? 'sv';
}

/** The member's own choice if the network offers it, else the network's first language. */
export function languageFor(network: Network, wanted: Language | undefined): Language {
  return wanted !== undefined && network.languages.includes(wanted) ? wanted : defaultLanguage(network);
}
