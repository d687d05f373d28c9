/**
 * The importer on the real legacy posts in ../shared: everything imports, nothing is dropped,
 * re-runs are byte-identical, and a file it cannot import is named while the rest land.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runScript, sharedDir, startScript } from '../helpers/commands.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { formatIssueLabel } from '../../src/lib/numerals.ts';

const corpus = path.join(sharedDir, 'corpus');
const corpusFiles = readdirSync(corpus)
  .filter((name) => name.endsWith('.md'))
  .sort();
const digestOf = (dir: string) => {
  const hash = createHash('sha256');
  for (const name of readdirSync(path.join(dir, 'zh-CN')).sort()) hash.update(name).update(readFileSync(path.join(dir, 'zh-CN', name)));
  return hash.digest('hex');
};

/** The issue file the report says a legacy post went to. */
const writtenFile = (report: string, name: string) =>
  /^ok {4}\S+ -> (zh-CN\/\d+\.md)/m.exec(report.split('\n').find((line) => line.includes(name)) ?? '')?.[1] ?? '';

/** Lines of a post's body missing from its issue: headings are restructured (and reported); every other line must survive, URL repairs aside. */
function missingLines(source: string, output: string): string[] {
  const body = source.slice(source.indexOf('\n---', 3) + 4);
  // As the importer writes them: bare URLs in <…> without their escapes, and addresses without the
  // characters pasted into them unseen (each such change is a note the test below reads).
  const comparable = (line: string) =>
    line
      .trim()
      .replace(/\\_/g, '_')
      .replace(/[<>\u200B\u200E\u200F\u2060\uFEFF\u00AD]/g, '');
  const outputText = comparable(output.split('\n').map(comparable).join('\n'));
  return body
    .split('\n')
    .filter((line) => line.trim() && !/^#{1,6}\s/.test(line))
    .filter((line) => !outputText.includes(comparable(line)));
}

describe('importing ../shared/corpus', () => {
  const out = tempDir('import');
  let first: ReturnType<typeof runScript>;
  beforeAll(() => {
    first = runScript('scripts/import.ts', [corpus, '--out', out]);
  });

  it('imports every post and ends with a summary line', () => {
    expect(first.status).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^Imported ${corpusFiles.length} of ${corpusFiles.length} files .* \\(${corpusFiles.length} written, 0 replaced, 0 unchanged\\); 0 failed; \\d+ normalizations reported\\.$`,
      ),
    );
    for (const name of corpusFiles) expect(first.stdout).toMatch(new RegExp(`^ok    ${name} -> zh-CN/\\d{4}\\.md \\(written\\)`, 'm'));
  });

  it('reports what it normalized in the real posts', () => {
    expect(first.stdout).toContain('line-endings: CRLF line endings converted to LF');
    expect(first.stdout).toContain('line 34: address: the invisible U+200E (a left-to-right mark) taken out of an address');
    expect(first.stdout).toMatch(/date: publication date 2013-11-12 is 10 days before the period's end/);
    expect(first.stdout).toContain("line 3: title: the title's period (11.17-11.22) is taken; the file name gives another, 1107-1112");
    expect(first.stdout).toMatch(
      /bare-url: bare URL written as <https:\/\/wiki\.openstack\.org\/wiki\/Heat\/Blueprints\/Multi_Region_Support_for_Heat>/,
    );
  });

  it('numbers each issue from its title and dates it across the new year', () => {
    const read = (number: number) => readFileSync(path.join(out, 'zh-CN', `${String(number).padStart(4, '0')}.md`), 'utf8');
    expect(read(4)).toMatch(/period:\n {2}start: 2013-12-06\n {2}end: 2013-12-16/);
    expect(read(7)).toMatch(/period:\n {2}start: 2014-01-17\n {2}end: 2014-02-02/);
    expect(read(11)).toMatch(/period:\n {2}start: 2014-03-20\n {2}end: 2014-04-10/);
    expect(readdirSync(path.join(out, 'zh-CN'))).toHaveLength(corpusFiles.length);
  });

  it.each(corpusFiles)('keeps every line of text of %s', (name) => {
    const source = readFileSync(path.join(corpus, name), 'utf8').replace(/\r\n?/g, '\n');
    const title = /^title:\s*(.+)$/m.exec(source)?.[1] ?? '';
    const output = readFileSync(path.join(out, writtenFile(first.stdout, name)), 'utf8');
    expect(missingLines(source, output)).toEqual([]);
    expect(output).toContain(`  title: ${title}`);
  });

  it('gives byte-identical output when run again', () => {
    const before = digestOf(out);
    const again = runScript('scripts/import.ts', [corpus, '--out', out]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`(0 written, 0 replaced, ${corpusFiles.length} unchanged)`);
    expect(digestOf(out)).toBe(before);
    expect(again.stdout.trim().split('\n').slice(0, -1)).toEqual(
      first.stdout
        .trim()
        .split('\n')
        .slice(0, -1)
        .map((line) => line.replace('(written)', '(unchanged)')),
    );
  });

  it('refuses to overwrite an edited issue without --force', () => {
    const edited = path.join(out, 'zh-CN', '0008.md');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n编辑补充的一句。\n`);
    const result = runScript('scripts/import.ts', [corpus, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /FAIL {2}2014-02-15-openstack-activity-0203-0215\.md:1: \S+0008\.md exists with other content; pass --force to replace it/,
    );
    expect(readFileSync(edited, 'utf8')).toContain('编辑补充的一句。');
  });
});

describe('a legacy folder laid out as Jekyll reads it', () => {
  it('imports posts in subfolders and under every Markdown extension, and names each other file as not imported', () => {
    const legacy = tempDir('legacy');
    const out = tempDir('out');
    const [top = '', nested = '', mkd = '', html = ''] = corpusFiles;
    mkdirSync(path.join(legacy, '2013'));
    copyFileSync(path.join(corpus, top), path.join(legacy, top));
    copyFileSync(path.join(corpus, nested), path.join(legacy, '2013', nested));
    copyFileSync(path.join(corpus, mkd), path.join(legacy, mkd.replace(/\.md$/, '.mkd')));
    copyFileSync(path.join(corpus, html), path.join(legacy, html.replace(/\.md$/, '.html')));
    writeFileSync(path.join(legacy, '.DS_Store'), '');
    writeFileSync(path.join(legacy, `${top}~`), '');
    writeFileSync(path.join(legacy, `#${top}#`), '');
    mkdirSync(path.join(legacy, '_drafts'));
    writeFileSync(path.join(legacy, '_drafts', 'notes.html'), '');
    const result = runScript('scripts/import.ts', [legacy, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`ok    2013/${nested} -> zh-CN/0002.md (written)`);
    expect(result.stdout).toContain(`ok    ${mkd.replace(/\.md$/, '.mkd')} -> zh-CN/0003.md (written)`);
    expect(result.stderr).toContain(`FAIL  ${html.replace(/\.md$/, '.html')}:1: not a Markdown post`);
    expect(result.stdout).toContain('Imported 3 of 4 files');
    expect(readdirSync(path.join(out, 'zh-CN')).sort()).toEqual(['0001.md', '0002.md', '0003.md']);
    expect(readFileSync(path.join(out, 'zh-CN/0002.md'), 'utf8')).toContain(`  file: 2013/${nested}\n`);
  });
});

describe('a legacy folder with a file that cannot be imported', () => {
  it('imports the rest, then names the file, line and reason and exits 1', () => {
    const legacy = tempDir('legacy');
    const out = tempDir('out');
    for (const name of corpusFiles.slice(0, 2)) copyFileSync(path.join(corpus, name), path.join(legacy, name));
    writeFileSync(
      path.join(legacy, '2014-09-10-broken.md'),
      '---\nlayout: post\ntitle: OpenStack社区动态第十九期(0826-0910)\n---\n## 社区跟踪\n### Nova\n文字\n### 不存在的项目\n文字\n',
    );
    const result = runScript('scripts/import.ts', [legacy, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'FAIL  2014-09-10-broken.md:8: heading "### 不存在的项目" stands where project headings do but matches no project or alias',
    );
    expect(result.stdout).toContain('Imported 2 of 3 files');
    expect(readdirSync(path.join(out, 'zh-CN')).sort()).toEqual(['0001.md', '0002.md']);
  });

  it('writes no issue the site check would fail, naming the legacy line that holds what fails and the fix', () => {
    const legacy = tempDir('legacy');
    const out = tempDir('out');
    const [first = '', second = ''] = corpusFiles;
    copyFileSync(path.join(corpus, first), path.join(legacy, first));
    // An image never copied to public/ and bold the page would show as asterisks, as old posts have them.
    const lines = readFileSync(path.join(corpus, second), 'utf8').split('\n');
    const at = lines.findIndex((line, index) => index > 10 && line.trim() !== '' && !line.startsWith('#'));
    lines.splice(at, 0, '**注意：**这里有一张图 ![架构](/images/arch.png)', '');
    writeFileSync(path.join(legacy, second), lines.join('\n'));
    const result = runScript('scripts/import.ts', [legacy, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `FAIL {2}${second.replaceAll('.', '\\.')}:${at + 1}: the converted issue would not build \\(its line \\d+, "\\*\\*注意：\\*\\*这里有一张图`,
      ),
    );
    expect(result.stderr).toMatch(/Fix: \S/);
    expect(readdirSync(path.join(out, 'zh-CN'))).toEqual(['0001.md']);
  });

  it('checks the folder it leaves: an issue it refuses to replace stays, and nothing that breaks beside it is written', () => {
    const legacy = tempDir('legacy');
    const out = tempDir('out');
    const posts = corpusFiles.slice(0, 3);
    for (const name of posts) copyFileSync(path.join(corpus, name), path.join(legacy, name));
    // The editor's own issue 2, a week the legacy issue 3 covers: alone, it passes the check.
    expect(runScript('scripts/import.ts', [legacy, '--out', out]).status).toBe(0);
    const own = path.join(out, 'zh-CN', '0002.md');
    const ownText = readFileSync(own, 'utf8')
      .replace(/start: \S+/, 'start: 2013-11-29')
      .replace(/end: \S+/, 'end: 2013-12-04')
      .replace(/published: \S+/, 'published: 2013-12-04');
    for (const name of readdirSync(path.join(out, 'zh-CN'))) rmSync(path.join(out, 'zh-CN', name));
    writeFileSync(own, ownText);
    expect(runScript('scripts/check.ts', [], { DIGEST_CONTENT_DIR: out }).status).toBe(0);

    const result = runScript('scripts/import.ts', [legacy, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`FAIL  ${posts[1]}:1: ${own} exists with other content; pass --force to replace it`);
    expect(readFileSync(own, 'utf8')).toBe(ownText);
    const after = runScript('scripts/check.ts', [], { DIGEST_CONTENT_DIR: out });
    expect(after.status, after.output).toBe(0);
  });

  it('blames no post for a problem the folder had before, and names files where the editor finds them', () => {
    const legacy = tempDir('legacy');
    const out = tempDir('out');
    const [first = '', second = '', third = ''] = corpusFiles;
    for (const name of [first, second]) copyFileSync(path.join(corpus, name), path.join(legacy, name));
    expect(runScript('scripts/import.ts', [legacy, '--out', out]).status).toBe(0);
    // Issue 2 edited to start inside issue 1's week: the folder fails the check before the import.
    const two = path.join(out, 'zh-CN', '0002.md');
    writeFileSync(two, readFileSync(two, 'utf8').replace(/start: \S+/, 'start: 2013-11-20'));
    const before = runScript('scripts/check.ts', [], { DIGEST_CONTENT_DIR: out });
    expect(before.stderr).toContain(`overlaps 第一期 (2013-11-17..2013-11-22, ${path.join(out, 'zh-CN', '0001.md')})`);

    rmSync(path.join(legacy, first));
    rmSync(path.join(legacy, second));
    copyFileSync(path.join(corpus, third), path.join(legacy, third));
    const result = runScript('scripts/import.ts', [legacy, '--out', out]);
    expect(result.stdout).toMatch(new RegExp(`^ok {4}${third.replaceAll('.', '\\.')} -> zh-CN/0003\\.md \\(written\\)`, 'm'));
    expect(result.status, result.output).toBe(0);

    // The post that breaks the folder is named with the file it breaks, in the folder, not in the check's copy.
    writeFileSync(path.join(legacy, third), readFileSync(path.join(legacy, third), 'utf8').replace(/^(title:.*?第)三(期)/m, '$1五$2'));
    const clash = runScript('scripts/import.ts', [legacy, '--out', out]);
    expect(clash.status).toBe(1);
    expect(clash.stderr).toContain(`overlaps 第三期 (2013-11-28..2013-12-05, ${path.join(out, 'zh-CN', '0003.md')})`);
    expect(clash.output).not.toContain('digest-import-');
  });

  it('refuses only the post whose issue clashes with one in the folder, when the problem names it', () => {
    const legacy = tempDir('legacy');
    const out = tempDir('out');
    const posts = corpusFiles.slice(-3);
    for (const name of posts) copyFileSync(path.join(corpus, name), path.join(legacy, name));
    expect(runScript('scripts/import.ts', [legacy, '--out', out]).status).toBe(0);
    // The editor's next issue, whose week starts inside the last imported one's.
    const last = readdirSync(path.join(out, 'zh-CN')).sort().at(-1) ?? '';
    const lastText = readFileSync(path.join(out, 'zh-CN', last), 'utf8');
    const lastNumber = Number(/^number: (\d+)$/m.exec(lastText)?.[1]);
    const lastEnd = /^ {2}end: (\S+)$/m.exec(lastText)?.[1] ?? '';
    const next = `${String(lastNumber + 1).padStart(4, '0')}.md`;
    const start = new Date(Date.parse(lastEnd) - 2 * 86_400_000).toISOString().slice(0, 10);
    for (const name of readdirSync(path.join(out, 'zh-CN'))) rmSync(path.join(out, 'zh-CN', name));
    writeFileSync(
      path.join(out, 'zh-CN', next),
      lastText
        .replace(/^number: .*$/m, `number: ${lastNumber + 1}`)
        .replace(/^title: .*$/m, `title: OpenStack社区动态${formatIssueLabel(lastNumber + 1)}`)
        .replace(/^ {2}start: .*$/m, `  start: ${start}`)
        .replace(/^legacy:\n(?: {2}.*\n)+/m, ''),
    );
    expect(runScript('scripts/check.ts', [], { DIGEST_CONTENT_DIR: out }).status).toBe(0);

    const result = runScript('scripts/import.ts', [legacy, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`FAIL  ${posts[2]}:1: with it, ${path.join(out, 'zh-CN', next)}'s line 5 would not build`);
    expect(result.stderr.match(/^FAIL/gm)).toHaveLength(1);
    expect(readdirSync(path.join(out, 'zh-CN'))).toHaveLength(3);
    expect(runScript('scripts/check.ts', [], { DIGEST_CONTENT_DIR: out }).status).toBe(0);
  });

  it('writes neither of two posts whose titles give one number, naming each at its title, even with --force', () => {
    const legacy = tempDir('legacy');
    const out = tempDir('out');
    const [first = '', second = ''] = corpusFiles;
    copyFileSync(path.join(corpus, first), path.join(legacy, first));
    const firstTitle = /^title:.*$/m.exec(readFileSync(path.join(corpus, first), 'utf8'))?.[0] ?? '';
    const number = /第(.+?)期/.exec(firstTitle)?.[1] ?? '';
    const text = readFileSync(path.join(corpus, second), 'utf8');
    writeFileSync(path.join(legacy, second), text.replace(/^(title:.*?第).+?(期.*)$/m, `$1${number}$2`));
    const titleLine = (name: string) =>
      readFileSync(path.join(legacy, name), 'utf8')
        .split(/\r?\n/)
        .findIndex((line) => line.startsWith('title:')) + 1;
    const result = runScript('scripts/import.ts', [legacy, '--out', out, '--force']);
    expect(result.status).toBe(1);
    for (const [post, other] of [
      [first, second],
      [second, first],
    ] as const) {
      expect(result.stderr).toContain(`FAIL  ${post}:${titleLine(post)}: its title gives 第${number}期`);
      expect(result.stderr).toContain(`as ${other} does: one would be written over the other, so none is.`);
    }
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('an import pointed at the wrong place', () => {
  it.each([
    ['a folder that does not exist', () => [path.join(tempDir('gone'), 'posts'), '--out', tempDir('out')], 'is not a folder'],
    [
      'a folder without posts',
      () => [tempDir('empty'), '--out', tempDir('out')],
      'holds no legacy posts (.md, .markdown, .mkdown, .mkdn, .mkd, or .txt files)',
    ],
    [
      'a credit file that does not exist',
      () => [corpus, '--out', tempDir('out'), '--attribution', path.join(tempDir('gone'), 'credit.yaml')],
      'cannot read',
    ],
  ])('stops on %s with what to fix, writing nothing', (_name, args, message) => {
    const argv = args();
    const result = runScript('scripts/import.ts', argv);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^npm run import: .*${message.replace(/[.()]/g, '\\$&')}.*Fix: `));
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(argv[2] ?? '')).toEqual([]);
  });
});

describe('an import pointed at a folder of issue files', () => {
  it.each([
    ['its zh-CN/ folder', (out: string) => path.join(out, 'zh-CN'), (out: string) => `Fix: give ${out}, the folder that holds it.`],
    ['the folder above it', (out: string) => path.dirname(out), () => 'holds other files than issues, and no zh-CN/ folder'],
  ])('refuses %s, writing nothing', (_name, target, fix) => {
    const legacy = tempDir('legacy');
    const parent = tempDir('out');
    const out = path.join(parent, 'issues');
    const [first = ''] = corpusFiles;
    copyFileSync(path.join(corpus, first), path.join(legacy, first));
    expect(runScript('scripts/import.ts', [legacy, '--out', out]).status).toBe(0);
    const listing = () => readdirSync(parent, { recursive: true }).sort();
    const before = listing();
    const result = runScript('scripts/import.ts', [legacy, '--out', target(out)]);
    expect(result.status, result.output).toBe(1);
    expect(result.stderr).toMatch(/^npm run import: .* \(--out\)\. Fix: /);
    expect(result.stderr).toContain(fix(out));
    expect(listing()).toEqual(before);
  });
});

describe('an import interrupted', () => {
  it('leaves no copy of the output folder in the temp folder on Ctrl-C during its check', async () => {
    const out = tempDir('out');
    const temp = tempDir('import-tmp');
    // A folder large enough for its check to take seconds.
    expect(runScript('scripts/generate-archive.ts', ['--count', '400', '--out', out]).status).toBe(0);
    const listing = () => readdirSync(out, { recursive: true }).sort();
    const before = listing();
    const { child, done } = startScript('scripts/import.ts', [corpus, '--out', out, '--force'], { TMPDIR: temp });
    const started = Date.now();
    while (!readdirSync(temp).some((name) => name.startsWith('digest-import-')) && Date.now() - started < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(readdirSync(temp)).toHaveLength(1);
    child.kill('SIGINT');
    const result = await done;
    expect(readdirSync(temp)).toEqual([]);
    expect(result.status, result.output).toBe(130);
    expect(listing()).toEqual(before);
  });
});

describe('an output folder holding symbolic links', () => {
  it.each([
    ['an issue file linked to a file outside', 'zh-CN/0001.md', 'victim'],
    ['an issue file linked to nothing yet', 'zh-CN/0001.md', 'new.md'],
    ['zh-CN/ linked to a folder outside', 'zh-CN', ''],
  ])('writes nothing through %s, even with --force, and names the link', (_name, link, target) => {
    const legacy = tempDir('legacy');
    const out = tempDir('out');
    const outside = tempDir('outside');
    const [first = ''] = corpusFiles;
    copyFileSync(path.join(corpus, first), path.join(legacy, first));
    writeFileSync(path.join(outside, 'victim'), 'not an issue\n');
    mkdirSync(path.dirname(path.join(out, link)), { recursive: true });
    symlinkSync(path.join(outside, target), path.join(out, link));
    for (const args of [[], ['--force']]) {
      const result = runScript('scripts/import.ts', [legacy, '--out', out, ...args]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`${path.join(out, link)} is a symbolic link: the importer writes no issue through one`);
      expect(readdirSync(outside)).toEqual(['victim']);
      expect(readFileSync(path.join(outside, 'victim'), 'utf8')).toBe('not an issue\n');
    }
  });
});

describe('the committed seed issues', () => {
  it('are exactly what the importer makes of ../shared/seeds with dates from the corpus', () => {
    const out = tempDir('seeds');
    const result = runScript('scripts/import.ts', [path.join(sharedDir, 'seeds'), '--out', out, '--dates-from', corpus]);
    expect(result.status).toBe(0);
    for (const name of ['0001.md', '0008.md']) {
      expect(readFileSync(path.join(out, 'zh-CN', name), 'utf8')).toBe(
        readFileSync(path.join(projectRoot, 'src/content/issues/zh-CN', name), 'utf8'),
      );
    }
    expect(result.stdout).toContain('notice: the credit statement (声明, lines 8-12) moved to attribution.notice');
  });

  it('take their dates from dated posts in subfolders too, as the importer reads posts', () => {
    const dated = tempDir('dated');
    for (const name of corpusFiles) {
      mkdirSync(path.join(dated, name.slice(0, 4)), { recursive: true });
      copyFileSync(path.join(corpus, name), path.join(dated, name.slice(0, 4), name));
    }
    const out = tempDir('seeds');
    const result = runScript('scripts/import.ts', [path.join(sharedDir, 'seeds'), '--out', out, '--dates-from', dated]);
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(out, 'zh-CN/0008.md'), 'utf8')).toBe(
      readFileSync(path.join(projectRoot, 'src/content/issues/zh-CN/0008.md'), 'utf8'),
    );
  });
});

describe('legacy posts the real archive does not have (tests/fixtures/legacy)', () => {
  const legacy = path.join(projectRoot, 'tests/fixtures/legacy');
  const guesses = '2014-09-25-openstack-activity-0911-0925.md';
  const out = tempDir('legacy-fixtures');
  let result: ReturnType<typeof runScript>;
  const issue = (dir: string, number: number) => readFileSync(path.join(dir, 'zh-CN', `00${number}.md`), 'utf8');
  beforeAll(() => {
    result = runScript('scripts/import.ts', [legacy, '--out', out]);
  });

  it('imports what it can, fails an impossible 02.29 with its line, and the issues written pass the check', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'FAIL  2015-03-05-openstack-activity-0220-0229.md:3: the period (02.20-02.29) names a day that does not exist in its year',
    );
    expect(result.stdout).toContain('Imported 3 of 4 files');
    expect(runScript('scripts/check.ts', [], { DIGEST_CONTENT_DIR: out }).status).toBe(0);
  });

  it('keeps every line of text of every post it imports', () => {
    for (const name of readdirSync(legacy).filter((file) => !file.startsWith('2015-'))) {
      const output = readFileSync(path.join(out, writtenFile(result.stdout, name)), 'utf8');
      expect(missingLines(readFileSync(path.join(legacy, name), 'utf8'), output), name).toEqual([]);
    }
  });

  it("keeps a heading's subtitle and the indentation a section opens with", () => {
    expect(result.stdout).toContain('line 13: heading: "### Nova (热迁移专题)" → "## Nova (热迁移专题)"');
    const text = issue(out, 19);
    expect(text).toContain('\n## 业界动态（本期重点：Juno 发布计划）\n');
    expect(text).toContain('\n## Nova (热迁移专题)\n\n    nova live-migration <server> <host>\n    nova migration-list\n');
    expect(text).toContain('\n## Neutron\n\n   - ML2 插件\n\n        - OVS 驱动\n');
  });

  it('moves no text on a guess: each is reported with its line and the --section that would confirm it', () => {
    for (const [line, text] of [
      [11, '"### 网络" inside the 业界动态 section is an alias of Neutron'],
      [14, '"### Heap" inside the 业界动态 section is a close spelling of Heat'],
      [22, '"**Neutron**" on a line of its own may stand for a Neutron heading; it stays text in the Nova section'],
      [25, '"__Keystone__" on a line of its own may stand for a Keystone heading'],
    ] as const) {
      expect(result.stdout).toContain(`line ${line}: unconfirmed: ${text}`);
    }
    expect(result.stdout).toContain(`--section ${guesses}:22=neutron`);
    expect(result.stdout).toMatch(/; 4 guesses left for the editor to confirm \("unconfirmed" above\)\.\n$/);
    expect(issue(out, 20)).toMatch(/^projects: \[industry, nova\]$/m);
  });

  it('reads 廿 and takes Jekyll date: and author: for the publication day and the editor, keeping both as written', () => {
    const text = issue(out, 21);
    expect(text).toMatch(/^number: 21$/m);
    expect(text).toMatch(/^published: 2014-10-11$/m);
    expect(text).toMatch(/^ {2}editor: 孔令贤$/m);
    expect(text).toContain('  date: 2014-10-11 09:30:00 +0800\n  author: 孔令贤\n');
    expect(result.stdout).toContain("line 4: date: publication date 2014-10-11 from the front matter's date: 2014-10-11 09:30:00 +0800");
  });

  it('files text under another project only where --section says so, and never waits for input', () => {
    const confirmed = tempDir('legacy-confirmed');
    const answers = ['11=neutron', '14=keep', '22=neutron', '25=keystone'].flatMap((answer) => ['--section', `${guesses}:${answer}`]);
    const again = runScript('scripts/import.ts', [legacy, '--out', confirmed, ...answers]);
    expect(again.stdout).not.toContain('unconfirmed');
    expect(again.stdout).toContain(
      `line 22: confirmed: "**Neutron**" starts the Neutron section as "## Neutron" (--section ${guesses}:22=neutron)`,
    );
    const text = issue(confirmed, 20);
    expect(text).toMatch(/^projects: \[industry, neutron, nova, keystone\]$/m);
    expect(text).toContain(
      '\n## Neutron\n\nSDN 方面的新闻，与 Neutron 项目无关。\n\n### Heap\n一则与 Heat 无关的新闻。\n\nNeutron 的动态写在加粗行下面。\n',
    );
    expect(text).toContain('\n## Keystone\n\nKeystone 的动态。\n');
  });
});
