import type { z } from 'zod';
import {
  bridgeContract,
  isBridgeMethod,
  type BridgeError,
  type BridgeMethod,
  type BridgeReply,
  type BridgeResult,
} from '../../shared/bridge/contract.ts';
import { describeZodError } from '../../shared/util/zodError.ts';

/** What a handler receives: the arguments after the contract's schema has parsed them. */
export type HandlerArgs<M extends BridgeMethod> = z.output<(typeof bridgeContract)[M]['args']>;

/**
 * One function per bridge method. `Ctx` carries what only the caller knows (main passes the
 * sender's window so dialogs can be modal to it); tests and the e2e bridge pass nothing.
 */
export type BridgeHandlers<Ctx = void> = {
  [M in BridgeMethod]: (args: HandlerArgs<M>, ctx: Ctx) => BridgeResult<M> | Promise<BridgeResult<M>>;
};

export interface Dispatcher<Ctx = void> {
  dispatch(method: unknown, args: unknown, ctx: Ctx): Promise<BridgeReply<unknown>>;
}

export function createDispatcher<Ctx = void>(handlers: BridgeHandlers<Ctx>): Dispatcher<Ctx> {
  async function run(method: unknown, args: unknown, ctx: Ctx): Promise<BridgeReply<unknown>> {
    if (!isBridgeMethod(method)) {
      return fail('bad-method', `unknown bridge method ${describe(method)}`);
    }
    const contract = bridgeContract[method];
    const parsedArgs = contract.args.safeParse(args);
    if (!parsedArgs.success) {
      return fail('bad-args', `${method}: ${describeZodError(parsedArgs.error)}`);
    }
    let value: unknown;
    try {
      // The casts only widen the per-method pairing TypeScript cannot follow through an index.
      const handler = handlers[method] as (a: unknown, c: Ctx) => unknown;
      value = await handler(parsedArgs.data, ctx);
    } catch (error) {
      return fail('failed', `${method}: ${errorMessage(error)}`);
    }
    const parsedResult = contract.result.safeParse(value);
    if (!parsedResult.success) {
      return fail('bad-result', `${method}: ${describeZodError(parsedResult.error)}`);
    }
    return { ok: true, value: parsedResult.data };
  }

  return {
    async dispatch(method, args, ctx) {
      try {
        return await run(method, args, ctx);
      } catch (error) {
        // A reply must always come back: a rejected IPC invoke loses the error's shape.
        return fail('failed', errorMessage(error));
      }
    },
  };
}

function fail(code: BridgeError['code'], message: string): BridgeReply<never> {
  return { ok: false, error: { code, message } };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 100));
  return `of type ${value === null ? 'null' : typeof value}`;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}
