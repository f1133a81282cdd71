import { ArchiveError } from './readArchive.ts';
import { exportIncident } from './exportIncident.ts';
import { relay } from './relay.ts';
import { verify } from './verify.ts';

const USAGE = `usage: warroom <command> [options]

commands:
  verify <target>   check every op line, every file's name against its content and every
                    device's hash chain in a sync folder (the folder that holds warroom/);
                    print each problem as file:line: reason, then a summary
  export <target> [--incident <id>] [--format postmortem|timeline|csv]
                    print an incident's post-mortem (default) or its timeline exactly as
                    the app exports it; without --incident, list the incidents
  sync <from> <to>  copy every whole, valid segment of folder target <from> that <to>
                    lacks (a headless relay); never overwrites or deletes
  help              this text

Every command takes --passphrase-env <NAME> for an encrypted target: the team passphrase is
read from the environment variable NAME (never from the command line, which others can see).

exit status:
  0   done; verify: the archive is valid
  1   verify: problems found (each printed as file:line: reason); export: no such incident;
      sync: a segment was refused
  2   not a readable War Room archive: warroom/format.json missing, damaged or of a newer
      format, passphrase missing or wrong, or the folder vanished while it was read
  64  usage error (this text is printed)
  70  internal error: a bug in warroom, please report it
`;

/** Exit statuses (documented in USAGE and the README); 64 and 70 as in sysexits.h. */
const NOT_AN_ARCHIVE = 2;
const USAGE_ERROR = 64;
const INTERNAL_ERROR = 70;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const print = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    case 'verify': {
      const [target, ...flags] = rest;
      const options = parseFlags(flags, ['--passphrase-env']);
      if (!target || !options) break;
      return withPassphrase(options, (passphrase) => verify(target, print, passphrase));
    }
    case 'export': {
      const [target, ...flags] = rest;
      const options = parseFlags(flags, ['--incident', '--format', '--passphrase-env']);
      if (!target || !options) break;
      const format = options['--format'] ?? 'postmortem';
      if (format !== 'postmortem' && format !== 'timeline' && format !== 'csv') break;
      const err = (line: string) => process.stderr.write(`${line}\n`);
      return withPassphrase(options, (passphrase) => exportIncident(target, options['--incident'] ?? null, format, (text) => process.stdout.write(text), err, passphrase));
    }
    case 'sync': {
      const [from, to, ...flags] = rest;
      const options = parseFlags(flags, ['--passphrase-env']);
      if (!from || !to || !options) break;
      return withPassphrase(options, (passphrase) => relay(from, to, passphrase, print));
    }
    case undefined:
      break;
    default:
      process.stderr.write(`warroom: unknown command "${command}"\n\n`);
  }
  process.stderr.write(USAGE);
  return USAGE_ERROR;
}

/** The passphrase named by --passphrase-env; an archive that cannot be opened is exit 2, not a crash. */
async function withPassphrase(options: Record<string, string>, run: (passphrase: string | undefined) => Promise<number>): Promise<number> {
  const variable = options['--passphrase-env'];
  if (variable !== undefined && !process.env[variable]) {
    process.stderr.write(`warroom: the environment variable ${variable} is not set\n`);
    return USAGE_ERROR;
  }
  try {
    return await run(variable === undefined ? undefined : process.env[variable]);
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    process.stderr.write(`warroom: ${error.message}\n`);
    return NOT_AN_ARCHIVE;
  }
}

/** `--name value` pairs from a fixed set; null on anything else (then the usage is printed). */
function parseFlags(args: readonly string[], allowed: readonly string[]): Record<string, string> | null {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const [name, value] = [args[i]!, args[i + 1]];
    if (!allowed.includes(name) || value === undefined || name in flags) return null;
    flags[name] = value;
  }
  return flags;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`warroom: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = INTERNAL_ERROR;
  },
);
