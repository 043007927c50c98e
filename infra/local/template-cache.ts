/**
 * Synth takes ~5 s; the template only changes when the CDK app, the code it reads, cdk.json or the
 * installed CDK change. So npm start and the test setup reuse the last template while none of those
 * did, keyed by a hash of them. SAMLA_NO_TEMPLATE_CACHE=1 always synthesizes.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './lambda.ts';
import type { CfnTemplate } from './template.ts';

/** What synth reads. infra/local is the runtime itself, not part of the app. */
const INPUTS = ['infra', 'shared', 'functions', 'cdk.json', 'package-lock.json', 'package.json'];
const IGNORED = new Set(['node_modules', 'local', 'cdk.out', '.local']);

function collect(path: string, files: string[]): void {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    files.push(path);
    return;
  }
  for (const name of readdirSync(path).sort()) {
    if (!IGNORED.has(name)) collect(join(path, name), files);
  }
}

export function templateInputsHash(root = repoRoot): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const input of INPUTS) collect(join(root, input), files);
  for (const file of files) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  // synth reads these to decide the stack's environment.
  hash.update(`${process.env.CDK_DEFAULT_ACCOUNT ?? ''}|${process.env.CDK_DEFAULT_REGION ?? ''}`);
  return hash.digest('hex').slice(0, 16);
}

/** `synth` may import the CDK app lazily: loading aws-cdk-lib alone takes a second or two. */
export async function cachedTemplate(
  synth: () => CfnTemplate | Promise<CfnTemplate>,
  root = repoRoot,
): Promise<{ template: CfnTemplate; fromCache: boolean }> {
  if (process.env.SAMLA_NO_TEMPLATE_CACHE === '1') return { template: await synth(), fromCache: false };
  const folder = join(root, '.local', 'cache');
  const file = join(folder, `template-${templateInputsHash(root)}.json`);
  if (existsSync(file)) {
    try {
      return { template: JSON.parse(readFileSync(file, 'utf8')) as CfnTemplate, fromCache: true };
    } catch {
      // A half-written file from an interrupted run: synthesize again.
    }
  }
  const template = await synth();
  mkdirSync(folder, { recursive: true });
  for (const old of readdirSync(folder)) {
    if (old.startsWith('template-')) rmSync(join(folder, old), { force: true });
  }
  // Written under a temporary name and renamed, so parallel runs never read a partial file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(template));
  renameSync(temporary, file);
  return { template, fromCache: false };
}
