/**
 * Every editor script answers a mistyped option with its usage, and `--help` with the usage alone:
 * never with Node's stack trace.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/nginx-server.ts';
import { editorEnv, projectRoot, runScript, startScript } from '../helpers/commands.ts';
import { tempDir } from '../helpers/temp-dir.ts';

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

  describe('typed without "--" after npm run, so npm keeps the options', () => {
    const content = tempDir('npm-took');
    cpSync(path.join(projectRoot, 'src/content/issues'), content, { recursive: true });
    const translation = readFileSync(path.join(content, 'en', '0008.md'), 'utf8');
    // The committed issues link other hosts: npm run links gets a folder without issues, which it
    // refuses before any request, should it ever run the check.
    const npmRun = (args: string[]) =>
      spawnSync('npm', ['run', '--silent', ...args], {
        cwd: projectRoot,
        env: editorEnv({ DIGEST_CONTENT_DIR: args[0] === 'links' ? tempDir('npm-took-empty') : content }),
        encoding: 'utf8',
      });

    it.each([
      [['links', '--all'], 'npm took --all for itself', 'Run: npm run links -- --all'],
      [['translate', '8', '--rehash'], 'npm took --rehash for itself', 'Run: npm run translate -- 8 --rehash'],
      [
        ['generate-archive', '--count', '3', '--out', path.join(content, 'more')],
        'npm took --count and --out for itself',
        'Type "--" before the script\'s arguments, as the usage shows:\nusage: npm run generate-archive -- --count <n>',
      ],
    ])('npm run %j does nothing and names the command to type', (args, said, fix) => {
      const result = npmRun(args);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toContain(said);
      expect(result.stderr).toContain(fix);
      expect(readdirSync(content).sort()).toEqual(['en', 'zh-CN']);
      expect(readFileSync(path.join(content, 'en', '0008.md'), 'utf8')).toBe(translation);
    });

    it('still honours npm run new-issue --dry-run, as the README shows it', () => {
      const result = npmRun(['new-issue', '--dry-run']);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^number: 9$/m);
      expect(readdirSync(path.join(content, 'zh-CN')).sort()).toEqual(['0001.md', '0008.md']);
    });
  });

  it('generate-archive interrupted midway leaves no part of an archive', async () => {
    const out = path.join(tempDir('generate-stop'), 'archive');
    const { child, done } = startScript('scripts/generate-archive.ts', ['--count', '5000', '--out', out]);
    const started = Date.now();
    while (!(existsSync(path.join(out, 'zh-CN')) && readdirSync(path.join(out, 'zh-CN')).length > 10) && Date.now() - started < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGINT');
    const result = await done;
    expect(existsSync(out), result.output).toBe(false);
    expect(result.status).toBe(130);
  });

  it.each(scripts)('%s prints its usage for --help', (script) => {
    const result = runScript(script, ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run \S+/);
  });

  describe('refuse, naming why, what they must not do', () => {
    const scratch = tempDir('command-line');
    const someoneElses = path.join(scratch, 'passwd');
    writeFileSync(someoneElses, 'root:x:0:0:root:/root:/bin/bash\n');
    const emptyPosts = path.join(scratch, 'posts');
    mkdirSync(emptyPosts);
    writeFileSync(path.join(emptyPosts, '2014-02-15-openstack-activity.md'), '---\ntitle: x\n---\n');

    it.each([
      [
        'scripts/nginx-config.ts',
        ['--out', someoneElses],
        1,
        `${someoneElses} is a file this command did not write; give a new file, or pass --force to replace it.`,
      ],
      ['scripts/nginx-config.ts', ['--out', scratch], 1, `Cannot write ${scratch}: it is a folder; give a file's path.`],
      ['scripts/generate-archive.ts', ['--count', '3', '--out', someoneElses], 1, `${someoneElses} is a file, not a folder`],
      [
        'scripts/generate-archive.ts',
        ['--count', '3', '--out', path.join(someoneElses, 'x')],
        1,
        `${someoneElses} is a file, not a folder`,
      ],
      [
        'scripts/generate-archive.ts',
        ['--count', '1e1', '--out', path.join(scratch, 'new')],
        2,
        '--count must be a whole number from 1 to 99999',
      ],
      [
        'scripts/generate-archive.ts',
        ['--count', '3', '--seed', 'abc', '--out', path.join(scratch, 'new')],
        2,
        '--seed must be a whole number (got "abc").',
      ],
      ['scripts/generate-archive.ts', ['--count', '3'], 2, '--out must name the issues folder to write, a new or empty one.\nusage:'],
      [
        'scripts/generate-archive.ts',
        ['--out', path.join(scratch, 'new')],
        2,
        '--count must be a whole number from 1 to 99999 (got none).',
      ],
      ['scripts/import.ts', [emptyPosts, '--out', someoneElses], 1, `${someoneElses} is a file, not a folder (--out)`],
      [
        'scripts/import.ts',
        [emptyPosts, '--out', path.join(scratch, 'out'), '--date', '2014-02-15-OpenStack-activity.md=2014-02-16'],
        1,
        '--date names 2014-02-15-OpenStack-activity.md, which is not a legacy post',
      ],
      [
        'scripts/import.ts',
        [emptyPosts, '--out', path.join(scratch, 'out'), '--section', 'nofile.md:8=nova'],
        1,
        '--section names nofile.md, which is not a legacy post',
      ],
      ['scripts/links.ts', ['--timeout', '3000000000'], 2, '--timeout must be a whole number from 1 to 2147483647 (got 3000000000)'],
      ['scripts/translate.ts', ['1e1'], 2, 'the issue number must be a whole number from 1 (got "1e1")'],
      ['scripts/translate.ts', ['0x8'], 2, 'the issue number must be a whole number from 1 (got "0x8")'],
      ['scripts/translate.ts', ['8', '9'], 2, 'one issue at a time (also got 9)'],
      ['scripts/translate.ts', ['第八期'], 2, 'the issue number must be a whole number from 1 (got "第八期"; for 第八期 write 8)'],
      ['scripts/translate.ts', ['１２'], 2, 'the issue number must be a whole number from 1 (got "１２"; for 第十二期 write 12)'],
    ])('%s %j', (script, args, status, message) => {
      const result = runScript(script, args, { DIGEST_CONTENT_DIR: path.join(scratch, 'content') });
      expect(result.status, result.output).toBe(status);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(readFileSync(someoneElses, 'utf8')).toBe('root:x:0:0:root:/root:/bin/bash\n');
      expect(readdirSync(scratch).sort()).toEqual(['passwd', 'posts']);
    });

    // DIGEST_CONTENT_DIR set to a file, as when an issue's path is pasted for the folder's.
    it.each([
      ['scripts/new-issue.ts', [], `${someoneElses} is a file, not a folder; nothing was written.`],
      ['scripts/translate.ts', ['8'], `${someoneElses}/zh-CN  folder: no issues found.`],
      ['scripts/check.ts', [], `${someoneElses}/zh-CN  folder: no issues found.`],
      ['scripts/links.ts', [], `${someoneElses}/zh-CN  folder: no issues found.`],
    ])('%s names a DIGEST_CONTENT_DIR that is a file, writing nothing', (script, args, message) => {
      const result = runScript(script, args, { DIGEST_CONTENT_DIR: someoneElses });
      expect(result.status, result.output).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(readFileSync(someoneElses, 'utf8')).toBe('root:x:0:0:root:/root:/bin/bash\n');
    });

    it('translate names an en that is a file, writing nothing', () => {
      const content = path.join(scratch, 'content-en-file');
      cpSync(path.join(projectRoot, 'src/content/issues/zh-CN'), path.join(content, 'zh-CN'), { recursive: true });
      writeFileSync(path.join(content, 'en'), 'not a folder\n');
      const result = runScript('scripts/translate.ts', ['8'], { DIGEST_CONTENT_DIR: content });
      expect(result.status, result.output).toBe(1);
      expect(result.stderr).toContain(`${path.join(content, 'en')} is a file, not a folder; nothing was written.`);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(readdirSync(content).sort()).toEqual(['en', 'zh-CN']);
      rmSync(content, { recursive: true });
    });

    it('serve:nginx refuses a site built for another path, naming the SITE_URL it was built with', () => {
      const built = tempDir('built-for-digest');
      writeFileSync(path.join(built, 'index.html'), '<!DOCTYPE html><link rel="canonical" href="https://example.org/digest/"><h1>x</h1>');
      const result = runScript('scripts/serve-nginx.ts', ['--dir', built, '--port', '1'], {
        SITE_URL: 'https://openstack-digest.example.org/',
      });
      expect(result.status, result.output).toBe(1);
      expect(result.stderr).toContain(
        `${built} was built for https://example.org/digest/ (its home page's canonical link), not https://openstack-digest.example.org/: its links lead under /digest/. Fix: run with SITE_URL=https://example.org/digest/`,
      );
    });

    it.each(['abc', '0', '70000', '8080.5', ''])('serve:nginx names a --port that is no port (%j) with its usage', (port) => {
      const result = runScript('scripts/serve-nginx.ts', ['--port', port]);
      expect(result.status, result.output).toBe(2);
      expect(result.stderr).toContain(`--port must be a whole number from 1 to 65535 (got "${port}").\nusage: npm run serve:nginx`);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    });

    it('serve:nginx refuses a port another server holds, rather than saying it serves while that server answers', async () => {
      const built = tempDir('built-for-root');
      writeFileSync(path.join(built, 'index.html'), '<!DOCTYPE html><link rel="canonical" href="https://openstack-digest.example.org/">');
      const other = createServer((socket) => socket.on('error', () => undefined).end());
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
      const { port } = other.address() as AddressInfo;
      try {
        const { child, done } = startScript('scripts/serve-nginx.ts', ['--dir', built, '--port', String(port)]);
        const stopping = setTimeout(() => child.kill('SIGTERM'), 20_000);
        const result = await done.finally(() => clearTimeout(stopping));
        expect(result.status, result.output).toBe(1);
        expect(result.stderr).toContain(
          `Port ${port} on 127.0.0.1 is taken by another server. Fix: stop that server, or choose another port.`,
        );
        expect(result.stdout).not.toContain('nginx serves');
        expect(result.stderr).not.toMatch(/^\s+at /m);
      } finally {
        await new Promise((resolve) => other.close(resolve));
      }
    });

    describe('serve:nginx once nginx serves', () => {
      /** serve:nginx started on a built site, once it says nginx serves it; with nginx's process id and its folder. */
      const serving = async () => {
        const built = tempDir('built-for-root');
        writeFileSync(path.join(built, 'index.html'), '<!DOCTYPE html><link rel="canonical" href="https://openstack-digest.example.org/">');
        const started = startScript('scripts/serve-nginx.ts', ['--dir', built, '--port', String(await freePort())]);
        const stopping = setTimeout(() => started.child.kill('SIGKILL'), 30_000);
        void started.done.finally(() => clearTimeout(stopping));
        // Until it says nginx serves, or ends without (then with what it said).
        await Promise.race([
          new Promise<void>((resolve) =>
            started.child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('nginx serves') && resolve()),
          ),
          started.done.then((result) => Promise.reject(new Error(`serve:nginx ended before serving: ${result.output}`))),
        ]);
        const nginx = Number(execFileSync('pgrep', ['-P', String(started.child.pid), 'nginx'], { encoding: 'utf8' }).trim());
        const prefix = readFileSync(`/proc/${nginx}/cmdline`, 'utf8').split('\0')[2] ?? '';
        expect(existsSync(prefix), prefix).toBe(true);
        return { ...started, nginx, prefix };
      };

      it('ends with the reason, its folders removed, when nginx stops by itself', async () => {
        const { done, nginx, prefix } = await serving();
        process.kill(nginx, 'SIGKILL');
        const result = await done;
        expect(result.status, result.output).toBe(1);
        expect(result.stderr).toMatch(/^nginx stopped by itself \(signal SIGKILL\): http:\/\/127\.0\.0\.1:\d+\/ is no longer served\.$/m);
        expect(existsSync(prefix)).toBe(false);
      });

      it('ends quietly when Ctrl-C reaches nginx and it at once', async () => {
        const { child, done, nginx, prefix } = await serving();
        process.kill(nginx, 'SIGINT');
        child.kill('SIGINT');
        const result = await done;
        expect(result.status, result.output).toBe(0);
        expect(result.stderr).toBe('');
        expect(existsSync(prefix)).toBe(false);
      });
    });

    it('replaces a block nginx-config wrote, as the README has deploy/nginx.conf written again', () => {
      const block = path.join(scratch, 'nginx.conf');
      writeFileSync(block, readFileSync(path.join(projectRoot, 'deploy/nginx.conf'), 'utf8').replace('server {', 'server { # edited'));
      const result = runScript('scripts/nginx-config.ts', ['--out', block]);
      expect(result.status, result.output).toBe(0);
      expect(readFileSync(block, 'utf8')).toBe(readFileSync(path.join(projectRoot, 'deploy/nginx.conf'), 'utf8'));
    });
  });
});
