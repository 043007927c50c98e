/**
 * The CSP of every console response: only what the console loads and calls, nothing inline. One policy
 * for CloudFront (infra/constructs/console.ts) and the local server (infra/local/console.ts), so the
 * browser tests run the console under the policy it has in AWS. Origins given twice (locally the API and
 * the provider share one) are named once.
 */
export function contentSecurityPolicy(origins: {
  readonly api: string;
  readonly cognito: string;
  readonly signIn: string;
}): string {
  const calls = [...new Set([origins.api, origins.cognito, origins.signIn])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${calls}`,
    `form-action 'self' ${origins.signIn}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}
