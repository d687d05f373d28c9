/** `npm run new-issue` on an imported archive: the next number and week, a file that checks, and no overwriting. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScript, sharedDir } from '../helpers/commands.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('npm run new-issue', () => {
  const dir = tempDir('new');
  const env = { DIGEST_CONTENT_DIR: dir };
  beforeAll(() => {
    expect(runScript('scripts/import.ts', [path.join(sharedDir, 'corpus'), '--out', dir]).status).toBe(0);
  });

  it('writes the next issue, starting the day after the latest period ends', () => {
    const result = runScript('scripts/new-issue.ts', [], env);
    expect(result.status).toBe(0);
    const written = readFileSync(path.join(dir, 'zh-CN', '0019.md'), 'utf8');
    expect(written).toMatch(/^number: 19$/m);
    expect(written).toMatch(/^title: OpenStack社区动态第十九期$/m);
    expect(written).toMatch(/period:\n {2}start: 2014-08-26\n {2}end: 2014-09-01/);
    expect(runScript('scripts/check.ts', [], env).status).toBe(0);
  });

  it('refuses to write while a file sits under another number, where the next issue could land', () => {
    // An otherwise valid issue whose file name is not its number.
    const squatter = readFileSync(path.join(dir, 'zh-CN', '0019.md'), 'utf8')
      .replace('number: 19', 'number: 5')
      .replace('第十九期', '第五期')
      .replace('start: 2014-08-26', 'start: 2013-12-17')
      .replace('end: 2014-09-01', 'end: 2013-12-24')
      .replace(/published: .*/, 'published: 2013-12-24');
    writeFileSync(path.join(dir, 'zh-CN', '0020.md'), squatter);
    const result = runScript('scripts/new-issue.ts', [], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('0020.md:2  file name: the file holds issue 5 but is named 0020.md');
    expect(readFileSync(path.join(dir, 'zh-CN', '0020.md'), 'utf8')).toBe(squatter);
  });
});
