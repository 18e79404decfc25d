import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MenuEvent } from '../../../preload/bridge';
import type { Envelope } from '../../../preload/rpc';
import { createFileActions, type FileActionDeps } from '../../../main/electron/file-actions';

function harness(overrides: Partial<FileActionDeps> = {}) {
  const written = new Map<string, string>();
  const files = new Map<string, Uint8Array>([['/home/ana/Downloads/colleague.json', new TextEncoder().encode('{"annotations":[]}')]]);
  const sent: MenuEvent[] = [];
  const errors: string[] = [];
  const remembered: string[] = [];
  let last: string | null = null;
  const dispatch = vi.fn(async (method: string): Promise<Envelope> => ({ ok: true, value: { filename: `${method}.out`, content: `content of ${method}` } }));
  const deps: FileActionDeps = {
    dispatch,
    dialog: {
      showSaveDialog: vi.fn(async (opts: { defaultPath?: string }) => ({ canceled: false, filePath: `/home/ana/Briefings/${path.basename(opts.defaultPath!)}` })),
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/ana/Downloads/colleague.json'] })),
    } as unknown as FileActionDeps['dialog'],
    showError: async (opts) => errors.push(opts.message),
    send: (e) => sent.push(e),
    lastFolder: () => last,
    rememberFolder: async (folder) => {
      last = folder;
      remembered.push(folder);
    },
    defaultFolder: () => '/home/ana/Documents',
    fs: {
      writeFile: async (file, data) => void written.set(file, data),
      readFile: async (file) => files.get(file) ?? Promise.reject(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' })),
      stat: async (file) => ({ size: files.get(file)?.length ?? 0, isFile: () => files.has(file) }),
    },
    ...overrides,
  };
  return { deps, actions: createFileActions(deps), written, files, sent, errors, remembered, dispatch };
}

describe('File menu: exports and backups', () => {
  it.each([
    ['markdown', 'exportMarkdown'],
    ['annotations', 'exportAnnotations'],
    ['backup', 'exportBackup'],
  ] as const)('exports %s through the service and writes the file where the user chose', async (kind, method) => {
    const h = harness();
    await h.actions.exportFile(kind);
    expect(h.dispatch).toHaveBeenCalledWith(method, null);
    expect(h.deps.dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: `/home/ana/Documents/${method}.out` }));
    expect(h.written.get(`/home/ana/Briefings/${method}.out`)).toBe(`content of ${method}`);
    expect(h.sent).toEqual([{ action: 'exported', kind, fileName: `${method}.out`, path: `/home/ana/Briefings/${method}.out` }]);
  });

  it('opens the next dialog in the folder used last', async () => {
    const h = harness();
    await h.actions.exportFile('markdown');
    await h.actions.exportFile('backup');
    expect(h.remembered).toEqual(['/home/ana/Briefings', '/home/ana/Briefings']);
    expect(vi.mocked(h.deps.dialog.showSaveDialog).mock.calls[1]![0]).toMatchObject({ defaultPath: '/home/ana/Briefings/exportBackup.out' });
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const h = harness();
    vi.mocked(h.deps.dialog.showSaveDialog).mockResolvedValueOnce({ canceled: true, filePath: '' } as never);
    await h.actions.exportFile('markdown');
    expect(h.written.size).toBe(0);
    expect(h.sent).toEqual([]);
    expect(h.remembered).toEqual([]);
  });

  it("shows the service's message and opens no dialog when the export fails", async () => {
    const h = harness({ dispatch: async () => ({ ok: false, error: { code: 'READ_ONLY', message: 'The store is read-only.' } }) });
    await h.actions.exportFile('backup');
    expect(h.errors).toEqual(['The store is read-only.']);
    expect(h.deps.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('says plainly when the file cannot be written', async () => {
    const h = harness();
    h.deps.fs.writeFile = async () => {
      throw new Error('EACCES: permission denied');
    };
    await h.actions.exportFile('annotations');
    expect(h.errors).toEqual(['Fieldmark could not save exportAnnotations.out: EACCES: permission denied. Choose another folder and try again.']);
    expect(h.sent).toEqual([]);
  });
});

describe('File menu: import and restore', () => {
  it('reads the chosen file and hands it to the page for the import preview', async () => {
    const h = harness();
    await h.actions.openFile('import');
    expect(h.sent).toEqual([{ action: 'import-file', fileName: 'colleague.json', content: '{"annotations":[]}' }]);
    const offered = vi.mocked(h.deps.dialog.showOpenDialog).mock.calls[0]![0] as { filters: Array<{ extensions: string[] }> };
    expect(offered.filters.flatMap((f) => f.extensions)).toEqual(expect.arrayContaining(['json', 'jsonld', 'qdc', 'qdpx']));
  });

  it('hands a zip (a .qdpx project) to the page as base64 bytes, not as mangled text', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0xff, 0xfe, 0x80]);
    const h = harness();
    h.files.set('/home/ana/Downloads/project.qdpx', zip);
    h.deps.dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: ['/home/ana/Downloads/project.qdpx'] })) as never;
    await h.actions.openFile('import');
    expect(h.sent).toEqual([{ action: 'import-file', fileName: 'project.qdpx', contentBase64: Buffer.from(zip).toString('base64') }]);
    expect(h.errors).toEqual([]);
    expect(h.remembered).toEqual(['/home/ana/Downloads']);
  });

  it('hands a backup to the page for the restore confirmation', async () => {
    const h = harness();
    await h.actions.openFile('restore');
    expect(h.sent).toEqual([{ action: 'restore-file', fileName: 'colleague.json', content: '{"annotations":[]}' }]);
  });

  it('refuses a file over 50 MB without reading it', async () => {
    const h = harness();
    const readFile = vi.fn();
    h.deps.fs.stat = async () => ({ size: 50 * 1024 * 1024 + 1, isFile: () => true });
    h.deps.fs.readFile = readFile;
    await h.actions.openFile('import');
    expect(h.errors).toEqual(['colleague.json is larger than 50 MB, so Fieldmark did not open it. Nothing was changed.']);
    expect(readFile).not.toHaveBeenCalled();
    expect(h.sent).toEqual([]);
  });

  it('says plainly when the file cannot be read', async () => {
    const h = harness();
    h.deps.dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: ['/gone/missing.json'] })) as never;
    await h.actions.openFile('restore');
    expect(h.errors).toEqual(['missing.json is not a file. Choose a file to restore.']);
    h.deps.fs.stat = async () => ({ size: 1, isFile: () => true });
    await h.actions.openFile('restore');
    expect(h.errors[1]).toBe('Fieldmark could not read missing.json: ENOENT: no such file. Nothing was changed.');
    expect(h.sent).toEqual([]);
  });

  it('does nothing when the dialog is cancelled', async () => {
    const h = harness();
    h.deps.dialog.showOpenDialog = (async () => ({ canceled: true, filePaths: [] })) as never;
    await h.actions.openFile('import');
    expect(h.sent).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
