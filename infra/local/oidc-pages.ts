/**
 * The pages of the local OpenID provider (infra/local/oidc.ts): sign-in, signing out, and what went
 * wrong, in Swedish, Norwegian Bokmål or English. Server-rendered, no framework: one stylesheet inside
 * the page allowed by its hash, no inline script, and forms that post only to the provider — whose
 * answer then redirects to the console, which is why the console's origins are in `form-action` too
 * (browsers apply it to a form's redirects as well).
 */
import { createHash } from 'node:crypto';
import { fromAcceptLanguage } from '../../shared/http/language.ts';
import { type Language, languages } from '../../shared/i18n.ts';
import { html, type SafeHtml, trustedHtml } from '../../shared/mail/html.ts';

const css = `*{box-sizing:border-box}
body{margin:0;background:#f4f1ec;color:#1f2933;font:17px/1.55 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;-webkit-text-size-adjust:100%}
main{max-width:34rem;margin:0 auto;padding:2.5rem 1rem}
.card{background:#fff;border-radius:10px;padding:2rem 1.5rem}
.badge{margin:0 0 .75rem;font-size:.85rem;font-weight:700;letter-spacing:.04em;color:#1d5e4b}
h1{margin:0 0 1rem;font-size:1.6rem;line-height:1.25}
h2{margin:2rem 0 .5rem;font-size:1.2rem}
p{margin:0 0 1rem}
form{margin:1.5rem 0}
label{display:block;margin:0 0 .25rem;font-weight:700}
input[type=email]{display:block;width:100%;margin:0 0 1rem;padding:.6rem .75rem;font:inherit;color:inherit;background:#fff;border:1px solid #7b8794;border-radius:6px}
input[aria-invalid=true]{border:2px solid #b42318}
input:focus-visible{outline:3px solid #b7791f;outline-offset:2px}
button{font:inherit;font-weight:700;color:#fff;background:#1d5e4b;border:0;border-radius:6px;padding:.75rem 1.75rem;min-height:44px;cursor:pointer}
button:hover{background:#164a3b}
button:focus-visible{outline:3px solid #b7791f;outline-offset:3px}
ul.people{margin:0;padding:0;list-style:none}
ul.people li{margin:0 0 .75rem}
ul.people button{width:100%;text-align:left;color:#1d5e4b;background:#fff;border:2px solid #1d5e4b;padding:.6rem 1rem}
ul.people button:hover{background:#e3efe9}
.groups{display:block;font-weight:400;font-size:.9rem;color:#52606d}
.error{margin:0 0 .5rem;font-weight:700;color:#b42318}
.note{font-size:.95rem;color:#52606d}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem;overflow-wrap:anywhere}
pre{margin:.25rem 0 1rem;padding:.6rem .75rem;background:#f4f1ec;border-radius:6px;white-space:pre-wrap}
@media (min-width:40rem){main{padding-top:4rem}.card{padding:2.5rem 2.25rem}}`;

const styleHash = createHash('sha256').update(css).digest('base64');

/** Where the sign-out page's one script is served, under the provider's path (`script-src 'self'`). */
export const SIGN_OUT_SCRIPT_PATH = '/assets/sign-out.js';
/** Submits the sign-out form at once, so signing out asks nothing; without JavaScript it is a button. */
export const signOutScript = "document.getElementById('sign-out').requestSubmit();\n";

/**
 * Nothing loads or runs but the hashed stylesheet (and on the sign-out page its script, from this
 * origin); forms post to this origin, and their redirects may go on to the console's origins only.
 */
export function pageContentSecurityPolicy(
  formTargets: readonly string[],
  options: { script?: boolean } = {},
): string {
  return [
    "default-src 'none'",
    `style-src 'sha256-${styleHash}'`,
    // The page's icon is data:, so that no browser asks the API's origin for a /favicon.ico it lacks.
    'img-src data:',
    ...(options.script ? ["script-src 'self'"] : []),
    `form-action ${["'self'", ...formTargets].join(' ')}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The language of a page: `ui_locales` of the sign-in request first, then Accept-Language, else English. */
export function pageLanguage(uiLocales: unknown, acceptLanguage: string | undefined): Language {
  if (typeof uiLocales === 'string') {
    const asked = fromAcceptLanguage(uiLocales.split(/\s+/).join(','), languages);
    if (asked !== undefined) return asked;
  }
  return fromAcceptLanguage(acceptLanguage, languages) ?? 'en';
}

export interface KnownCoordinator {
  readonly email: string;
  readonly networks: readonly string[];
  readonly admin: boolean;
}

interface Copy {
  readonly title: string;
  readonly badge: string;
  readonly heading: string;
  readonly intro: string;
  readonly emailLabel: string;
  readonly signIn: string;
  readonly knownHeading: string;
  readonly knownHint: string;
  readonly noneKnown: string;
  readonly notKnown: (email: string) => string;
  readonly notAnAddress: string;
  readonly groups: (coordinator: KnownCoordinator) => string;
  readonly signOutTitle: string;
  readonly signOutHeading: string;
  readonly signOutButton: string;
  readonly signedOutTitle: string;
  readonly signedOut: string;
  readonly problemTitle: string;
  readonly problemHeading: string;
  readonly expired: string;
}

const list = (items: readonly string[]) => items.join(', ');

const copy: Record<Language, Copy> = {
  sv: {
    title: 'samla — logga in (lokalt)',
    badge: 'samla · lokalt',
    heading: 'Logga in i samla',
    intro:
      'Den här inloggningen finns bara på den här datorn. Den står i för samordnarnas inloggning (Cognito i AWS), men utan lösenord: den som når datorn kan logga in som en samordnare som finns här.',
    emailLabel: 'E-postadress',
    signIn: 'Logga in',
    knownHeading: 'Samordnare på den här datorn',
    knownHint: 'Välj en för att logga in som den.',
    noneKnown: 'Här finns inga samordnare ännu. Lägg till en med',
    notKnown: (email) => `${email} är inte samordnare på den här datorn. Lägg till adressen med`,
    notAnAddress: 'Skriv en e-postadress, till exempel du@exempel.se.',
    groups: (c) =>
      [
        ...(c.networks.length > 0 ? [`nätverk: ${list(c.networks)}`] : []),
        ...(c.admin ? ['administratör'] : []),
      ].join(' · '),
    signOutTitle: 'samla — logga ut (lokalt)',
    signOutHeading: 'Loggar ut …',
    signOutButton: 'Logga ut',
    signedOutTitle: 'samla — utloggad (lokalt)',
    signedOut: 'Du är utloggad.',
    problemTitle: 'samla — inloggningen gick inte (lokalt)',
    problemHeading: 'Inloggningen gick inte',
    expired:
      'Inloggningen har gått ut eller startades i en annan webbläsare. Gå tillbaka till konsolen och logga in igen.',
  },
  nb: {
    title: 'samla — logg inn (lokalt)',
    badge: 'samla · lokalt',
    heading: 'Logg inn i samla',
    intro:
      'Denne innloggingen finnes bare på denne maskinen. Den står i stedet for koordinatorenes innlogging (Cognito i AWS), men uten passord: den som når maskinen, kan logge inn som en koordinator som finnes her.',
    emailLabel: 'E-postadresse',
    signIn: 'Logg inn',
    knownHeading: 'Koordinatorer på denne maskinen',
    knownHint: 'Velg en for å logge inn som den.',
    noneKnown: 'Her er det ingen koordinatorer ennå. Legg til en med',
    notKnown: (email) => `${email} er ikke koordinator på denne maskinen. Legg til adressen med`,
    notAnAddress: 'Skriv en e-postadresse, for eksempel deg@eksempel.no.',
    groups: (c) =>
      [
        ...(c.networks.length > 0 ? [`nettverk: ${list(c.networks)}`] : []),
        ...(c.admin ? ['administrator'] : []),
      ].join(' · '),
    signOutTitle: 'samla — logg ut (lokalt)',
    signOutHeading: 'Logger ut …',
    signOutButton: 'Logg ut',
    signedOutTitle: 'samla — logget ut (lokalt)',
    signedOut: 'Du er logget ut.',
    problemTitle: 'samla — innloggingen gikk ikke (lokalt)',
    problemHeading: 'Innloggingen gikk ikke',
    expired:
      'Innloggingen har utløpt eller ble startet i en annen nettleser. Gå tilbake til konsollen og logg inn på nytt.',
  },
  en: {
    title: 'samla — sign in (local)',
    badge: 'samla · local',
    heading: 'Sign in to samla',
    intro:
      'This sign-in exists only on this machine. It stands in for the coordinators’ sign-in (Cognito in AWS), without a password: whoever reaches this machine can sign in as a coordinator known here.',
    emailLabel: 'Email address',
    signIn: 'Sign in',
    knownHeading: 'Coordinators on this machine',
    knownHint: 'Pick one to sign in as them.',
    noneKnown: 'There are no coordinators here yet. Add one with',
    notKnown: (email) => `${email} is not a coordinator on this machine. Add them with`,
    notAnAddress: 'Enter an email address, for example you@example.org.',
    groups: (c) =>
      [
        ...(c.networks.length > 0 ? [`networks: ${list(c.networks)}`] : []),
        ...(c.admin ? ['admin'] : []),
      ].join(' · '),
    signOutTitle: 'samla — sign out (local)',
    signOutHeading: 'Signing out …',
    signOutButton: 'Sign out',
    signedOutTitle: 'samla — signed out (local)',
    signedOut: 'You are signed out.',
    problemTitle: 'samla — sign-in failed (local)',
    problemHeading: 'Sign-in failed',
    expired:
      'This sign-in has expired or was started in another browser. Go back to the console and sign in again.',
  },
};

/** The command that makes `email` a local coordinator (of the demo network, as an example). */
export const addCommand = (email: string) =>
  `npm run coordinator -- add --local --email ${email} --network demo`;

function shell(language: Language, title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${trustedHtml(css)}</style>
</head>
<body>
<main>
<div class="card">
<p class="badge">${copy[language].badge}</p>
${body}
</div>
</main>
</body>
</html>
`.toString();
}

export type SignInProblem =
  | { readonly kind: 'not-an-address' }
  | { readonly kind: 'not-known'; readonly email: string };

export interface SignInPage {
  readonly language: Language;
  /** Where both forms post (the interaction's login path). */
  readonly action: string;
  readonly coordinators: readonly KnownCoordinator[];
  /** What was typed, shown again with the problem. */
  readonly email?: string;
  readonly problem?: SignInProblem;
}

export function renderSignIn(page: SignInPage): string {
  const t = copy[page.language];
  const { problem } = page;
  const described = problem === undefined ? null : 'email-error';
  const message =
    problem === undefined
      ? null
      : problem.kind === 'not-an-address'
        ? html`<p class="error" id="email-error">${t.notAnAddress}</p>`
        : html`<div class="error" id="email-error"><p>${t.notKnown(problem.email)}:</p><pre><code>${addCommand(problem.email)}</code></pre></div>`;
  const known =
    page.coordinators.length === 0
      ? html`<p>${t.noneKnown}:</p><pre><code>${addCommand('you@example.org')}</code></pre>`
      : html`<p class="note">${t.knownHint}</p>
<form method="post" action="${page.action}">
<ul class="people">
${page.coordinators.map(
  (c) =>
    html`<li><button type="submit" name="email" value="${c.email}">${c.email}<span class="groups">${t.groups(c)}</span></button></li>
`,
)}</ul>
</form>`;
  return shell(
    page.language,
    t.title,
    html`<h1>${t.heading}</h1>
<p class="note">${t.intro}</p>
<form method="post" action="${page.action}" novalidate>
<label for="email">${t.emailLabel}</label>
${message}
<input type="email" id="email" name="email" autocomplete="email" spellcheck="false" value="${page.email ?? ''}"${trustedHtml(
      described === null ? '' : ` aria-invalid="true" aria-describedby="${described}" autofocus`,
    )}>
<button type="submit">${t.signIn}</button>
</form>
<h2>${t.knownHeading}</h2>
${known}`,
  );
}

/**
 * The sign-out page: a form that confirms the provider's logout (its action and one-time `xsrf` value),
 * submitted at once by the script, so signing out asks nothing; without JavaScript it is one button.
 */
export function renderSignOut(
  language: Language,
  form: { readonly action: string; readonly xsrf: string },
  scriptSrc: string,
): string {
  const t = copy[language];
  return shell(
    language,
    t.signOutTitle,
    html`<h1>${t.signOutHeading}</h1>
<form id="sign-out" method="post" action="${form.action}">
<input type="hidden" name="xsrf" value="${form.xsrf}">
<input type="hidden" name="logout" value="yes">
<button type="submit">${t.signOutButton}</button>
</form>
<script src="${scriptSrc}" defer></script>`,
  );
}

export function renderSignedOut(language: Language): string {
  const t = copy[language];
  return shell(language, t.signedOutTitle, html`<h1>${t.signedOut}</h1>`);
}

/** What went wrong: the OAuth error code and its description, or that the sign-in expired. */
export function renderProblem(
  language: Language,
  problem: { readonly error: string; readonly description?: string | undefined } | 'expired',
): string {
  const t = copy[language];
  return shell(
    language,
    t.problemTitle,
    html`<h1>${t.problemHeading}</h1>
${
  problem === 'expired'
    ? html`<p>${t.expired}</p>`
    : html`<p><code>${problem.error}</code></p>${problem.description ? html`<p>${problem.description}</p>` : null}`
}`,
  );
}
