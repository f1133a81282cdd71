import type { BridgeResult } from '../../shared/bridge/contract.ts';

export interface AppInfoSource {
  name: string;
  version: string;
  platform: string;
  /** `process.versions`: some entries may be absent depending on the runtime. */
  versions: Readonly<Record<string, string | undefined>>;
  userDataDir: string;
}

/** The `app.info` result; main injects Electron's values, tests and the CLI their own. */
export function appInfo(source: AppInfoSource): BridgeResult<'app.info'> {
  const versions: Record<string, string> = {};
  for (const [key, value] of Object.entries(source.versions)) {
    if (typeof value === 'string') versions[key] = value;
  }
  return {
    name: source.name,
    version: source.version,
    platform: source.platform,
    versions,
    userDataDir: source.userDataDir,
  };
}
