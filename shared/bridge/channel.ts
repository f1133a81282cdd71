/** The one IPC channel of the bridge. Its own module so the preload bundles no zod. */
export const BRIDGE_CHANNEL = 'warroom:invoke';
