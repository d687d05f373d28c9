/**
 * The README's commands for publishing a built site under a path, run exactly as written, and run
 * again after the next build, as every deployment but the first does.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/commands.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');

/** Writes a built site's files (path → text) as `dist/` in `dir`, replacing the last build. */
function build(dir: string, files: Record<string, string>): void {
  rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'dist', file)), { recursive: true });
    writeFileSync(path.join(dir, 'dist', file), text);
  }
}

/** Every file under `dir` with its text, by path relative to it. */
function filesIn(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    entries.map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(dir, file), readFileSync(file, 'utf8')];
    }),
  );
}

describe("the README's deployment commands", () => {
  it('publish dist/ under /digest/ for Netlify and Cloudflare Pages, with _headers at the root, build after build', () => {
    const command = /`([^`]*cp -r dist out\/digest[^`]*)`/.exec(readme)?.[1];
    expect(command, 'the README gives the command that makes out/').toBeDefined();
    const dir = tempDir('publish');
    const publish = () => spawnSync('sh', ['-c', command ?? ''], { cwd: dir, encoding: 'utf8' });

    build(dir, { _headers: '/digest/*\n  X-Build: 1\n', 'index.html': 'first', 'issues/1/index.html': 'issue 1' });
    expect(publish().stderr).toBe('');
    build(dir, { _headers: '/digest/*\n  X-Build: 2\n', 'index.html': 'second', 'issues/2/index.html': 'issue 2' });
    const again = publish();
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    // The second build only: nothing of the first left beside it, nothing nested.
    expect(filesIn(path.join(dir, 'out'))).toEqual({
      _headers: '/digest/*\n  X-Build: 2\n',
      'digest/index.html': 'second',
      'digest/issues/2/index.html': 'issue 2',
    });
  });
});
