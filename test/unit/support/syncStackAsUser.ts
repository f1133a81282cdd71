/**
 * One host sync call in a child process, so syncStack.ts can run the real transport as an
 * unprivileged user when the tests run as root. Reads `{call, args}` as JSON on stdin and prints
 * the Outcome as JSON.
 */
import { text } from 'node:stream/consumers';
import { exchange, listTarget } from '../../../electron/host/transports/index.ts';

const { call, args } = JSON.parse(await text(process.stdin)) as { call: 'listTarget' | 'exchange'; args: unknown[] };
const outcome = call === 'exchange' ? await exchange(...(args as Parameters<typeof exchange>)) : await listTarget(...(args as Parameters<typeof listTarget>));
process.stdout.write(JSON.stringify(outcome));
