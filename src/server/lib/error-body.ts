import { z } from 'zod';

/**
 * The body of every refusal (plugins/errors.ts): a code, an English message, the field at
 * fault, details, and a Chinese reason whenever one is known. One schema for every domain.
 */
export const ErrorBody = z
  .object({ error: z.string(), message: z.string(), field: z.string().optional(), details: z.unknown().optional(), reasonZh: z.string().optional() })
  .passthrough();
