/**
 * Run one host sync call in a child process as an unprivileged user (uid/gid 65534, "nobody"),
 * so file permissions really apply when the tests run as root. Usage (see readOnly in
 * test/unit/electron/host/transports/faults.test.ts):
 *   node --import tsx transportAsUser.ts '<json: {call, args}>'   → prints the Outcome as JSON
 */
import { exchange, setUpTarget } from '../../../electron/host/transports/index.ts';

const { call, args } = JSON.parse(process.argv[2] ?? '{}') as { call: 'exchange' | 'setUpTarget'; args: unknown[] };
const outcome = call === 'exchange' ? await exchange(...(args as Parameters<typeof exchange>)) : await setUpTarget(...(args as Parameters<typeof setUpTarget>));
process.stdout.write(JSON.stringify(outcome));
