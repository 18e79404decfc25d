/**
 * The briefing through the browser host (issue 15): the real service behind
 * the real HTTP host, as `window.fieldmark.getBriefing/exportBriefing` reach
 * it in a browser (the desktop's IPC runs the same dispatcher).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../preload/contract';
import { createDispatcher } from '../../../preload/rpc';
import { buildReportModel } from '../../../main/core/report/report-model';
import { createServiceFromParts } from '../../../main/core/service/service';
import { startWebHost, type WebHost } from '../../../main/web/http-host';
import { createToken } from '../../../main/web/request-guards';
import { MemoryStore } from '../../support/memory-store';
import { callApi } from './support/http';

const TEXT = readFileSync(path.resolve(import.meta.dirname, '../../../assets/report/tip-2021-japan.txt'), 'utf8');
let dir: string;
let host: WebHost;
let token: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-briefing-web-'));
  await mkdir(path.join(dir, 'renderer'), { recursive: true });
  await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Fieldmark</title>');
  const service = createServiceFromParts(buildReportModel(TEXT), new MemoryStore());
  const start = TEXT.indexOf('TITP');
  await service.impl.createAnnotation({ start, end: start + 4, color: 'gap', note: 'Noted “here”' });
  token = createToken();
  host = await startWebHost({ dispatcher: createDispatcher(contract, service.impl), rendererDir: path.join(dir, 'renderer'), port: 0, token, maxBodyBytes: 8 * 1024 * 1024 });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe('briefing over the browser host', () => {
  it('answers getBriefing with the model and exportBriefing with each format', async () => {
    const options = { title: 'Over HTTP', groupBy: 'section' };
    const model = JSON.parse((await callApi(host.port, token, 'getBriefing', options)).body);
    expect(model).toMatchObject({ ok: true, value: { meta: { title: 'Over HTTP' }, counts: { annotations: 1, orphansExcluded: 0 } } });
    const docx = JSON.parse((await callApi(host.port, token, 'exportBriefing', { ...options, format: 'docx' })).body);
    expect(docx.value.filename).toBe('fieldmark-briefing-over-http.docx');
    expect(new TextDecoder().decode(unzipSync(Buffer.from(docx.value.contentBase64, 'base64'))['word/document.xml'])).toContain('Noted “here”');
    for (const format of ['html', 'markdown']) {
      const file = JSON.parse((await callApi(host.port, token, 'exportBriefing', { ...options, format })).body);
      expect(file.value.content).toContain('Noted “here”');
    }
  });

  it('refuses bad options with INVALID_INPUT', async () => {
    const reply = JSON.parse((await callApi(host.port, token, 'exportBriefing', { title: '', groupBy: 'section', format: 'docx' })).body);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
