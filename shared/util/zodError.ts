import type { z } from 'zod';

/** Where an issue is, as `fields.title`; `root` when it is the value itself. */
export function issuePath(path: readonly PropertyKey[], root = '(root)'): string {
  return path.length > 0 ? path.map(String).join('.') : root;
}

/** Every issue on one line, each prefixed by where it is: "fields.title: a title is required; severity: …". */
export function describeZodError(error: { issues: readonly z.core.$ZodIssue[] }): string {
  return error.issues.map((issue) => `${issuePath(issue.path)}: ${issue.message}`).join('; ');
}
