import { verify } from './verify.ts';

const USAGE = `usage: warroom <command> [options]

commands:
  verify <target>   check every op line and every device's hash chain in a sync folder
                    (the folder that holds warroom/), and print a report
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
    case undefined:
      break;
    default:
      process.stderr.write(`warroom: unknown command "${command}"\n\n`);
  }
  process.stderr.write(USAGE);
  return 2;
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
