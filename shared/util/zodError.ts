import type { z } from 'zod';

/** Where an issue is, as `injects[2].at`; `root` when it is the value itself. */
export function issuePath(path: readonly PropertyKey[], root = '(root)'): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? root : out;
}

/** Every issue on one line, each prefixed by where it is: "fields.title: a title is required; severity: …". */
export function describeZodError(error: { issues: readonly z.core.$ZodIssue[] }): string {
  return error.issues.map((issue) => `${issuePath(issue.path)}: ${issue.message}`).join('; ');
}
