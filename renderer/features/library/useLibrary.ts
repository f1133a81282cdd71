import { useState } from 'react';
import type { z } from 'zod';
import { errorMessage } from '../../ui/errors.ts';
import type { Problem } from '../../ui/LineErrors.tsx';
import { useKeptEdit, type KeptEdit } from '../drafts/keptEdit.tsx';
import { saveTextFile, type TextFileFormat } from '../export/saveTextFile.ts';

/** Whether an imported file was saved: its title, or what is wrong with it. */
export type ImportResult = { ok: true; title: string } | { ok: false; errors: readonly Problem[] };

export interface Library<E> {
  /** The edit open in the editor; null while the library is shown. */
  editing: E | null;
  open(value: E): void;
  close(): void;
  /** The unsaved edit kept across a shut editor or a stopped app. */
  kept: KeptEdit<E>;
  status: string | null;
  setStatus(message: string | null): void;
  importErrors: readonly Problem[];
  /** Save an imported file's text, reporting the item it became or the problems that refused it. */
  importFile(file: { name: string; text: string }, save: (text: string) => Promise<ImportResult>, refused?: string): Promise<void>;
  exportFile(name: string, content: string, format: TextFileFormat): Promise<void>;
}

/** The state every library screen (runbooks, scenarios, templates) keeps: what is edited, what happened, what an import got wrong. */
export function useLibrary<E>(draftKey: string, schema: z.ZodType<E>): Library<E> {
  const [editing, setEditing] = useState<E | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [importErrors, setImportErrors] = useState<readonly Problem[]>([]);
  const kept = useKeptEdit(draftKey, schema);
  return {
    editing,
    open: setEditing,
    close: () => setEditing(null),
    kept,
    status,
    setStatus,
    importErrors,
    async importFile(file, save, refused = 'was not imported:') {
      const saved = await save(file.text);
      if (saved.ok) {
        setImportErrors([]);
        setStatus(`Imported ${saved.title}`);
      } else {
        setStatus(`${file.name} ${refused}`);
        setImportErrors(saved.errors);
      }
    },
    async exportFile(name, content, format) {
      try {
        setStatus(await saveTextFile(name, content, format));
      } catch (failure) {
        setStatus(`Export failed: ${errorMessage(failure)}`);
      }
    },
  };
}
