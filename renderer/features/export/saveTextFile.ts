import { hostBridge } from '../../bridge/hostBridge.ts';

const MIME = { markdown: 'text/markdown', csv: 'text/csv', json: 'application/json', warroom: 'application/x-warroom-archive', html: 'text/html' } as const;
export type TextFileFormat = keyof typeof MIME;

/**
 * Save text the user exported: the native save dialog in the desktop app, a download in the
 * web preview. Returns what happened in words for a status line.
 */
export async function saveTextFile(suggestedName: string, content: string, format: TextFileFormat): Promise<string> {
  const bridge = hostBridge();
  if (bridge) {
    const reply = await bridge.invoke('file.save', { suggestedName, content, format });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value.saved ? `Saved to ${reply.value.path}` : 'Not saved (cancelled)';
  }
  const url = URL.createObjectURL(new Blob([content], { type: `${MIME[format]};charset=utf-8` }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = suggestedName;
    link.click();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return `Downloaded ${suggestedName}`;
}

/** A file name from a title: safe on every platform, recognisable to a person. */
export function fileNameFor(title: string, suffix: string): string {
  const base = title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').slice(0, 60).toLowerCase();
  return `${base || 'incident'}-${suffix}`;
}

/** An incident's export name; an exercise's always starts with "exercise-", so the file says what it is. */
export function incidentFileName(incident: { title: string; exercise: boolean }, suffix: string): string {
  const title = incident.exercise && !/^exercise\b/i.test(incident.title.trim()) ? `Exercise ${incident.title}` : incident.title;
  return fileNameFor(title, suffix);
}
