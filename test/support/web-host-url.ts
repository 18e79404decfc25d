/**
 * Waits for a browser host child process (`node out/main/web.js`) to print the
 * line `Fieldmark is running at <url>` and resolves with that URL; rejects if the
 * host exits first or says nothing in time. Used by the end-to-end fixtures and
 * the B12 benchmark, which both start real hosts.
 */
import type { ChildProcess } from 'node:child_process';

const READY = /Fieldmark is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/;

export function waitForHostUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited with ${code} before it was ready:\n${output}`));
    });
  });
}
