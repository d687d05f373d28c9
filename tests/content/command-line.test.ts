/**
 * Every editor script answers a mistyped option with its usage, and `--help` with the usage alone:
 * never with Node's stack trace.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runScript } from '../helpers/commands.ts';

const scripts = readdirSync(path.join(projectRoot, 'scripts'))
  .filter((name) => name.endsWith('.ts') && name !== 'check.ts')
  .map((name) => `scripts/${name}`);

describe('the scripts', () => {
  it('are all here', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(8);
  });

  it.each(scripts)('%s names a mistyped option and shows its usage', (script) => {
    const result = runScript(script, ['--bogus']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--bogus'");
    expect(result.stderr).toMatch(/^usage: npm run \S+/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it.each(['scripts/check.ts', 'scripts/nginx-config.ts', 'scripts/serve-nginx.ts', 'scripts/new-issue.ts'])(
    '%s names a SITE_URL the site cannot be published at, with the fix',
    (script) => {
      const result = runScript(script, [], { SITE_URL: 'https://x.example.org/a;b/' });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('SITE_URL "https://x.example.org/a;b/" has ";" in its path. Fix: publish the site under a path');
      expect(result.stderr).not.toMatch(/^\s+at /m);
    },
  );

  it.each(scripts)('%s prints its usage for --help', (script) => {
    const result = runScript(script, ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run \S+/);
  });
});
