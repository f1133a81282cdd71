import { hostBridge } from '../bridge/hostBridge.ts';

/** Copies text: through the desktop host (the hardened window denies the page's clipboard), else the browser's API. */
export async function copyText(text: string): Promise<void> {
  const bridge = hostBridge();
  if (bridge) {
    const reply = await bridge.invoke('clipboard.writeText', { text });
    if (!reply.ok) throw new Error(reply.error.message);
    return;
  }
  await navigator.clipboard.writeText(text);
}
