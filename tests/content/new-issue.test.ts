/** `npm run new-issue` on a copy of the committed issues: the next number and week, a file that checks, and no overwriting. */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { editorEnv, projectRoot, runScript } from '../helpers/commands.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('npm run new-issue', () => {
  const dir = tempDir('new');
  const env = { DIGEST_CONTENT_DIR: dir };
  beforeAll(() => {
    cpSync(path.join(projectRoot, 'src/content/issues'), dir, { recursive: true });
  });

  // Both spellings an editor types: npm passes `-- --dry-run` on and keeps `--dry-run` itself.
  it.each(['-- --dry-run', '--dry-run'])('prints the next issue and writes nothing with npm run new-issue %s', (flags) => {
    const result = spawnSync('npm', ['run', '--silent', 'new-issue', ...flags.split(' ')], {
      cwd: projectRoot,
      env: editorEnv(env),
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^number: 9$/m);
    expect(existsSync(path.join(dir, 'zh-CN', '0009.md'))).toBe(false);
  });

  it('writes the next issue, starting the day after the latest period ends, as --dry-run printed it', () => {
    const printed = runScript('scripts/new-issue.ts', ['--dry-run'], env).stdout;
    const result = runScript('scripts/new-issue.ts', [], env);
    expect(result.status).toBe(0);
    const written = readFileSync(path.join(dir, 'zh-CN', '0009.md'), 'utf8');
    expect(printed).toBe(written);
    expect(written).toMatch(/^number: 9$/m);
    expect(written).toMatch(/^title: OpenStack社区动态第九期$/m);
    expect(written).toMatch(/period:\n {2}start: 2014-02-16\n {2}end: 2014-02-22/);
    expect(runScript('scripts/check.ts', [], env).status).toBe(0);
  });

  it('refuses to write while a file sits under another number, where the next issue could land', () => {
    // An otherwise valid issue whose file name is not its number.
    const squatter = readFileSync(path.join(dir, 'zh-CN', '0009.md'), 'utf8')
      .replace('number: 9', 'number: 5')
      .replace('第九期', '第五期')
      .replace('start: 2014-02-16', 'start: 2013-12-17')
      .replace('end: 2014-02-22', 'end: 2013-12-24')
      .replace(/published: .*/, 'published: 2013-12-24');
    writeFileSync(path.join(dir, 'zh-CN', '0010.md'), squatter);
    const result = runScript('scripts/new-issue.ts', [], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('0010.md:2  file name: the file holds issue 5 but is named 0010.md');
    expect(readFileSync(path.join(dir, 'zh-CN', '0010.md'), 'utf8')).toBe(squatter);
  });
});
