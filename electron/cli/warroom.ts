// Placeholder until the real `warroom` CLI lands (DESIGN.md §1): it has no commands yet.
const USAGE = `usage: warroom <command> [options]

No commands are available in this build yet.
`;

function main(argv: readonly string[]): number {
  const [command] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  process.stderr.write(`warroom: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
