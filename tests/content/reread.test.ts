/**
 * A folder read again (as `npm run dev` does after each save) sees every change, even one that
 * keeps the file's size, and only what changed is validated and rendered again.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentFiles } from '../../src/pipeline/content-files.ts';
import { getSiteUrl, registryFile } from '../../src/pipeline/paths.ts';
import { loadProjectRegistry } from '../../src/pipeline/registry.ts';
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
