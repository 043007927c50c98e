/**
 * A tiny HTML builder for emails and pages. Markup is written with the `html` tag; every value
 * interpolated into it is escaped unless it is already SafeHtml, so forgetting to escape a name or
 * a topic is not something a template can do by accident.
 */
export class SafeHtml {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  toString(): string {
    return this.#value;
  }
}

/** What may be interpolated: `false` and `null` render nothing, so `${cond && html`…`}` reads naturally. */
export type HtmlValue = string | number | SafeHtml | false | null | readonly HtmlValue[];

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for both element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => entities[ch] ?? ch);
}

function toHtml(value: HtmlValue): string {
  if (value === false || value === null) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(toHtml).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += toHtml(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/**
 * Marks a constant written in this code base as markup. Only for text that never contains user
 * input (a `<style>` block, where entities would not be decoded).
 */
export function trustedHtml(constant: string): SafeHtml {
  return new SafeHtml(constant);
}

/**
 * Links we put in a button must be web links: an href of `javascript:` or `data:` would run in some
 * clients, so anything else is a programming error, not something to render.
 */
export function webUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed?.protocol !== 'https:' && parsed?.protocol !== 'http:') {
    throw new TypeError(`Not an http(s) URL: ${JSON.stringify(url)}`);
  }
  return url;
}
