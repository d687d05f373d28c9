/**
 * `npm run links` against a local HTTP server on 127.0.0.1 that answers every way a 2013 link can:
 * 200, 301, 302, 404, 410, 500, too slowly, by resetting the connection, by a redirect loop, and by
 * a redirect to itself that sets a cookie.
 * No test here reaches any other host: every link of the issues folder, the credit's included,
 * points at that server.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIsoDay } from '../../src/lib/dates.ts';
import { formatHealthFile } from '../../scripts/lib/linkcheck/health-file.ts';
import { startScript } from '../helpers/commands.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** Requests per path, and the most that were ever in flight at once. */
const hits = new Map<string, number>();
let inFlight = 0;
let mostInFlight = 0;
let server: Server;
let base = '';

/**
 * Answers by path, each after a short wait so that requests the checker lets run together overlap;
 * `/hang` never answers, `/slow` answers long after the checker's timeout.
 */
function answer(
  pathname: string,
  respond: (status: number, headers?: Record<string, string>) => void,
  destroy: () => void,
  wait: (ms: number, then: () => void) => void,
  cookie = '',
) {
  const redirects: Record<string, [number, string]> = {
    '/moved': [301, '/ok'],
    '/anchored': [301, '/ok#frag'],
    '/found': [302, '/ok'],
    // A server writing an address in Chinese sends its UTF-8 bytes, as browsers read them.
    '/renamed': [301, Buffer.from('/维基', 'utf8').toString('latin1')],
    '/loop-a': [301, '/loop-b'],
    '/loop-b': [301, '/loop-a'],
  };
  const statuses: Record<string, number> = { '/ok': 200, '/%E7%BB%B4%E5%9F%BA': 200, '/gone': 404, '/removed': 410, '/broken': 500 };
  const redirect = redirects[pathname];
  if (redirect) return wait(40, () => respond(redirect[0], { location: redirect[1] }));
  // A cookie check: the address again, once the cookie is set, as a browser follows it.
  if (pathname === '/cookie-check' && !cookie.includes('checked=1'))
    return wait(40, () => respond(302, { 'set-cookie': 'checked=1; Path=/; HttpOnly', location: '/cookie-check' }));
  if (pathname === '/cookie-check') return wait(40, () => respond(200));
  if (pathname === '/reset') return destroy();
  if (pathname === '/slow') return wait(5_000, () => respond(200));
  if (pathname === '/hang') return;
  return wait(40, () => respond(statuses[pathname] ?? 404));
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    hits.set(pathname, (hits.get(pathname) ?? 0) + 1);
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    let timer: NodeJS.Timeout | undefined;
    response.once('close', () => {
      inFlight -= 1;
      clearTimeout(timer);
    });
    answer(
      pathname,
      (status, headers = {}) => response.writeHead(status, { 'content-type': 'text/html', ...headers }).end('<p>answer</p>'),
      () => request.socket.destroy(),
      (ms, then) => (timer = setTimeout(then, ms)),
      request.headers.cookie,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** An issues folder whose issues link the given paths of the server (the credit links `/ok`), or of another origin. */
function issuesFolder(label: string, issues: Record<number, { industry: string[]; nova: string[] }>, origin = base): string {
  const dir = tempDir(label);
  mkdirSync(path.join(dir, 'zh-CN'));
  for (const [number, { industry, nova }] of Object.entries(issues)) {
    const day = `2013-11-${String(Number(number) * 7).padStart(2, '0')}`;
    const list = (paths: string[]) => paths.map((link) => `- <${origin}${link}>`).join('\n');
    writeFileSync(
      path.join(dir, 'zh-CN', `${number.padStart(4, '0')}.md`),
      `---
number: ${number}
title: 链接检查第${number}期
period:
  start: ${day}
  end: ${day}
published: ${day}
description: 链接检查的测试内容
projects: [industry, nova]
attribution:
  editor: 测试编辑
  source: ${origin}/ok
---

## 业界动态

${list(industry)}

## Nova

${list(nova)}
`,
    );
  }
  return dir;
}

const readChecks = (dir: string) => parse(readFileSync(path.join(dir, 'link-health.yaml'), 'utf8')) as Record<string, unknown>[];

describe('npm run links', () => {
  let dir = '';
  let firstRun = { status: null as number | null, stdout: '', output: '' };
  // The run may cross midnight (CI did once): its one day is the day it started or the day it ended.
  const runDays = new Set<string>();

  beforeAll(async () => {
    dir = issuesFolder('links', {
      1: { industry: ['/ok', '/moved', '/found'], nova: ['/gone', '/removed', '/broken', '/slow', '/reset', '/loop-a'] },
      2: { industry: ['/ok', '/moved#sec', '/anchored#sec', '/renamed', '/cookie-check'], nova: ['/gone'] },
    });
    runDays.add(toIsoDay(new Date()));
    firstRun = await startScript('scripts/links.ts', ['--timeout', '300', '--per-host', '2'], { DIGEST_CONTENT_DIR: dir }).done;
    runDays.add(toIsoDay(new Date()));
  });

  it('records every answer, redirects followed, in a file sorted by address', () => {
    expect(firstRun.status, firstRun.output).toBe(0);
    const checks = readChecks(dir);
    expect(checks.map((check) => check['address'])).toEqual(checks.map((check) => check['address']).sort());
    const days = [...new Set(checks.map((check) => check['checked']))];
    expect(days).toHaveLength(1);
    expect(runDays).toContain(days[0]);
    const found = Object.fromEntries(checks.map(({ address, checked: _, ...rest }) => [String(address).slice(base.length), rest]));
    expect(found).toEqual({
      '/ok': { status: 200 },
      '/moved': { status: 200, redirects: [301], final: `${base}/ok` },
      // A browser keeps the fragment followed across a redirect, unless the redirect gives its own.
      '/moved#sec': { status: 200, redirects: [301], final: `${base}/ok#sec` },
      '/anchored#sec': { status: 200, redirects: [301], final: `${base}/ok#frag` },
      '/found': { status: 200, redirects: [302], final: `${base}/ok` },
      '/renamed': { status: 200, redirects: [301], final: `${base}/%E7%BB%B4%E5%9F%BA` },
      '/gone': { status: 404 },
      '/removed': { status: 410 },
      '/broken': { status: 500 },
      '/slow': { status: 'timeout' },
      '/reset': { status: 'reset' },
      '/loop-a': { status: 'loop', redirects: [301, 301], final: `${base}/loop-a` },
      '/cookie-check': { status: 200, redirects: [302], final: `${base}/cookie-check` },
    });
  });

  it('asks again once when an answer says nothing lasting, and never has more than --per-host requests in flight', () => {
    expect(hits.get('/broken')).toBe(2);
    expect(hits.get('/slow')).toBe(2);
    expect(hits.get('/reset')).toBe(2);
    expect(hits.get('/gone')).toBe(1);
    // Every address is on one host here, so --per-host is the bound (the pool's own test shows the overall one).
    expect(mostInFlight).toBe(2);
  });

  it('prints the links to look at, where they are written, and a summary per issue', () => {
    expect(firstRun.stdout).toMatch(new RegExp(`^ {2}\\S+0001\\.md:\\d+ {2}${base}/removed {2}410, checked `, 'm'));
    expect(firstRun.stdout).toMatch(new RegExp(`^ {2}\\S+0001\\.md:\\d+ {2}${base}/moved {2}301 → ${base}/ok \\(200\\)`, 'm'));
    // issue, alive, moved, dead, unknown: the distinct addresses of each issue.
    expect(firstRun.stdout).toMatch(/^1 +2 +1 +3 +3$/m);
    expect(firstRun.stdout).toMatch(/^2 +2 +3 +1 +0$/m);
    expect(firstRun.stdout).toMatch(/^all +4 +4 +4 +3$/m);
  });

  it('checks again only what is new or old enough', async () => {
    const before = readFileSync(path.join(dir, 'link-health.yaml'), 'utf8');
    const counted = new Map(hits);
    const again = await startScript('scripts/links.ts', ['--timeout', '300'], { DIGEST_CONTENT_DIR: dir }).done;
    expect(again.status, again.output).toBe(0);
    expect(hits).toEqual(counted);
    expect(readFileSync(path.join(dir, 'link-health.yaml'), 'utf8')).toBe(before);

    // One check made long ago, one link added.
    writeFileSync(path.join(dir, 'link-health.yaml'), before.replace(/(address: \S+\/removed\n {2}checked: )\S+/, '$12000-01-01'));
    const issue = path.join(dir, 'zh-CN', '0002.md');
    writeFileSync(issue, readFileSync(issue, 'utf8').replace(`- <${base}/gone>`, `- <${base}/gone>\n- <${base}/ok?page=2>`));
    const third = await startScript('scripts/links.ts', ['--timeout', '300'], { DIGEST_CONTENT_DIR: dir }).done;
    expect(third.status, third.output).toBe(0);
    const added = [...hits].filter(([pathname, count]) => count !== (counted.get(pathname) ?? 0));
    expect(Object.fromEntries(added)).toEqual({ '/removed': 2, '/ok': (counted.get('/ok') ?? 0) + 1 });
    expect(readChecks(dir).map((check) => String(check['address']).slice(base.length))).toContain('/ok?page=2');
  });

  it('keeps what it had checked when interrupted', async () => {
    const stopped = issuesFolder('links-stop', { 3: { industry: ['/ok'], nova: ['/gone', '/hang'] } });
    const { child, done } = startScript('scripts/links.ts', ['--timeout', '60000'], { DIGEST_CONTENT_DIR: stopped });
    await expect.poll(() => readChecksOrNone(stopped).length, { timeout: 20_000 }).toBe(2);
    child.kill('SIGINT');
    const result = await done;
    expect(result.status, result.output).toBe(130);
    expect(result.stdout).toContain('Interrupted: 2 of 3 checked');
    expect(readChecks(stopped).map((check) => [String(check['address']).slice(base.length), check['status']])).toEqual([
      ['/gone', 404],
      ['/ok', 200],
    ]);
  });
});

it('records nothing, and says why, when no server answers: a machine without network would call every link dead', async () => {
  // A port nothing listens on: every address is refused, as every host fails to resolve offline.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const address = closed.address();
  await new Promise((resolve) => closed.close(resolve));
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const dir = issuesFolder('links-offline', { 4: { industry: ['/a'], nova: ['/b', '/c'] } }, origin);
  // An earlier check, which a run with no better answer must leave as it is.
  const earlier = formatHealthFile([{ address: `${origin}/b`, checked: '2026-01-01', status: 200 }]);
  writeFileSync(path.join(dir, 'link-health.yaml'), earlier);
  const result = await startScript('scripts/links.ts', ['--all', '--timeout', '300', '--retries', '0'], { DIGEST_CONTENT_DIR: dir }).done;
  expect(result.status, result.output).toBe(1);
  expect(result.stderr).toContain('No server answered any of the 4 addresses checked (refused): this machine seems to have no network');
  expect(readFileSync(path.join(dir, 'link-health.yaml'), 'utf8')).toBe(earlier);
});

function readChecksOrNone(dir: string): Record<string, unknown>[] {
  try {
    return readChecks(dir) ?? [];
  } catch {
    return [];
  }
}
