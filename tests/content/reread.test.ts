/**
 * A folder read again (as `npm run dev` does after each save) sees every change, even one that
 * keeps the file's size, and only what changed is validated and rendered again.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentFiles, writtenSinceRead } from '../../src/pipeline/content-files.ts';
import { getSiteUrl, registryFile, releasesFile } from '../../src/pipeline/paths.ts';
import { loadProjectRegistry, registrySource } from '../../src/pipeline/registry.ts';
import { projectRoot } from '../helpers/commands.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const options = { registry: loadProjectRegistry(registryFile), site: getSiteUrl({}) };

describe('reading a folder again', () => {
  it('sees an edit of the same size, and keeps what did not change', async () => {
    const dir = tempDir('reread');
    cpSync(path.join(projectRoot, 'src/content/issues'), dir, { recursive: true });
    const first = await loadContentFiles(dir, options);
    const file = path.join(dir, 'zh-CN', '0008.md');
    const source = readFileSync(file, 'utf8');
    const sentence = source.split('\n').find((line) => /^[^#\s-].{8,}/.test(line) && !line.includes(':'));
    if (!sentence) throw new Error('issue 8 has no plain line of text');
    // One character for another of the same length in UTF-8: the size stays, the text does not.
    const edited = sentence.replace(/[\u4e00-\u9fff]/, (character) => (character === '甲' ? '乙' : '甲'));
    writeFileSync(file, source.replace(sentence, edited));
    const second = await loadContentFiles(dir, options);
    const textOf = (content: typeof first) =>
      [content.issues.find((issue) => issue.data.number === 8)?.body]
        .flatMap((body) => [body?.intro?.markdown ?? '', ...(body?.sections.map((section) => section.markdown) ?? [])])
        .join('\n');
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(sentence));
    expect(textOf(second)).toContain(edited);
    expect(textOf(first)).not.toContain(edited);
    // The other issue's validated and rendered result is the one from before.
    const other = (content: typeof first) => content.issues.find((issue) => issue.data.number === 1);
    expect(other(second)).toBe(other(first));
  });
});

describe('changes reported while a read is under way', () => {
  it('are read together by one read after it, which sees the last of them', async () => {
    const dir = tempDir('reread-many');
    cpSync(path.join(projectRoot, 'src/content/issues'), dir, { recursive: true });
    const file = path.join(dir, 'zh-CN', '0008.md');
    const source = readFileSync(file, 'utf8');
    const under = loadContentFiles(dir, options, { fresh: true });
    // The read has begun: it lists and reads the folder.
    await new Promise((resolve) => setImmediate(resolve));
    // A checkout reports each file it writes: many changes, each asking for a fresh read.
    const asked = [];
    for (const version of ['甲', '乙', '丙']) {
      writeFileSync(file, source.replace(/^description: .*$/m, `description: 第${version}版`));
      asked.push(loadContentFiles(dir, options, { fresh: true }), loadContentFiles(dir, options, { fresh: true }));
    }
    const reads = await Promise.all(asked);
    expect(new Set(reads).size).toBe(1);
    expect(reads[0]).not.toBe(await under);
    expect(reads[0]?.issues.find((issue) => issue.data.number === 8)?.data.description).toBe('第丙版');
  });
});

describe('a file the renderer cannot take', () => {
  it('is a problem naming the file, the others read as ever', async () => {
    const dir = tempDir('reread-deep');
    cpSync(path.join(projectRoot, 'src/content/issues'), dir, { recursive: true });
    const file = path.join(dir, 'zh-CN', '0008.md');
    const source = readFileSync(file, 'utf8');
    // HTML nested deeper than the renderer's stack.
    writeFileSync(file, source.replace('\n## Heat\n', `\n## Heat\n\n${'<div>'.repeat(20_000)}x${'</div>'.repeat(20_000)}\n`));
    const content = await loadContentFiles(dir, options, { fresh: true });
    expect(content.problems).toEqual([
      expect.objectContaining({ file, field: 'body', message: expect.stringContaining('the file could not be rendered') }),
    ]);
    expect(content.issues.map((issue) => issue.data.number)).toEqual([1]);
  });
});

describe('a save the read caught half done', () => {
  it('is told apart from a file read whole, so the dev server reads it again', async () => {
    const dir = tempDir('reread-half');
    cpSync(path.join(projectRoot, 'src/content/issues'), dir, { recursive: true });
    const file = path.join(dir, 'zh-CN', '0008.md');
    const source = readFileSync(file, 'utf8');
    // An editor's save as the watcher may report it: the file emptied, read then.
    writeFileSync(file, '');
    const half = await loadContentFiles(dir, options, { fresh: true });
    expect(half.problems.map((problem) => problem.field)).toContain('front matter');
    expect(await writtenSinceRead(file)).toBe(false);
    writeFileSync(file, source);
    expect(await writtenSinceRead(file)).toBe(true);
    const whole = await loadContentFiles(dir, options, { fresh: true });
    expect(whole.problems).toEqual([]);
    expect(await writtenSinceRead(file)).toBe(false);
    expect(await writtenSinceRead(path.join(dir, 'zh-CN', 'never-read.md'))).toBe(false);
  });

  it('is told apart in a registry, whose collection is published again once it is read whole', async () => {
    const dir = tempDir('reread-registry');
    const files = { projects: path.join(dir, 'projects.yaml'), releases: path.join(dir, 'releases.yaml') };
    const good = readFileSync(registryFile, 'utf8');
    writeFileSync(files.projects, good);
    writeFileSync(files.releases, readFileSync(releasesFile, 'utf8'));
    const source = registrySource(files);
    let reloads = 0;
    source.onReload(() => (reloads += 1));
    writeFileSync(files.projects, '');
    source.reloadFor('change\0emptied');
    expect(source.problems()).not.toEqual([]);
    expect(await writtenSinceRead(files.projects)).toBe(false);
    // The rest of the save, which the watcher did not report.
    writeFileSync(files.projects, good);
    expect(await writtenSinceRead(files.projects)).toBe(true);
    source.reloadFor('settled\0projects.yaml');
    expect(source.problems()).toEqual([]);
    expect(await writtenSinceRead(files.projects)).toBe(false);
    expect(reloads).toBe(2);
  });

  it('is told apart in the link checks beside zh-CN/', async () => {
    const dir = tempDir('reread-health-half');
    cpSync(path.join(projectRoot, 'src/content/issues'), dir, { recursive: true });
    const health = path.join(dir, 'link-health.yaml');
    writeFileSync(health, '');
    await loadContentFiles(dir, options, { fresh: true });
    expect(await writtenSinceRead(health)).toBe(false);
    writeFileSync(health, '- address: https://github.com/softlayer/jumpgate\n  checked: 2026-11-20\n  status: 404\n');
    expect(await writtenSinceRead(health)).toBe(true);
    await loadContentFiles(dir, options, { fresh: true });
    expect(await writtenSinceRead(health)).toBe(false);
  });

  it('is not confused with a read made before the link data changed', async () => {
    const dir = tempDir('reread-after-links');
    cpSync(path.join(projectRoot, 'src/content/issues'), dir, { recursive: true });
    const file = path.join(dir, 'zh-CN', '0008.md');
    await loadContentFiles(dir, options, { fresh: true });
    // npm run links rewrites its checks while the dev server runs: every file is read again.
    writeFileSync(path.join(dir, 'link-health.yaml'), '- address: https://example.org/\n  checked: 2026-11-20\n  status: 200\n');
    await loadContentFiles(dir, options, { fresh: true });
    // Then an edit, read whole: the dev server must not read it (and reload the open pages) again.
    writeFileSync(file, readFileSync(file, 'utf8').replace('published: 2014-02-15', 'published: 2014-02-16'));
    await loadContentFiles(dir, options, { fresh: true });
    expect(await writtenSinceRead(file)).toBe(false);
  });
});

describe('reading a folder again after the link data changed', () => {
  it('dates a translation’s archived copies anew when only its issue’s day changed', async () => {
    const dir = tempDir('reread-links');
    cpSync(path.join(projectRoot, 'src/content/issues'), dir, { recursive: true });
    const translationDays = (content: Awaited<ReturnType<typeof loadContentFiles>>) =>
      new Set(content.translations.find(({ locale, data }) => locale === 'en' && data.number === 8)?.body.links.map((plan) => plan.day));
    expect(translationDays(await loadContentFiles(dir, options))).toEqual(new Set(['2014-02-15']));
    const issue = path.join(dir, 'zh-CN', '0008.md');
    writeFileSync(issue, readFileSync(issue, 'utf8').replace('published: 2014-02-15', 'published: 2014-02-16'));
    const second = await loadContentFiles(dir, options);
    expect(second.problems).toEqual([]);
    expect(translationDays(second)).toEqual(new Set(['2014-02-16']));
  });

  it('reads the link checks beside zh-CN/, sending a link they call dead to its archived copy', async () => {
    const dir = tempDir('reread-health');
    cpSync(path.join(projectRoot, 'src/content/issues'), dir, { recursive: true });
    const jumpgate = (content: Awaited<ReturnType<typeof loadContentFiles>>) =>
      content.issues
        .find(({ data }) => data.number === 8)
        ?.body.links.find((plan) => plan.original === 'https://github.com/softlayer/jumpgate');
    expect(jumpgate(await loadContentFiles(dir, options))).toMatchObject({
      state: 'linked',
      href: 'https://github.com/softlayer/jumpgate',
    });
    writeFileSync(
      path.join(dir, 'link-health.yaml'),
      '- address: https://github.com/softlayer/jumpgate\n  checked: 2026-11-20\n  status: 404\n',
    );
    const second = await loadContentFiles(dir, options);
    // Not a stray file of the folder: the one file of link checks.
    expect(second.problems).toEqual([]);
    expect(jumpgate(second)).toMatchObject({
      state: 'dead',
      href: 'https://web.archive.org/web/20140215/https://github.com/softlayer/jumpgate',
    });
  });
});
