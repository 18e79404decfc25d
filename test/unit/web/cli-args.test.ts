import { describe, expect, it } from 'vitest';
import { parseWebArgs } from '../../../main/web/cli-args';

describe('browser host arguments', () => {
  it('defaults to port 0 (a free port)', () => {
    expect(parseWebArgs([])).toEqual({ port: 0, help: false });
  });

  it('reads --port <n> and --port=<n>, skipping --data-dir and its value', () => {
    expect(parseWebArgs(['--port', '4173', '--data-dir', '/tmp/x'])).toEqual({ port: 4173, help: false });
    expect(parseWebArgs(['--data-dir=/tmp/x', '--port=0'])).toEqual({ port: 0, help: false });
  });

  it.each([['--port'], ['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--port=1.5']])('refuses %j with a plain message', (...argv) => {
    expect(() => parseWebArgs(argv)).toThrow(/--port needs a number from 0 to 65535/);
  });

  it('refuses unknown options and shows the usage', () => {
    expect(() => parseWebArgs(['--host', '0.0.0.0'])).toThrow(/Unknown option "--host"\. Usage: npm run web/);
  });

  it('recognises --help', () => {
    expect(parseWebArgs(['--help']).help).toBe(true);
  });
});
