import * as z from 'zod/mini';
import { meta } from './zod-meta.ts';

/* What a privacy link (export, erasure) answers a program that asks for JSON (a browser gets a page). */

export const PrivacyLinkResult = meta(z.object({ result: z.enum(['export_sent', 'erased', 'staying']) }), {
  id: 'PrivacyLinkResult',
});
