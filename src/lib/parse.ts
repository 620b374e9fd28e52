import type { z } from 'zod';
import { PayloadTooLargeError, ValidationError } from './errors';

function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : 'input';
  return `${field}: ${issue.message}`;
}

/**
 * Parses input against a schema: routes call it on requests, and services call it again on
 * whatever reaches them (a CLI, an import), so no path skips validation. A string over its maximum length is a 413 (too large);
 * anything else invalid is a 400 whose message names each field and what is wrong with it.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues;
  const tooLarge = issues.find((issue) => issue.code === 'too_big' && issue.origin === 'string');
  if (tooLarge) throw new PayloadTooLargeError(describe(tooLarge));
  throw new ValidationError(
    issues.map(describe).join('; '),
    issues.map((i) => ({ path: i.path, message: i.message })),
  );
}
