import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly rule: string;
  /** axe's impact: minor, moderate, serious or critical. */
  readonly impact: string;
  readonly targets: string[];
}

/**
 * axe-core's violations on the page as it is now: each rule with its impact and the elements it found.
 * Evaluated rather than added as a <script>, which a page without JavaScript (or with a strict CSP the
 * browser context does not bypass) would not run.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(): Promise<AxeResults> } };
    const { violations } = await axe.run();
    return violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}
