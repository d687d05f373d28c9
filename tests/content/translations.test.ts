/**
 * Translations end to end with the real commands: a changed Chinese source makes its translation
 * stale in `npm run check` and on the built page; `translate` scaffolds and re-hashes.
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { projectRoot, runAstro, runScript } from '../helpers/commands.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const copyContent = () => {
  const dir = tempDir('translations');
  cpSync(path.join(projectRoot, 'src/content/issues'), dir, { recursive: true });
  return dir;
};

describe('the committed translations', () => {
  it('are complete: no placeholder left from the scaffold', () => {
    for (const name of ['0001.md', '0008.md']) {
      const text = readFileSync(path.join(projectRoot, 'src/content/issues/en', name), 'utf8');
      expect(text).not.toMatch(/TODO|<!--/);
    }
  });
});

describe('a stale translation', () => {
  const dir = copyContent();
  const env = { DIGEST_CONTENT_DIR: dir };
  const chinese = path.join(dir, 'zh-CN', '0008.md');

  it('is not reported while the Chinese text is unchanged', () => {
    const result = runScript('scripts/check.ts', [], env);
    expect(result.status).toBe(0);
    expect(result.output).toMatch(/2 issues and 2 translations in .*: no content problems\./);
    expect(result.output).not.toContain('stale');
  });

  it('is listed by npm run check once the Chinese text changes, without failing it', () => {
    writeFileSync(chinese, readFileSync(chinese, 'utf8').replace(/(## Heat\n\n)/, '$1编辑后来补充的一句话。\n\n'));
    const result = runScript('scripts/check.ts', [], env);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`stale translation: ${path.join(dir, 'en', '0008.md')} translates an older version of issue 8`);
    expect(result.output).toContain('1 of them possibly out of date');
  });

  it('says so on its page and in listings, and the build still succeeds', () => {
    const outDir = path.join(dir, 'dist');
    const result = runAstro(['build', '--outDir', outDir], env);
    expect(result.status).toBe(0);
    const page = readFileSync(path.join(outDir, 'en/issues/8/index.html'), 'utf8');
    expect(page).toContain('class="translation-notice translation-notice--stale"');
    expect(page).toContain('The Chinese original has changed since this translation was made');
    // The notice's element, not its class in the page's inline styles.
    expect(readFileSync(path.join(outDir, 'en/issues/1/index.html'), 'utf8')).not.toMatch(/class="translation-notice/);
    expect(readFileSync(path.join(outDir, 'en/index.html'), 'utf8')).toContain('Translation may be out of date');
    expect(readFileSync(path.join(outDir, 'en/translations/index.html'), 'utf8')).toMatch(/data-count="stale">1\b/);
    // Its search result says so too: the record the index holds for it is marked (a fragment is gzipped JSON behind Pagefind's signature).
    const fragments = readdirSync(path.join(outDir, 'pagefind/fragment')).map(
      (name) =>
        JSON.parse(
          gunzipSync(readFileSync(path.join(outDir, 'pagefind/fragment', name)))
            .toString('utf8')
            .replace(/^pagefind_dcd/, ''),
        ) as { url: string; meta: Record<string, string> },
    );
    expect(fragments.filter((fragment) => fragment.meta['stale']).map((fragment) => fragment.url)).toEqual(['/en/issues/8/']);
  });

  it('is current again after npm run translate -- 8 --rehash', () => {
    expect(runScript('scripts/translate.ts', ['8', '--rehash'], env).status).toBe(0);
    expect(runScript('scripts/check.ts', [], env).output).not.toContain('stale');
    // Again, with nothing changed since: nothing is written, and it says so.
    const english = path.join(dir, 'en', '0008.md');
    const again = runScript('scripts/translate.ts', ['8', '--rehash'], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`${english} already records the current text of ${chinese} as translated; nothing was written.`);
  });

  it('is made current by --rehash with its source written in the flow form the check suggests', () => {
    const english = path.join(dir, 'en', '0008.md');
    writeFileSync(english, readFileSync(english, 'utf8').replace(/source:\n {2}sha256: [0-9a-f]{64}\n/, 'source: { sha256: <hash> }\n'));
    // (The build above left dist/ in the folder, which the check reports too.)
    expect(runScript('scripts/check.ts', [], env).output).toContain(path.join('en', '0008.md'));
    const result = runScript('scripts/translate.ts', ['8', '--rehash'], env);
    expect(result.status, result.output).toBe(0);
    expect(readFileSync(english, 'utf8')).toMatch(/^source: \{ sha256: [0-9a-f]{64} \}$/m);
    const check = runScript('scripts/check.ts', [], env);
    expect(check.output).not.toContain(path.join('en', '0008.md'));
    expect(check.output).not.toContain('stale');
  });
});

describe('a section the Chinese editor adds to a translated issue', () => {
  it('makes the translation stale, listing what its update brings, without failing the check; after --rehash it must be there', () => {
    const dir = copyContent();
    const env = { DIGEST_CONTENT_DIR: dir };
    const chinese = path.join(dir, 'zh-CN', '0008.md');
    const english = path.join(dir, 'en', '0008.md');
    writeFileSync(
      chinese,
      `${readFileSync(chinese, 'utf8').replace('projects: [industry, common, heat]', 'projects: [industry, common, heat, nova]').trimEnd()}\n\n## Nova\n\n编者后来补充的 Nova 动态。\n`,
    );
    const lines = readFileSync(english, 'utf8').trimEnd().split('\n').length;
    const check = runScript('scripts/check.ts', [], env);
    expect(check.status, check.output).toBe(0);
    expect(check.stderr).toContain(`stale translation: ${english} translates an older version of issue 8`);
    expect(check.stderr).toContain(
      `  ${english}:${lines}  body: the issue has a "Nova" section (nova) that the translation lacks. Fix: add a "## Nova" section at the end`,
    );
    expect(check.output).toContain('1 of them possibly out of date');
    // The translator rehashes without adding the section: now it is the translation's own problem, said at once.
    const rehash = runScript('scripts/translate.ts', ['8', '--rehash'], env);
    expect(rehash.status).toBe(0);
    expect(rehash.stderr).toContain(
      `Its sections still differ from the issue's, so npm run check fails until they match:\n  ${english}:${lines}  body: the issue has a "Nova" section (nova) that the translation lacks`,
    );
    const after = runScript('scripts/check.ts', [], env);
    expect(after.status).toBe(1);
    expect(after.output).toContain(`${english}:${lines}  body: the issue has a "Nova" section (nova) that the translation lacks`);
    expect(after.output).not.toContain('stale');
  });
});

describe('npm run translate -- --rehash on a symbolic link leading out of the folder', () => {
  it('writes nothing through it', () => {
    const dir = copyContent();
    const outside = path.join(tempDir('outside'), '0008.md');
    const english = path.join(dir, 'en', '0008.md');
    writeFileSync(outside, readFileSync(english, 'utf8').replace(/sha256: [0-9a-f]{64}/, `sha256: ${'0'.repeat(64)}`));
    const before = readFileSync(outside, 'utf8');
    rmSync(english);
    symlinkSync(outside, english);
    const result = runScript('scripts/translate.ts', ['8', '--rehash'], { DIGEST_CONTENT_DIR: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`0008.md is a symbolic link to ${outside}, outside the issues folder; nothing was written.`);
    expect(readFileSync(outside, 'utf8')).toBe(before);
  });

  it('writes nothing through an en/ linked to a folder outside, scaffolding or rehashing', () => {
    const dir = copyContent();
    const outside = tempDir('outside');
    cpSync(path.join(dir, 'en'), outside, { recursive: true });
    rmSync(path.join(dir, 'en'), { recursive: true });
    symlinkSync(outside, path.join(dir, 'en'));
    const before = readFileSync(path.join(outside, '0008.md'), 'utf8');
    for (const args of [['8', '--rehash'], ['1', '--rehash'], ['1']]) {
      if (args[0] === '1') rmSync(path.join(outside, '0001.md'), { force: true });
      const result = runScript('scripts/translate.ts', args, { DIGEST_CONTENT_DIR: dir });
      expect(result.status, result.output).toBe(1);
      expect(result.stderr).toContain(
        `${path.join(dir, 'en')} is a symbolic link to ${outside}, outside the issues folder; nothing was written.`,
      );
    }
    expect(readdirSync(outside)).toEqual(['0008.md']);
    expect(readFileSync(path.join(outside, '0008.md'), 'utf8')).toBe(before);
  });
});

describe('npm run translate', () => {
  const dir = copyContent();
  const env = { DIGEST_CONTENT_DIR: dir };

  it('refuses to overwrite an existing translation', () => {
    const before = readFileSync(path.join(dir, 'en', '0001.md'), 'utf8');
    const result = runScript('scripts/translate.ts', ['1'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('0001.md already exists; nothing was written');
    expect(readFileSync(path.join(dir, 'en', '0001.md'), 'utf8')).toBe(before);
  });

  it('scaffolds a translation that records the current Chinese text and one section per section', () => {
    rmSync(path.join(dir, 'en', '0001.md'));
    expect(runScript('scripts/translate.ts', ['1'], env).status).toBe(0);
    const scaffold = readFileSync(path.join(dir, 'en', '0001.md'), 'utf8');
    expect(scaffold).toMatch(/^number: 1$/m);
    expect(scaffold.match(/^## /gm)).toHaveLength(readFileSync(path.join(dir, 'zh-CN', '0001.md'), 'utf8').match(/^## /gm)?.length ?? -1);
    const check = runScript('scripts/check.ts', [], env);
    expect(check.status).toBe(0);
    expect(check.output).not.toContain('stale');
  });

  it('refuses to write a second translation beside one filed under another name', () => {
    const misnamed = path.join(dir, 'en', '0042.md');
    renameSync(path.join(dir, 'en', '0008.md'), misnamed);
    const result = runScript('scripts/translate.ts', ['8'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('0042.md already holds the en translation of issue 8; nothing was written. Rename it to 0008.md');
    expect(existsSync(path.join(dir, 'en', '0008.md'))).toBe(false);
    expect(runScript('scripts/check.ts', [], env).stderr).toContain(
      `${misnamed}:2  file name: the file holds issue 8 but is named 0042.md`,
    );
    renameSync(misnamed, path.join(dir, 'en', '0008.md'));
  });

  it('does not ask a copy beside the translation to be renamed onto it: one of the two is to go', () => {
    const english = path.join(dir, 'en', '0008.md');
    const copy = path.join(dir, 'en', '0008-bob.md');
    cpSync(english, copy);
    const before = readFileSync(english, 'utf8');
    for (const args of [['8'], ['8', '--rehash']]) {
      const result = runScript('scripts/translate.ts', args, env);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `${english} and ${copy} both hold the en translation of issue 8; nothing was written. Keep one: bring what ${copy} has that ${english} lacks into ${english}, then delete ${copy}`,
      );
      expect(result.stderr).not.toContain('Rename it');
    }
    expect(readFileSync(english, 'utf8')).toBe(before);
    rmSync(copy);
  });

  it('says an issue is not there, whatever problem another issue has, and names the problems of one that is', () => {
    const one = path.join(dir, 'zh-CN', '0001.md');
    const text = readFileSync(one, 'utf8');
    writeFileSync(one, `${text}\n见 [第99期](/issues/99/)\n`);
    const missing = runScript('scripts/translate.ts', ['9'], env);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(`There is no issue 9 in ${dir}; nothing was written.`);
    // Issue 1's number written in words: the file is there, and what is wrong with it is the answer.
    rmSync(path.join(dir, 'en', '0001.md'));
    writeFileSync(one, text.replace('number: 1\n', 'number: one\n'));
    const broken = runScript('scripts/translate.ts', ['1'], env);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`${one}:2  number:`);
    expect(broken.stderr).toContain('Fix these first: the translation is made from issue 1 as it checks.');
    expect(existsSync(path.join(dir, 'en', '0001.md'))).toBe(false);
    writeFileSync(one, text);
    expect(runScript('scripts/translate.ts', ['1'], env).status).toBe(0);
  });

  it('translates no issue two files hold, as a copy kept beside it does', () => {
    const translation = path.join(dir, 'en', '0008.md');
    const before = readFileSync(translation, 'utf8');
    const copy = path.join(dir, 'zh-CN', '0008 copy.md');
    writeFileSync(copy, `${readFileSync(path.join(dir, 'zh-CN', '0008.md'), 'utf8')}\n旧稿多出的一句。\n`);
    for (const args of [['8', '--rehash'], ['8']]) {
      const result = runScript('scripts/translate.ts', args, env);
      expect(result.status, result.output).toBe(1);
      expect(result.stderr).toContain(`number: 第八期 (number 8) is also ${copy}`);
      expect(readFileSync(translation, 'utf8')).toBe(before);
    }
    rmSync(copy);
  });

  it('rejects a translation of an issue that does not exist, naming file and field', () => {
    const orphan = path.join(dir, 'en', '0005.md');
    writeFileSync(
      orphan,
      readFileSync(path.join(dir, 'en', '0008.md'), 'utf8')
        .replace('number: 8', 'number: 5')
        .replace('Issue 8', 'Issue 5'),
    );
    const result = runScript('scripts/check.ts', [], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${orphan}:2  number: there is no issue 5 to translate`);
  });
});
