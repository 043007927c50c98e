/**
 * Settings of this deployment, from /config.json beside index.html: written by the stack's
 * BucketDeployment in AWS and by infra/local/console.ts locally, so one build serves both.
 */
export interface ConsoleConfig {
  /** Base URL of the HTTP API, without a trailing slash. */
  readonly apiUrl: string;
  /** The OpenID provider (Cognito's `https://cognito-idp.<region>.amazonaws.com/<pool>`, or the local one). */
  readonly authority: string;
  readonly clientId: string;
  /** Cognito has no standard end_session_endpoint: its managed login's /logout, when there is one. */
  readonly logoutEndpoint?: string;
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`config.json: ${name} is missing`);
  return value.trim().replace(/\/+$/, '');
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  const raw = (await response.json()) as Record<string, unknown>;
  const logout = raw.logoutEndpoint;
  return {
    apiUrl: text(raw.apiUrl, 'apiUrl'),
    authority: text(raw.authority, 'authority'),
    clientId: text(raw.clientId, 'clientId'),
    ...(typeof logout === 'string' && logout !== '' ? { logoutEndpoint: logout } : {}),
  };
}
