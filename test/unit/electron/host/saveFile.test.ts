import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/host/dispatch.ts';
import { saveFile, writeFileAtomic, type SaveDialogRequest } from '../../../../electron/host/saveFile.ts';
import { unusedHandlers } from '../../support/handlers.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-save-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function chooser(answer: string | undefined) {
  const requests: SaveDialogRequest[] = [];
  return {
    requests,
    chooseSavePath: async (request: SaveDialogRequest) => {
      requests.push(request);
      return answer;
    },
  };
}

describe('saveFile', () => {
  it('writes the content to the chosen path and leaves no temporary file', async () => {
    const target = join(dir, 'incident-42.md');
    const deps = chooser(target);
    const content = '# Incident 42\n\nDatabase failover — résumé ✓\n';
    const result = await saveFile({ suggestedName: 'incident-42.md', content, format: 'markdown' }, deps);
    expect(result).toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe(content);
    expect(await readdir(dir)).toEqual(['incident-42.md']);
  });

  it('offers the suggested name and a filter for the format', async () => {
    const deps = chooser(undefined);
    await saveFile({ suggestedName: 'actions.csv', content: 'a,b\n', format: 'csv' }, deps);
    expect(deps.requests).toEqual([
      { suggestedName: 'actions.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] },
    ]);
  });

  it('saves a web page (the status page export) with an HTML filter, through the bridge contract', async () => {
    const target = join(dir, 'status.html');
    const deps = chooser(target);
    const { dispatch } = createDispatcher({ ...unusedHandlers(), 'file.save': (args) => saveFile(args, deps) });
    const reply = await dispatch('file.save', { suggestedName: 'status.html', content: '<!DOCTYPE html>\n', format: 'html' });
    expect(reply).toEqual({ ok: true, value: { saved: true, path: target } });
    expect(deps.requests[0]?.filters).toEqual([{ name: 'Web page', extensions: ['html'] }]);
    expect(await readFile(target, 'utf8')).toBe('<!DOCTYPE html>\n');
  });

  it('replaces an existing file whole', async () => {
    const target = join(dir, 'timeline.json');
    await writeFile(target, 'x'.repeat(10_000));
    await saveFile({ suggestedName: 'timeline.json', content: '{"entries":[]}', format: 'json' }, chooser(target));
    expect(await readFile(target, 'utf8')).toBe('{"entries":[]}');
    expect(await readdir(dir)).toEqual(['timeline.json']);
  });

  it('returns saved:false and writes nothing when the dialog is cancelled', async () => {
    const result = await saveFile({ suggestedName: 'a.md', content: 'x', format: 'markdown' }, chooser(undefined));
    expect(result).toEqual({ saved: false });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a relative path from the chooser', async () => {
    await expect(
      saveFile({ suggestedName: 'a.md', content: 'x', format: 'markdown' }, chooser('a.md')),
    ).rejects.toThrow(/relative/);
  });

  it('fails without leaving a temporary file when the folder is missing', async () => {
    const target = join(dir, 'missing', 'a.md');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('cleans up its temporary file when the rename fails', async () => {
    const target = join(dir, 'occupied');
    await writeFile(join(dir, 'keep.txt'), 'keep');
    // A non-empty directory at the target makes rename fail after the temp file is written.
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['keep.txt', 'occupied']);
  });
});

describe('file.save through the dispatcher', () => {
  it.each(['../escape.md', 'sub/dir.md', 'C:\\Users\\x.md', 'nul\0.md'])(
    'rejects the name %j before any dialog opens',
    async (suggestedName) => {
      const deps = chooser(join(dir, 'never.md'));
      const { dispatch } = createDispatcher({
        ...unusedHandlers(),
        'app.info': () => {
          throw new Error('unused');
        },
        'file.save': (args) => saveFile(args, deps),
        'app.notify': () => ({ shown: false }),
      });
      const reply = await dispatch('file.save', { suggestedName, content: 'x', format: 'markdown' });
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'bad-args', message: expect.stringContaining('suggestedName') },
      });
      expect(deps.requests).toEqual([]);
      expect(await readdir(dir)).toEqual([]);
    },
  );

  it('saves a valid request end to end', async () => {
    const target = join(dir, 'postmortem.md');
    const { dispatch } = createDispatcher({
      ...unusedHandlers(),
      'app.info': () => {
        throw new Error('unused');
      },
      'file.save': (args) => saveFile(args, chooser(target)),
      'app.notify': () => ({ shown: false }),
    });
    const reply = await dispatch('file.save', { suggestedName: 'postmortem.md', content: '# PM', format: 'markdown' });
    expect(reply).toEqual({ ok: true, value: { saved: true, path: target } });
    expect(await readFile(target, 'utf8')).toBe('# PM');
  });
});
