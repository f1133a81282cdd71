import type { BridgeReply } from '../../shared/bridge/contract.ts';
import type { Dispatcher } from '../host/dispatch.ts';
import { isTrustedSender, type TrustedOrigins } from './securityPolicy.ts';

/**
 * The body of the single IPC handler: refuse callers that are not the app's own page,
 * then let the dispatcher validate and run the call. Free of Electron so it is unit-tested.
 */
export function createBridgeHandler<Ctx>(dispatcher: Dispatcher<Ctx>, trusted: TrustedOrigins) {
  return async (
    senderFrameUrl: string | undefined,
    method: unknown,
    args: unknown,
    ctx: Ctx,
  ): Promise<BridgeReply<unknown>> => {
    if (!isTrustedSender(senderFrameUrl, trusted)) {
      const from = senderFrameUrl?.slice(0, 200) ?? 'a detached frame';
      return { ok: false, error: { code: 'bad-sender', message: `bridge call refused from ${from}` } };
    }
    return dispatcher.dispatch(method, args, ctx);
  };
}
