import { createHash } from 'node:crypto';
import type { Language } from '../i18n.ts';
import { html, type SafeHtml, trustedHtml } from '../mail/html.ts';

/*
 * One stylesheet, in the page itself: no external assets, no JavaScript, and no style attributes, so
 * a strict Content-Security-Policy can allow exactly this block by its hash.
 */
const css = `*{box-sizing:border-box}
body{margin:0;background:#f4f1ec;color:#1f2933;font:17px/1.55 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;-webkit-text-size-adjust:100%}
main{max-width:34rem;margin:0 auto;padding:2.5rem 1rem}
.card{background:#fff;border-radius:10px;padding:2rem 1.5rem}
.network{margin:0 0 .75rem;font-size:.85rem;font-weight:700;letter-spacing:.04em;color:#1d5e4b}
h1{margin:0 0 1rem;font-size:1.6rem;line-height:1.25}
p{margin:0 0 1rem}
ul{margin:0 0 1rem;padding-left:1.25rem}
li{margin:0 0 .35rem}
form{margin:1.5rem 0}
label{display:block;margin:0 0 .25rem;font-weight:700}
textarea{display:block;width:100%;min-height:7rem;margin:0 0 1rem;padding:.6rem .75rem;font:inherit;color:inherit;background:#fff;border:1px solid #7b8794;border-radius:6px;resize:vertical}
textarea:focus-visible{outline:3px solid #b7791f;outline-offset:2px}
.hint{margin:0 0 .5rem;font-size:.95rem;color:#52606d}
button{font:inherit;font-weight:700;color:#fff;background:#1d5e4b;border:0;border-radius:6px;padding:.75rem 1.75rem;min-height:44px;cursor:pointer}
button:hover{background:#164a3b}
button:focus-visible{outline:3px solid #b7791f;outline-offset:3px}
.note{font-size:.95rem;color:#52606d}
.code{margin:1.5rem 0 0;font-size:.85rem;color:#52606d}
fieldset{margin:0 0 1.5rem;padding:0;border:0;min-width:0}
legend{margin:0 0 .25rem;padding:0;font-weight:700}
.field{margin:0 0 1.25rem}
.field textarea{margin:0}
.scale{display:flex;flex-wrap:wrap;gap:.4rem;margin:.5rem 0 0}
.scale label{display:flex;align-items:center;justify-content:center;gap:.35rem;min-width:3.25rem;min-height:44px;margin:0;padding:.35rem .6rem;font-size:1.1rem;background:#fff;border:1px solid #7b8794;border-radius:6px;cursor:pointer}
.scale label:has(input:checked){background:#e3efe9;border:2px solid #1d5e4b}
input[type=radio],input[type=checkbox]{width:1.2rem;height:1.2rem;margin:0;flex:none;accent-color:#1d5e4b}
input:focus-visible{outline:3px solid #b7791f;outline-offset:2px}
.check{display:flex;align-items:flex-start;gap:.6rem;margin:0 0 .25rem}
.check input{margin-top:.2rem}
.check label{margin:0}
.error{margin:0 0 .5rem;font-weight:700;color:#b42318}
textarea[aria-invalid=true]{border:2px solid #b42318}
.errors{margin:0 0 1.5rem;padding:1rem 1.25rem;border:2px solid #b42318;border-radius:6px}
.errors>:last-child{margin-bottom:0}
@media (min-width:40rem){main{padding-top:4rem}.card{padding:2.5rem 2.25rem}}`;

// Pure (computed on load, no side effect): a function that sends no page, such as the admin API's,
// drops the stylesheet, its hash and this policy from its bundle.
const styleHash = /* @__PURE__ */ (() => createHash('sha256').update(css).digest('base64'))();

/**
 * The Content-Security-Policy to send with every page from this module: nothing loads, nothing
 * runs, the form posts only back to the API, and no other site may frame the page (a framed confirm
 * button could be clickjacked).
 */
export const pageContentSecurityPolicy = /* @__PURE__ */ (() =>
  [
    "default-src 'none'",
    `style-src 'sha256-${styleHash}'`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; '))();

export interface PageShell {
  language: Language;
  title: string;
  networkName?: string | undefined;
  body: SafeHtml;
}

export function renderPage(page: PageShell): string {
  const fullTitle = page.networkName ? `${page.title} – ${page.networkName}` : page.title;
  return html`<!doctype html>
<html lang="${page.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${fullTitle}</title>
<style>${trustedHtml(css)}</style>
</head>
<body>
<main>
<div class="card">
${page.networkName ? html`<p class="network">${page.networkName}</p>` : null}
<h1>${page.title}</h1>
${page.body}
</div>
</main>
</body>
</html>
`.toString();
}
