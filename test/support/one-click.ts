/** A mail client's one-click unsubscribe (RFC 8058) on a List-Unsubscribe link, asking for JSON back. */
export function oneClickUnsubscribe(url: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: 'List-Unsubscribe=One-Click',
  });
}
