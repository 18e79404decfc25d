/**
 * Reading an /api request's JSON body under a size cap. A body over the cap is
 * refused as soon as it passes the cap, so a huge upload is never buffered whole.
 */
import type { IncomingMessage } from 'node:http';
import { bodyTooLarge, type Refusal } from './request-guards';

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export type BodyRead = { ok: true; input: unknown } | { ok: false; refusal: Refusal; closeConnection: boolean };

/** The parsed JSON body (null for an empty body), or why it was refused. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  let raw: Buffer;
  try {
    raw = await readBody(req, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) return { ok: false, refusal: bodyTooLarge(maxBytes), closeConnection: true };
    return { ok: false, refusal: { status: 400, code: 'INVALID_INPUT', message: 'The request body could not be read.' }, closeConnection: false };
  }
  const text = raw.toString('utf8');
  if (text.trim() === '') return { ok: true, input: null };
  try {
    return { ok: true, input: JSON.parse(text) };
  } catch {
    return { ok: false, refusal: { status: 400, code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' }, closeConnection: false };
  }
}
