import { protocol } from 'electron';
import { APP_SCHEME, loadCsp, serveAppRequest } from '../host/appProtocol.ts';

/**
 * `standard` gives the renderer a real origin (storage, relative URLs), `secure` a secure
 * context, `supportFetchAPI` lets it fetch its own files. `corsEnabled` stays off so no other
 * origin can read app:// content. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer (out/renderer) under app://warroom/. */
export async function serveAppScheme(rendererRoot: string): Promise<void> {
  const csp = await loadCsp(rendererRoot);
  protocol.handle(APP_SCHEME, async (request) => {
    const reply = await serveAppRequest(rendererRoot, request, csp);
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  });
}
