import { expect } from 'vitest';
import { type CfnTemplate, functionEntries, type Json } from '../../infra/synth.ts';

/** Helpers for the infrastructure tests that read a synthesized template. */

export function isRecord(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ Ref: X }` or `{ Fn::GetAtt: [X, …] }` → X. */
export function referencedId(value: Json | undefined): string {
  if (isRecord(value)) {
    if (typeof value.Ref === 'string') return value.Ref;
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  }
  throw new Error(`Not a reference: ${JSON.stringify(value)}`);
}

/** The Lambda built from `functions/<fn>/handler.ts`, found by its `samla:entry` metadata. */
export function functionIdFor(template: CfnTemplate, fn: string): string {
  const entry = `functions/${fn}/handler.ts`;
  const ids = Object.entries(functionEntries(template))
    .filter(([, e]) => e === entry)
    .map(([id]) => id);
  expect(ids, `exactly one Lambda for ${entry}`).toHaveLength(1);
  return ids[0] as string;
}
