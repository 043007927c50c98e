import type * as z from 'zod/mini';
import { defaultLanguage, type Network } from '../domain/network.ts';
import type { Language } from '../i18n.ts';
import { receiptPage } from '../pages/pages.ts';
import { fromForm } from './form-posts.ts';
import { requestLanguage } from './language.ts';
import type { ApiRequest } from './request.ts';
import { html, json, seeOther } from './responses.ts';
import { validate } from './validation.ts';

/** A public form's body as an object, from a plain HTML form post or JSON alike. */
export function formBody(request: ApiRequest, schema: z.core.$ZodObject): unknown {
  return request.form ? fromForm(schema, request.body as Record<string, string | string[]>) : request.body;
}

/** The language a body names, if it names one; checked against what is offered by the caller. */
export function namedLanguage(body: unknown): unknown {
  return typeof body === 'object' && body !== null ? (body as { language?: unknown }).language : undefined;
}

/**
 * A network's public form, read: the language first (the one the body names, else the browser's, else the
 * network's), set on the request so every answer from here on speaks it, then the body validated by its
 * schema. `refuse` may throw an error that must win over field errors (a closed group), in that language.
 */
export function readNetworkForm<S extends z.core.$ZodObject>(
  request: ApiRequest,
  schema: S,
  network: Network,
  refuse?: () => void,
): { input: z.output<S>; language: Language } {
  const body = formBody(request, schema);
  const language = requestLanguage(
    namedLanguage(body),
    request.acceptLanguage,
    network.languages,
    defaultLanguage(network),
  );
  request.language = language;
  refuse?.();
  return { input: validate(schema, body, language), language };
}

/**
 * The answer to a double opt-in form: the same whatever happened, so it never tells who asked before.
 * JSON gets 202 with the record's id; a form post the network's thank-you page, else a receipt page.
 */
export function optInAccepted(
  request: ApiRequest,
  network: Network,
  id: string,
  what?: 'group-proposal' | 'join-request',
) {
  if (!request.form) return json(202, { id, status: 'pending_confirmation' });
  if (network.thankYouUrl) return seeOther(network.thankYouUrl);
  const language = request.language ?? defaultLanguage(network);
  return html(200, receiptPage({ language, networkName: network.name, what }));
}
