import { createOp, type Op, type OpIntent } from '../../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../../shared/ops/createOp.ts';

/** A laptop making ops on one incident: its chain, its clock. */
export class Device {
  state: DeviceState;
  constructor(
    id: string,
    private readonly incident: string,
  ) {
    this.state = freshDeviceState(id);
  }

  make(intent: Omit<OpIntent, 'incident'> & { incident?: string }, at: number): Op {
    const made = createOp(this.state, { incident: this.incident, ...intent } as OpIntent, at);
    this.state = made.state;
    return made.op;
  }
}
