/**
 * `npx tsx test/support/render-digest.ts` writes the sample coordinators' digest, rendered in Swedish, to
 * docs/digest.sv.txt (subject and text part) and docs/digest.sv.html (the HTML part), so the design note
 * can show the mail as coordinators get it. test/mail/digest.test.ts fails when the files are out of date.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sampleDigest } from '../mail/privacy-samples.ts';
import { renderMail } from './mail-templates.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Repository-relative path → content, as the files should be checked in. */
export function renderDigestDocs(): Record<string, string> {
  const mail = renderMail({ kind: 'coordinator-digest', digest: sampleDigest }, 'sv');
  return {
    'docs/digest.sv.txt': `Subject: ${mail.subject}\n\n${mail.text}`,
    'docs/digest.sv.html': mail.html,
  };
}

// Write only when run as a script, not when the test imports it.
const script = process.argv[1];
if (script !== undefined && import.meta.url === pathToFileURL(resolve(script)).href) {
  for (const [path, content] of Object.entries(renderDigestDocs())) {
    writeFileSync(join(root, path), content);
    console.log(`wrote ${path}`);
  }
}
