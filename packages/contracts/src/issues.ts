import type { z } from 'zod';

/** Turns zod issues into one readable line: `user_id: Invalid UUID; schema_version: …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(message)'}: ${issue.message}`)
    .join('; ');
}
