/**
 * `npm run check` reads both registries as the build does: what stops the build in
 * src/content/projects.yaml or src/content/releases.yaml stops the check too, reported as content
 * problems (file, line, field, fix) rather than a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorEnv, projectRoot } from '../helpers/commands.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const valid = path.join(projectRoot, 'tests/fixtures/content/valid');

/**
 * Runs `scripts/check.ts` (or another editor script) on a copy of the valid fixture, from a folder
 * holding copies of the project's `src/content/` data files (the registries are read from the
 * working folder), after `edit`.
 */
function checkWith(
  edit: { projects?: (text: string) => string; releases?: (text: string) => string },
  script = 'scripts/check.ts',
  args: readonly string[] = [],
) {
  const dir = tempDir('registry-check');
  mkdirSync(path.join(dir, 'src/content'), { recursive: true });
  for (const name of ['projects.yaml', 'releases.yaml', 'link-moves.yaml']) {
    cpSync(path.join(projectRoot, 'src/content', name), path.join(dir, 'src/content', name));
  }
  const issuesDir = path.join(dir, 'issues');
  cpSync(valid, issuesDir, { recursive: true });
  const file = (name: string) => path.join(dir, 'src/content', name);
  if (edit.projects) writeFileSync(file('projects.yaml'), edit.projects(readFileSync(file('projects.yaml'), 'utf8')));
  if (edit.releases) writeFileSync(file('releases.yaml'), edit.releases(readFileSync(file('releases.yaml'), 'utf8')));
  const result = spawnSync(path.join(projectRoot, 'node_modules/.bin/node'), [path.join(projectRoot, script), ...args], {
    cwd: dir,
    // A copy: a script that should have stopped may write into it.
    env: editorEnv({ DIGEST_CONTENT_DIR: issuesDir }),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check and the registries', () => {
  it('passes the registries as committed', () => {
    const result = checkWith({});
    expect(result.stdout).toContain('no content problems');
    expect(result.status).toBe(0);
  });

  it('rejects a release the build rejects: an impossible release day, with its line', () => {
    const result = checkWith({ releases: (text) => text.replace('released: 2010-10-21', 'released: 2010-02-30') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('src/content/releases.yaml:21  registry: release austin, released: expected a real date');
    expect(result.stderr).not.toContain('no content problems');
  });

  it('rejects a name a release and a project both claim', () => {
    const result = checkWith({ releases: (text) => text.replace('aliases: [Grizzly版]', 'aliases: [Grizzly版, NOVA]') });
    expect(result.status).toBe(1);
    // The line Nova's name is on, wherever edits to the registry's header comment put it.
    const novaName =
      readFileSync(path.join(projectRoot, 'src/content/projects.yaml'), 'utf8').split('\n').indexOf('  name: { zh-CN: Nova, en: Nova }') +
      1;
    expect(novaName).toBeGreaterThan(0);
    expect(result.stderr).toContain(
      `src/content/releases.yaml:56  registry: release grizzly, aliases.1: "NOVA" names both project:nova (name.zh-CN, src/content/projects.yaml:${novaName}) and release:grizzly. Fix: keep it on one.`,
    );
  });

  it('reports a broken project registry as a content problem, not a stack trace', () => {
    const result = checkWith({ projects: (text) => text.replace('- id: swift', '- id: nova') });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^1 content problem:\n {2}src\/content\/projects\.yaml:\d+ {2}registry: project id nova appears twice/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['new-issue', ['--dry-run']],
    ['translate', ['9']],
    ['import', [path.join(projectRoot, 'tests/fixtures/legacy'), '--out', 'out']],
    ['generate-archive', ['--count', '1', '--out', 'out']],
  ])('stops npm run %s with the problem, not a stack trace', (name, args) => {
    const result = checkWith({ releases: (text) => text.replace('shorthand: B版', 'shorthand: A版') }, `scripts/${name}.ts`, args);
    expect(result.stderr).toContain(
      "src/content/releases.yaml:25  registry: release bexar, shorthand: A版 is already austin's. Fix: keep it on one.",
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(1);
  });
});
