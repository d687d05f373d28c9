/**
 * The importer on the real legacy posts in ../shared: everything imports, nothing is dropped,
 * re-runs are byte-identical, and a file it cannot import is named while the rest land.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runScript, sharedDir } from '../helpers/commands.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const corpus = path.join(sharedDir, 'corpus');
const corpusFiles = readdirSync(corpus)
  .filter((name) => name.endsWith('.md'))
  .sort();
const digestOf = (dir: string) => {
  const hash = createHash('sha256');
  for (const name of readdirSync(path.join(dir, 'zh-CN')).sort()) hash.update(name).update(readFileSync(path.join(dir, 'zh-CN', name)));
  return hash.digest('hex');
};

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
    expect(first.stdout).toMatch(/date: publication date 2013-11-12 is 10 days before the period's end/);
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
    const number = /^ok {4}\S+ -> (zh-CN\/\d+\.md)/m.exec(first.stdout.split('\n').find((line) => line.includes(name)) ?? '')?.[1];
    const output = readFileSync(path.join(out, number ?? ''), 'utf8');
    const body = source.slice(source.indexOf('\n---', 3) + 4);
    // Headings are restructured (and reported); every other line must survive, URL repairs aside.
    const comparable = (line: string) => line.trim().replace(/\\_/g, '_').replace(/[<>]/g, '');
    const outputText = comparable(output.split('\n').map(comparable).join('\n'));
    const missing = body
      .split('\n')
      .filter((line) => line.trim() && !/^#{1,6}\s/.test(line))
      .filter((line) => !outputText.includes(comparable(line)));
    expect(missing).toEqual([]);
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
    expect(result.stdout).toMatch(
      /FAIL {2}2014-02-15-openstack-activity-0203-0215\.md:1: \S+0008\.md exists with other content; pass --force to replace it/,
    );
    expect(readFileSync(edited, 'utf8')).toContain('编辑补充的一句。');
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
    expect(result.stdout).toContain(
      'FAIL  2014-09-10-broken.md:8: heading "### 不存在的项目" stands where project headings do but matches no project or alias',
    );
    expect(result.stdout).toContain('Imported 2 of 3 files');
    expect(readdirSync(path.join(out, 'zh-CN')).sort()).toEqual(['0001.md', '0002.md']);
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
});
