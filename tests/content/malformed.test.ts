/**
 * Malformed content fails `npm run check` and the build, with a message naming the file,
 * the line and the field; the valid control passes both.
 */

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { editorEnv, projectRoot, runAstro, runScript } from '../helpers/commands.ts';
import { expandingAliases } from '../helpers/hostile-yaml.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { loadContentFiles } from '../../src/pipeline/content-files.ts';
import { getSiteUrl, registryFile } from '../../src/pipeline/paths.ts';
import { formatProblems } from '../../src/pipeline/problems.ts';
import { loadProjectRegistry } from '../../src/pipeline/registry.ts';

const fixtures = path.join(projectRoot, 'tests/fixtures/content');
const cases = [
  ['missing-field', '0009.md', 1, 'published', 'the required field published is missing'],
  ['end-before-start', '0009.md', 6, 'period.end', 'the period ends before it starts'],
  ['unknown-project', '0009.md', 19, 'body', 'heading "## Novva Compute" matches no project or alias'],
  ['unknown-project-id', '0009.md', 9, 'projects.2', 'unknown project "docker"'],
  ['duplicate-number', '0010.md', 2, 'number', '第九期 (number 9) is also'],
  ['broken-yaml', '0009.md', 8, 'front matter', 'description: the value holds ": ", which YAML reads as the start of another field'],
  ['overlapping-periods', '0010.md', 5, 'period.start', 'the period 2014-02-20..2014-03-05 overlaps 第九期'],
  ['placeholder-issue', '0009.md', 23, 'body', '"（待补充）" is a placeholder the scaffold wrote, so the file is not ready to publish'],
] as const;

const registry = loadProjectRegistry(registryFile);
const where = (name: string, file: string, line: number) =>
  `${path.relative(projectRoot, path.join(fixtures, name, 'zh-CN', file))}:${line}`;

describe('npm run check', () => {
  it('passes the valid control issue', () => {
    const result = runScript('scripts/check.ts', [], { DIGEST_CONTENT_DIR: path.join(fixtures, 'valid') });
    expect(result.output).toContain('1 issue and 0 translations in tests/fixtures/content/valid: no content problems.');
    expect(result.status).toBe(0);
  });

  it('rejects a malformed issue, naming file, line, field and fix, with no stack of its code', () => {
    const [name, file, line, field, message] = cases[0];
    const result = runScript('scripts/check.ts', [], { DIGEST_CONTENT_DIR: path.join(fixtures, name) });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${where(name, file, line)}  ${field}: ${message}`);
    expect(result.stderr).toMatch(/Fix: \S/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  // The same read and report as the command above, in this process: one command per case would cost a second each.
  it.each(cases)('rejects %s, naming file, line and field', async (name, file, line, field, message) => {
    const { problems } = await loadContentFiles(path.join(fixtures, name), { registry, site: getSiteUrl({}) });
    const report = formatProblems(problems);
    expect(report).toContain(`${where(name, file, line)}  ${field}: ${message}`);
    expect(report).toMatch(/Fix: \S/);
  });
});

/** Folders with several things wrong: every problem listed (`file[:line]  field: message`), and what must not be said. */
const folders: [name: string, expected: string[], unsaid: string[]][] = [
  [
    'not-utf8',
    [
      'zh-CN/0009.md:17  encoding: the file is not UTF-8 text (it reads as GBK/GB18030',
      'zh-CN/0010.md:3  encoding: the file is not UTF-8 text (it reads as GBK/GB18030',
    ],
    ['heading', 'projects lists'],
  ],
  [
    'wrong-case',
    [
      'zh-cn  folder: the folder is named zh-cn/ but the site reads zh-CN/ (letter case matters), so its file is not on the site. Fix: rename it to zh-CN',
      'EN  folder: the folder is named EN/ but the site reads en/ (letter case matters)',
    ],
    [],
  ],
  [
    'stray-files',
    [
      'fr  folder: fr/ is not a folder the site reads (issues go in zh-CN/, translations in en/), so its file is not on the site',
      'notes.txt  file name: not read: issues go in zh-CN/, translations in en/',
      'zh-CN/drafts  folder: folders inside zh-CN/ are not read',
    ],
    [],
  ],
  [
    'title-number',
    ['zh-CN/0012.md:3  title: the title says issue 21 but number is 12', 'en/0011.md:3  title: the title says issue 21 but number is 11'],
    [],
  ],
  [
    'impossible-date',
    ['1 content problem:', 'zh-CN/0009.md:5  period.start: expected a real date written YYYY-MM-DD'],
    ['ends before it starts'],
  ],
  [
    'implausible-dates',
    [
      'zh-CN/0009.md:7  published: published 2041-02-28 is more than a year from the period 2014-02-16..2014-02-27. Fix: check the year of published.',
      'zh-CN/0010.md:5  period.start: the period starts before OpenStack existed (announced 2010-07-19). Fix: check the year of period.start.',
      'zh-CN/0011.md:6  period.end: the period covers more than 92 days, longer than any issue.',
    ],
    ['overlaps'],
  ],
  ['project-id-case', ['zh-CN/0009.md:9  projects.1: unknown project "NOVA". Fix: did you mean nova?'], []],
  [
    'unclosed-frontmatter',
    [
      'zh-CN/0009.md:14  front matter: the front matter opened on line 1 is not closed before the body: line 14 ("## 业界动态") is Markdown, not a field. Fix: add a "---" line after the last field, before line 14.',
    ],
    ['implicit map keys', 'Implicit map keys'],
  ],
  ['yaml-comment', ['zh-CN/0009.md:8  description: the text after " #" on this line is a YAML comment, so it would be dropped'], []],
  [
    'placeholder-translation',
    [
      'en/0009.md:5  translator: "TODO" is a placeholder the scaffold wrote',
      'en/0009.md:16  body: "TODO" is a placeholder the scaffold wrote',
      'Fix: write the text in its place, or add draft: true to the front matter to keep the file out of the site until it is ready.',
    ],
    [],
  ],
  ['misnamed-file', ['zh-CN/0042.md:2  file name: the file holds issue 9 but is named 0042.md', 'Fix: rename it to 0009.md'], []],
  [
    'site-links',
    [
      '11 content problems:',
      'zh-CN/0009.md:13  attribution.notice: "/issues/90/" leads to no page: the archive has no issue 90. Fix: link an issue the archive holds (issues 9–10), or correct the number.',
      'zh-CN/0009.md:26  body: "/issues/99/" leads to no page: the archive has no issue 99.',
      'zh-CN/0009.md:28  body: "/issues/10/#glance" names a section issue 10 does not have: "#glance" (its sections: nova, neutron). Fix: link one of its sections (/issues/10/#nova), or the issue itself.',
      'zh-CN/0009.md:30  body: "/images/missing.png" is no file of the site, so the image would not show. Fix: put the image in public/images/missing.png, or correct the address.',
      'zh-CN/0009.md:32  body: "/isues/9/" leads to no page of the site.',
      'zh-CN/0009.md:34  body: "/issues/11/" leads to issue 11, a draft: the build leaves drafts out, so the link would lead nowhere. Fix: publish issue 11 first (remove "draft: true")',
      'zh-CN/0009.md:36  body: "/archive/2009/" leads to no page: the archive has no issue in 2009.',
      'zh-CN/0009.md:38  body: "/projects/swift/" leads to no page: no issue has a section on "swift"',
      'zh-CN/0009.md:42  body: "/issues/7/" leads to no page',
      // A draft may link another draft (itself here), not an issue never written.
      'zh-CN/0011.md:18  body: "/issues/12/" leads to no page: the archive has no issue 12. Fix: link an issue the archive holds (issues 9–11)',
      'en/0009.md:16  body: "/en/issues/98/" leads to no page: the archive has no issue 98.',
    ],
    // The links that arrive: pages, sections, a text directive, a file, a month, a reference, the draft's own.
    [
      '"/issues/10/"',
      '"/issues/10/#neutron"',
      '"/issues/10/#neutron:~:text=Neutron"',
      '"/issues/9/#nova"',
      '"/en/issues/9/#nova"',
      '"/en/issues/10/#neutron"',
      '"/issues/9/#industry"',
      '"/favicon.svg"',
      '"/archive/2014/#m2014-02"',
      '"/projects/nova/"',
      '"/search/?q=nova"',
      '"/rss.xml"',
      '"/about/"',
      '"/issues/11/#nova"',
    ],
  ],
  // The issue's own problem is the one to fix; its translation is not said to translate nothing.
  ['translation-of-invalid-issue', ['1 content problem:', 'zh-CN/0009.md:8  author: unknown field author'], ['there is no issue 9']],
  // Nor when the issue's front matter does not read, so it gives no number: its file's name does.
  [
    'translation-of-unreadable-issue',
    [
      '1 content problem:',
      'zh-CN/0009.md:8  front matter: description: the value holds ": "',
      'Fix: put the value in double quotes: description: "测试: 第九期"',
    ],
    ['there is no issue 9'],
  ],
];

describe('folders with several problems', () => {
  // The same read and report as npm run check (scripts/check.ts), in this process: one command per folder would cost seconds each.
  it.each(folders)('lists every problem of %s', async (name, expected, unsaid) => {
    const dir = path.join(fixtures, name);
    const { problems } = await loadContentFiles(dir, { registry, site: getSiteUrl({}) });
    const report = formatProblems(problems).replaceAll(`${path.relative(projectRoot, dir)}/`, '');
    for (const text of expected) expect(report).toContain(text);
    for (const text of unsaid) expect(report).not.toContain(text);
  });
});

describe("files that are nobody's content", () => {
  it('are not reported: hidden files and the copies editors keep beside the file they edit', async () => {
    const dir = tempDir('editor-files');
    cpSync(path.join(fixtures, 'valid'), dir, { recursive: true });
    const copies = ['.DS_Store', '.0009.md.swp', '0009.md~', '#0009.md#', '0009.md___jb_tmp___', '0009.md___jb_old___'];
    // Vim's check that it may write in the folder, and its next names while one is taken.
    for (const name of [...copies, '4913', '5036', '5159']) writeFileSync(path.join(dir, 'zh-CN', name), '');
    writeFileSync(path.join(dir, '.DS_Store'), '');
    const { issues, problems } = await loadContentFiles(dir, { registry, site: getSiteUrl({}) });
    expect(problems).toEqual([]);
    expect(issues).toHaveLength(1);
    // A number that is not Vim's is someone's file, saved without its extension.
    writeFileSync(path.join(dir, 'zh-CN', '4914'), '');
    const stray = await loadContentFiles(dir, { registry, site: getSiteUrl({}) });
    expect(stray.problems).toEqual([expect.objectContaining({ file: path.join(dir, 'zh-CN', '4914') })]);
  });
});

describe('MDX in the content folder', () => {
  it('is refused: contributors write Markdown; MDX runs code at build time and is for maintainers', () => {
    const result = runScript('scripts/check.ts', [], { DIGEST_CONTENT_DIR: path.join(fixtures, 'mdx-issue') });
    expect(result.status).toBe(1);
    const file = path.relative(projectRoot, path.join(fixtures, 'mdx-issue', 'zh-CN', '0009.mdx'));
    expect(result.stderr).toContain(
      `${file}  file name: not a Markdown issue file. Fix: issues are Markdown: rename it to .md (MDX runs code at build time and is for maintainers' pages only).`,
    );
  });
});

/** A project folder of its own, with the registries and no issues: public/ and the registries are read from the working folder. */
function projectFolder(label: string): string {
  const project = tempDir(label);
  cpSync(path.join(projectRoot, 'src/content'), path.join(project, 'src/content'), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}issues`),
  });
  return project;
}

/** `npm run check`'s content half, run in `project` on the valid fixture. */
function checkIn(project: string) {
  return spawnSync(path.join(projectRoot, 'node_modules/.bin/node'), [path.join(projectRoot, 'scripts/check.ts')], {
    cwd: project,
    env: editorEnv({ DIGEST_CONTENT_DIR: path.join(fixtures, 'valid') }),
    encoding: 'utf8',
  });
}

describe('an SVG image in public/', () => {
  it('is refused when it holds a script, naming file, line and what runs; one that only draws passes', () => {
    const project = projectFolder('public-svg');
    const images = path.join(project, 'public/images');
    mkdirSync(images, { recursive: true });
    writeFileSync(path.join(images, 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg">\n<rect width="4" height="4"/>\n</svg>\n');
    writeFileSync(
      path.join(images, '架构 图.SVG'),
      '<svg xmlns="http://www.w3.org/2000/svg">\n<rect/>\n<script>fetch("/")</script>\n<a href=" javascript:alert(1)"><text>x</text></a>\n</svg>\n',
    );
    // Saved as UTF-16 with its byte order mark, which the browser reads by.
    const utf16 = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(2)</script></svg>\n', 'utf16le');
    writeFileSync(path.join(images, 'logo.svg'), Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]));
    // Declared ISO-2022-JP, whose escape back to ASCII vanishes when decoded.
    writeFileSync(
      path.join(images, 'jis.svg'),
      Buffer.from('<?xml version="1.0" encoding="ISO-2022-JP"?>\n<svg o\x1b(Bnload="alert(3)"/>\n', 'latin1'),
    );
    const check = () => checkIn(project);
    const refused = check();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('4 content problems:');
    expect(refused.stderr).toContain('public/images/logo.svg:2  file: the image holds a script (<script>)');
    expect(refused.stderr).toContain('public/images/jis.svg:2  file: the image holds a script (onload)');
    expect(refused.stderr).toContain(
      "public/images/架构 图.SVG:3  file: the image holds a script (<script>), which runs on the site's own address when the image is opened by itself",
    );
    expect(refused.stderr).toContain('public/images/架构 图.SVG:4  file: the image holds a script (href="javascript:…")');
    expect(refused.stderr).toContain('Fix: remove it: an image needs no script');
    rmSync(path.join(images, '架构 图.SVG'));
    rmSync(path.join(images, 'logo.svg'));
    rmSync(path.join(images, 'jis.svg'));
    const passed = check();
    expect(passed.stdout).toContain('no content problems');
    expect(passed.status).toBe(0);
  });
});

describe('a page or XML document in public/', () => {
  it('is refused: a page escapes every rule of the site’s pages, an XML document is checked for scripts as an image is', () => {
    const project = projectFolder('public-pages');
    const files = path.join(project, 'public/files');
    mkdirSync(files, { recursive: true });
    // With a policy of its own, whose hash the build would put in the header every page gets.
    writeFileSync(
      path.join(files, 'slides.html'),
      `<!doctype html><meta http-equiv="content-security-policy" content="script-src 'sha256-x'"><script>alert(1)</script>\n`,
    );
    writeFileSync(path.join(files, 'old.HTM'), '<p>an old page</p>\n');
    writeFileSync(
      path.join(files, 'feed.xml'),
      '<?xml version="1.0"?>\n<x xmlns:h="http://www.w3.org/1999/xhtml">\n<h:script>alert(2)</h:script></x>\n',
    );
    // Hosts label an XML schema application/xml, which a browser opens as a document too.
    writeFileSync(
      path.join(files, 'nova.xsd'),
      '<s:schema xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(3)</h:script></s:schema>\n',
    );
    // Named as compressed but not: hosts label it image/svg+xml, and a browser reads it as written.
    writeFileSync(path.join(files, 'plain.svgz'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(4)"/>\n');
    // Compressed as named: a host that sends it with Content-Encoding: gzip has the browser unpack it.
    writeFileSync(path.join(files, 'packed.svgz'), gzipSync('<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(5)</script></svg>\n'));
    // Past what the check unpacks, a script could hide at the end.
    writeFileSync(path.join(files, 'huge.svgz'), gzipSync(Buffer.alloc(17 * 2 ** 20, ' ')));
    writeFileSync(path.join(files, 'list.xml'), '<?xml version="1.0"?>\n<list><item>Nova</item></list>\n');
    const check = () => checkIn(project);
    const refused = check();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('7 content problems:');
    expect(refused.stderr).toContain('public/files/huge.svgz  file: the image unpacks to more than 16 MB, too large to check for scripts');
    expect(refused.stderr).toContain('public/files/packed.svgz:2  file: the image holds a script (<script>)');
    expect(refused.stderr).toContain('public/files/nova.xsd:1  file: the document holds a script (<h:script>)');
    expect(refused.stderr).toContain('public/files/plain.svgz:1  file: the image holds a script (onload)');
    expect(refused.stderr).toContain(
      'public/files/slides.html  file: a page of its own, which the site would publish on its own address outside every rule its pages follow',
    );
    expect(refused.stderr).toContain('public/files/old.HTM  file: a page of its own');
    expect(refused.stderr).toContain(
      "public/files/feed.xml:3  file: the document holds a script (<h:script>), which runs on the site's own address when the document is opened by itself",
    );
    rmSync(path.join(files, 'slides.html'));
    rmSync(path.join(files, 'old.HTM'));
    rmSync(path.join(files, 'feed.xml'));
    rmSync(path.join(files, 'nova.xsd'));
    rmSync(path.join(files, 'plain.svgz'));
    rmSync(path.join(files, 'packed.svgz'));
    rmSync(path.join(files, 'huge.svgz'));
    const passed = check();
    expect(passed.stdout).toContain('no content problems');
    expect(passed.status).toBe(0);
  });
});

describe('a compressed copy of a page or document in public/', () => {
  it('is refused: nginx serves it in place of the file it names, or as that file when there is none', () => {
    const project = projectFolder('public-compressed');
    const files = path.join(project, 'public/files');
    mkdirSync(files, { recursive: true });
    writeFileSync(path.join(files, 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>\n');
    writeFileSync(path.join(files, 'chart.svg.gz'), gzipSync('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    writeFileSync(path.join(files, 'ghost.html.br'), 'not checked');
    // An archive for download is a file of its own.
    writeFileSync(path.join(files, 'logs.tar.gz'), gzipSync('logs'));
    const check = () => checkIn(project);
    const refused = check();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('2 content problems:');
    expect(refused.stderr).toContain(
      'public/files/chart.svg.gz  file: a compressed copy of /files/chart.svg, which nginx serves in its place (or as it, when there is none) to every browser that takes gzip or Brotli',
    );
    expect(refused.stderr).toContain('public/files/ghost.html.br  file: a compressed copy of /files/ghost.html');
    expect(refused.stderr).toContain('Fix: delete it: the build compresses the files of public/ itself');
    rmSync(path.join(files, 'chart.svg.gz'));
    rmSync(path.join(files, 'ghost.html.br'));
    const passed = check();
    expect(passed.stdout).toContain('no content problems');
    expect(passed.status).toBe(0);
  });
});

describe('a host’s configuration file in public/', () => {
  it('is refused: Netlify, Cloudflare Pages and Apache would read it as theirs, not publish it', () => {
    const project = projectFolder('public-host-files');
    const folder = path.join(project, 'public');
    mkdirSync(path.join(folder, 'images'), { recursive: true });
    writeFileSync(path.join(folder, '_redirects'), '/* https://evil.example/:splat 200!\n');
    writeFileSync(path.join(folder, '_worker.js'), 'export default { fetch: () => new Response("<script>alert(1)</script>") };\n');
    writeFileSync(path.join(folder, '_routes.json'), '{"version":1,"include":["/*"],"exclude":[]}\n');
    writeFileSync(path.join(folder, 'images/.htaccess'), 'AddType text/html .png\n');
    writeFileSync(path.join(folder, 'images/_redirects.png'), 'png');
    const check = () => checkIn(project);
    const refused = check();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('4 content problems:');
    expect(refused.stderr).toContain('public/_redirects  file: Netlify and Cloudflare Pages read this file as their own configuration');
    expect(refused.stderr).toContain(
      'public/_worker.js  file: Cloudflare Pages reads this file as its own configuration, not as a file of the site: as a Worker, its code would answer every request to the site',
    );
    expect(refused.stderr).toContain('public/_routes.json  file: Cloudflare Pages reads this file');
    expect(refused.stderr).toContain('public/images/.htaccess  file: Apache reads this file');
    expect(refused.stderr).toContain('Fix: delete it');
    for (const file of ['_redirects', '_worker.js', '_routes.json', 'images/.htaccess']) rmSync(path.join(folder, file));
    const passed = check();
    expect(passed.stdout).toContain('no content problems');
    expect(passed.status).toBe(0);
  });
});

describe('a file in public/ at an address the build writes', () => {
  it('is refused: Astro would publish it in place of the site’s own feed, robots.txt or search files', () => {
    const project = projectFolder('public-built-files');
    const folder = path.join(project, 'public');
    for (const dir of ['en/projects/nova', 'pagefind', 'issues/9']) mkdirSync(path.join(folder, dir), { recursive: true });
    writeFileSync(path.join(folder, 'rss.xml'), '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Fake</title></channel></rss>\n');
    writeFileSync(path.join(folder, 'en/projects/nova/rss.xml'), '<rss/>\n');
    writeFileSync(path.join(folder, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
    writeFileSync(path.join(folder, 'pagefind/pagefind.js'), 'alert(1)\n');
    writeFileSync(path.join(folder, '_headers'), '/*\n  Content-Security-Policy: script-src *\n');
    // Beside an issue's address, an image is a file of its own.
    writeFileSync(path.join(folder, 'issues/9/diagram.png'), 'png');
    const check = () => checkIn(project);
    const refused = check();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('5 content problems:');
    expect(refused.stderr).toContain(
      'public/rss.xml  file: the build writes /rss.xml itself (the digest’s feed): Astro would publish this file in its place',
    );
    expect(refused.stderr).toContain(
      'public/en/projects/nova/rss.xml  file: the build writes /en/projects/nova/rss.xml itself (a project’s feed)',
    );
    expect(refused.stderr).toContain('public/robots.txt  file: the build writes /robots.txt itself');
    expect(refused.stderr).toContain('public/pagefind/pagefind.js  file: the build writes /pagefind/ itself (the search index)');
    expect(refused.stderr).toContain('public/_headers  file: the build writes /_headers itself');
    expect(refused.stderr).toContain('Fix: delete it, or give it another address (public/files/…)');
    for (const file of ['rss.xml', 'en/projects/nova/rss.xml', 'robots.txt', 'pagefind/pagefind.js', '_headers'])
      rmSync(path.join(folder, file));
    const passed = check();
    expect(passed.stdout).toContain('no content problems');
    expect(passed.status).toBe(0);
  });
});

describe('a symbolic link in public/', () => {
  it('is refused when it leads outside public/, which the build would publish; one within it passes', () => {
    const project = projectFolder('public-link');
    const secret = path.join(project, 'id_rsa');
    writeFileSync(secret, 'not for the site\n');
    mkdirSync(path.join(project, 'public/images'), { recursive: true });
    writeFileSync(path.join(project, 'public/images/a.png'), 'png');
    symlinkSync(secret, path.join(project, 'public/images/logo.png'));
    symlinkSync(path.join(project, 'src'), path.join(project, 'public/docs'));
    symlinkSync('a.png', path.join(project, 'public/images/b.png'));
    const check = () => checkIn(project);
    const refused = check();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('2 content problems:');
    expect(refused.stderr).toContain(`public/images/logo.png  file: a symbolic link to ${realpathSync(secret)}, outside public/`);
    expect(refused.stderr).toContain(`public/docs  file: a symbolic link to ${realpathSync(path.join(project, 'src'))}, outside public/`);
    expect(refused.stderr).toContain('Fix: copy the file into public/ instead of linking to it');
    rmSync(path.join(project, 'public/images/logo.png'));
    rmSync(path.join(project, 'public/docs'));
    const passed = check();
    expect(passed.stdout).toContain('no content problems');
    expect(passed.status).toBe(0);
  });
});

describe('astro build', () => {
  const outDir = tempDir('malformed');
  // The build reads content through the same loader as npm run check: a case of a file's own
  // rules and one of the rules across files show it stops there, with the same messages.
  const building = cases.filter(([name]) => ['missing-field', 'overlapping-periods'].includes(name));

  it.each(building)("refuses to build %s and names file, line and field, with no stack of the site's code", (name, file, line, field) => {
    const result = runAstro(['build', '--outDir', outDir], { DIGEST_CONTENT_DIR: path.join(fixtures, name) });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${where(name, file, line)}  ${field}:`);
    expect(result.output).not.toMatch(/Stack trace|^\s+at /m);
  });
});

describe('files written to do harm, or pasted from elsewhere', () => {
  /** A copy of the valid folder, its issue file changed by `edit`. */
  const validWith = (label: string, edit: (text: string) => string) => {
    const dir = tempDir(label);
    cpSync(path.join(fixtures, 'valid'), dir, { recursive: true });
    const file = path.join(dir, 'zh-CN', '0009.md');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return dir;
  };
  const report = async (dir: string) => {
    const { issues, problems } = await loadContentFiles(dir, { registry, site: getSiteUrl({}) });
    return { issues, text: formatProblems(problems).replaceAll(`${dir}/`, '') };
  };

  it('names a file saved with carriage returns alone (classic Mac OS), not its front matter, and accepts CR LF', async () => {
    const mac = await report(validWith('cr', (source) => source.replaceAll('\n', '\r')));
    expect(mac.text).toContain('zh-CN/0009.md:1  text: this line ends with a carriage return alone (CR, as classic Mac OS saved text)');
    expect(mac.text).not.toContain('front matter');
    const stray = await report(validWith('stray-cr', (source) => source.replace('一条测试新闻。', '一条\r测试新闻。')));
    expect(stray.text).toContain('zh-CN/0009.md:17  text: this line ends with a carriage return alone');
    const windows = await report(validWith('crlf', (source) => source.replaceAll('\n', '\r\n')));
    expect(windows.issues).toHaveLength(1);
    expect(windows.text).not.toContain('carriage return');
  });

  it('names the line of YAML aliases that expand without end, instead of a stack trace', async () => {
    const aliases = expandingAliases().join('\n');
    const { issues, text } = await report(validWith('aliases', (source) => source.replace('number: 9\n', `number: 9\n${aliases}\n`)));
    expect(text).toContain('zh-CN/0009.md:4  front matter: the YAML cannot be read');
    expect(text).toContain('Fix: write the values out instead of repeating them with "&" anchors and "*" aliases.');
    expect(issues).toEqual([]);
  });

  it.each([
    [
      'as itself',
      (source: string) => source.replace('一条测试新闻。', '一条\u001b[31m测试新闻。'),
      '17  text: an invisible control character (U+001B) at column 3',
    ],
    [
      'as a reference',
      (source: string) => source.replace('一条测试新闻。', '一条&#x1b;测试新闻。'),
      '17  text: &#x1b; at column 3 writes a character that is not text',
    ],
    [
      'as &#0;, which Markdown turns into U+FFFD',
      (source: string) => source.replace('一条测试新闻。', '一条&#0;'),
      '17  text: &#0; at column 3',
    ],
    [
      'as an escape in a quoted value',
      (source: string) => source.replace('description: 测试用的第九期', 'description: "测试用的第九期\\x01"'),
      '8  front matter: description holds a character that is not text (U+0001)',
    ],
    [
      'as the escape of half a character',
      (source: string) => source.replace('description: 测试用的第九期', 'description: "测试用的第九期\\uD800"'),
      '8  front matter: description holds a character that is not text (U+D800)',
    ],
  ])('names the line of a control character written %s', async (_name, edit, expected) => {
    const { issues, text } = await report(validWith('control', edit));
    expect(text).toContain(`zh-CN/0009.md:${expected}`);
    expect(issues).toEqual([]);
  });

  it.each([
    [
      'the replacement character a lossy conversion left for a character',
      (source: string) => source.replace('一条测试新闻。', '一条测\uFFFD\uFFFD新闻。'),
      '17  text: U+FFFD (�, the replacement character) at column 4 stands for a character lost',
    ],
    [
      'a ligature copied from a PDF, which search finds no word in',
      (source: string) => source.replace('一条测试新闻。', '一条 con\uFB01guration 新闻。'),
      '17  text: "\uFB01" (U+FB01, a ligature, as text copied from a PDF holds) at column 7',
    ],
  ])('names the line of %s', async (_name, edit, expected) => {
    const { issues, text } = await report(validWith('lost', edit));
    expect(text).toContain(`zh-CN/0009.md:${expected}`);
    expect(issues).toEqual([]);
  });

  it('does not follow a symbolic link out of the issues folder', async () => {
    const outside = tempDir('outside');
    writeFileSync(path.join(outside, 'secret.md'), readFileSync(path.join(fixtures, 'valid/zh-CN/0009.md'), 'utf8').replaceAll('9', '8'));
    const dir = validWith('symlink', (source) => source);
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'zh-CN', '0008.md'));
    const { issues, text } = await report(dir);
    expect(text).toContain(
      `zh-CN/0008.md  file name: a symbolic link to ${path.join(outside, 'secret.md')}, outside the issues folder: not read`,
    );
    expect(issues.map(({ data }) => data.number)).toEqual([9]);
  });

  it('reads an issues folder reached through a symbolic link', async () => {
    const link = path.join(tempDir('link'), 'issues');
    symlinkSync(
      validWith('linked', (source) => source),
      link,
    );
    const { issues, problems } = await loadContentFiles(link, { registry, site: getSiteUrl({}) });
    expect(problems).toEqual([]);
    expect(issues).toHaveLength(1);
  });
});
