import type { SyncFault } from '../../../../shared/sync/wire.ts';
import { FaultError, fault } from '../faults.ts';
import { GitError } from './run.ts';

/** What git prints (LC_ALL=C) when it could not sign in; checked before the network patterns. */
const AUTH = [
  /Authentication failed/i,
  /could not read (Username|Password)/i,
  /terminal prompts disabled/i,
  /Permission denied \(publickey/i,
  /Permission denied, please try again/i,
  /Host key verification failed/i,
  /HTTP (Basic: )?Access denied/i,
  /The requested URL returned error: 40[13]/i,
  /\b40[13] (Unauthorized|Forbidden)\b/i,
];

const NETWORK = [
  /Could not resolve host/i,
  /unable to access/i,
  /Connection refused/i,
  /Connection timed out/i,
  /Operation timed out/i,
  /Network is unreachable/i,
  /No route to host/i,
  /does not appear to be a git repository/i,
  /Could not read from remote repository/i,
  /repository '.*' not found/i,
];

/** A push the remote refused (someone pushed first, or a hook declined): retry after a rebase. */
export function isRejectedPush(error: unknown): boolean {
  return error instanceof GitError && /\[(remote )?rejected\]|non-fast-forward|fetch first|Updates were rejected/i.test(error.stderr);
}

/** https://user:token@host → https://user:***@host: a fault message must never show a secret. */
export function redact(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^/@\s:]*):[^/@\s]*@/gi, '$1:***@');
}

/** The first line that says something: no hints, no progress, no "warning: " noise. */
export function firstUsefulLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^(hint|warning):/i.test(line));
  const line = lines.find((l) => /^(fatal|error):/i.test(l)) ?? lines[0] ?? 'no message';
  return redact(line.replace(/^(fatal|error|remote):\s*/i, '')).slice(0, 500);
}

/** Why a push was refused: the ref's reason and what the remote's hook said, if anything. */
export function pushRefusal(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim());
  const reason = lines.map((line) => /\[(?:remote )?rejected\][^(]*\(([^)]+)\)/.exec(line)?.[1]).find(Boolean);
  const remote = lines.filter((line) => /^remote:\s*\S/.test(line)).map((line) => line.replace(/^remote:\s*/, '')).slice(0, 3).join(' ');
  return redact([reason, remote && `the remote said: ${remote}`].filter(Boolean).join('; ') || firstUsefulLine(stderr)).slice(0, 500);
}

/** A git failure → a fault in plain words; `what` says what was being done ("fetching from …"). */
export function gitFault(error: unknown, what: string, file?: string): SyncFault {
  if (error instanceof FaultError) return error.fault;
  if (!(error instanceof GitError)) {
    const message = error instanceof Error ? error.message : String(error);
    return fault('git', `git failed while ${redact(what)}: ${redact(message)}`, file);
  }
  if (error.missing) return fault('git', 'git is not installed or not on the PATH; install git to sync with a Git remote.', file);
  if (error.timedOut) return fault('unreachable', `git did not finish ${redact(what)} within 10 minutes — is the network down?`, file);
  const said = firstUsefulLine(error.stderr);
  if (AUTH.some((pattern) => pattern.test(error.stderr))) {
    return fault('auth', `git could not sign in while ${redact(what)}: check that your SSH key or saved credentials give this laptop access to the repository (git said: ${said}).`, file);
  }
  if (NETWORK.some((pattern) => pattern.test(error.stderr))) {
    return fault('unreachable', `The Git remote could not be reached while ${redact(what)} — are you offline? (git said: ${said})`, file);
  }
  return fault('git', `git failed while ${redact(what)}: ${said}`, file);
}

/** Run a git step; its failure becomes a fault (a FaultError passes through untouched). */
export async function step<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new FaultError(gitFault(error, what));
  }
}
