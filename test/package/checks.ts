/**
 * The record of what test:package checked: each check is counted once, when it
 * ran, as passed or failed, and a failure keeps the reason to print.
 */
export interface CheckResult {
  section: string;
  name: string;
  ok: boolean;
  detail?: string;
}

export class Checks {
  readonly results: CheckResult[] = [];

  /** Records one check; returns `ok` so a caller can skip what depends on it. */
  check(section: string, name: string, ok: boolean, detail?: string): boolean {
    this.results.push({ section, name, ok, ...(detail === undefined ? {} : { detail }) });
    const mark = ok ? 'ok  ' : 'FAIL';
    process.stdout.write(`  ${mark} ${name}${detail && !ok ? `\n         ${detail.replace(/\n/g, '\n         ')}` : ''}\n`);
    return ok;
  }

  get failed(): CheckResult[] {
    return this.results.filter((r) => !r.ok);
  }

  get passed(): number {
    return this.results.length - this.failed.length;
  }
}
