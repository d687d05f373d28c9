import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesContent } from '../../../src/pipeline/loaders.ts';
import { linkMovesFile, publicDir, registryFile, releasesFile } from '../../../src/pipeline/paths.ts';

const folder = path.resolve('/tmp/digest-issues');
const registries = [registryFile, releasesFile];
const changes = (event: string, changed: string) => changesContent(event, changed, folder, registries);

describe('what the dev server reads the content again for', () => {
  it('reads again for the issues folder, the known moves and the registries', () => {
    expect(changes('change', path.join(folder, 'zh-CN', '0008.md'))).toBe(true);
    expect(changes('add', path.join(folder, 'notes.txt'))).toBe(true);
    expect(changes('unlinkDir', folder)).toBe(true);
    expect(changes('change', linkMovesFile)).toBe(true);
    expect(changes('change', releasesFile)).toBe(true);
  });

  it("does not for an editor's swap file or backup copy, nor a folder that only starts with the same name", () => {
    expect(changes('add', path.join(folder, 'zh-CN', '.0008.md.swp'))).toBe(false);
    expect(changes('add', path.join(folder, 'zh-CN', '0008.md~'))).toBe(false);
    expect(changes('change', `${folder}-old/zh-CN/0008.md`)).toBe(false);
  });

  it('reads again when a file of public/ is made or removed: an image saved there clears the problem its link raised', () => {
    expect(changes('add', path.join(publicDir, 'images', 'arch.png'))).toBe(true);
    expect(changes('unlink', path.join(publicDir, 'images', 'arch.png'))).toBe(true);
    expect(changes('unlinkDir', path.join(publicDir, 'images'))).toBe(true);
    // What a file of public/ holds is no matter of the content.
    expect(changes('change', path.join(publicDir, 'favicon.svg'))).toBe(false);
    expect(changes('add', path.resolve('src/pages/index.astro'))).toBe(false);
  });
});
