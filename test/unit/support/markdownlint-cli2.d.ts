/**
 * markdownlint-cli2 ships no types for its programmatic entry point; this is the part the
 * post-mortem tests use (see its README, "Use" → "API").
 */
declare module 'markdownlint-cli2' {
  export interface MainParameters {
    /** Where configuration is looked up from, as a working directory would be. */
    directory?: string;
    argv?: string[];
    /** Documents not on disk, by absolute path: linted as if they were there. */
    nonFileContents?: Record<string, string>;
    logMessage?: (message: string) => void;
    logError?: (message: string) => void;
  }
  /** 0 when nothing was found; 1 with findings (reported through logError), 2 on failure. */
  export function main(params: MainParameters): Promise<number>;
}
