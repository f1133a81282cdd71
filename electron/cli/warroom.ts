import { exportIncident } from './exportIncident.ts';
import { relay } from './relay.ts';
import { verify } from './verify.ts';

const USAGE = `usage: warroom <command> [options]

commands:
  verify <target>   check every op line and every device's hash chain in a sync folder
                    (the folder that holds warroom/), and print a report
  export <target> [--incident <id>] [--format markdown|csv]
                    print an incident's timeline exactly as the app exports it;
                    without --incident, list the incidents in the archive
  sync <from> <to> [--passphrase-env <NAME>]
                    copy every whole, valid segment of folder target <from> that <to>
                    lacks (a headless relay); never overwrites or deletes. An encrypted
                    target's passphrase is read from the environment variable NAME
  help              this text
`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const print = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    case 'verify':
      if (rest.length !== 1) break;
      return verify(rest[0]!, print);
    case 'export': {
      const [target, ...flags] = rest;
      const options = parseFlags(flags, ['--incident', '--format']);
      if (!target || !options) break;
      const format = options['--format'] ?? 'markdown';
      if (format !== 'markdown' && format !== 'csv') break;
      return exportIncident(target, options['--incident'] ?? null, format, (text) => process.stdout.write(text), (line) => process.stderr.write(`${line}\n`));
    }
    case 'sync': {
      const [from, to, ...flags] = rest;
      const options = parseFlags(flags, ['--passphrase-env']);
      if (!from || !to || !options) break;
      const variable = options['--passphrase-env'];
      if (variable !== undefined && !process.env[variable]) {
        process.stderr.write(`warroom: the environment variable ${variable} is not set\n`);
        return 2;
      }
      return relay(from, to, variable ? process.env[variable] : undefined, print);
    }
    case undefined:
      break;
    default:
      process.stderr.write(`warroom: unknown command "${command}"\n\n`);
  }
  process.stderr.write(USAGE);
  return 2;
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
    process.stderr.write(`warroom: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
