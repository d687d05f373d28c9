import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesContent } from '../../../src/pipeline/loaders.ts';
import { linkMovesFile, publicDir, registryFile, releasesFile } from '../../../src/pipeline/paths.ts';

const folder = path.resolve('/tmp/digest-issues');
const registries = [registryFile, releasesFile];
const changes = (changed: string) => changesContent(changed, folder, registries);

describe('what the dev server reads the content again for', () => {
  it('reads again for the issues folder, the known moves and the registries', () => {
    expect(changes(path.join(folder, 'zh-CN', '0008.md'))).toBe(true);
    expect(changes(path.join(folder, 'notes.txt'))).toBe(true);
    expect(changes(folder)).toBe(true);
    expect(changes(linkMovesFile)).toBe(true);
    expect(changes(releasesFile)).toBe(true);
  });

  it("does not for an editor's swap file or backup copy, nor a folder that only starts with the same name", () => {
    expect(changes(path.join(folder, 'zh-CN', '.0008.md.swp'))).toBe(false);
    expect(changes(path.join(folder, 'zh-CN', '0008.md~'))).toBe(false);
    expect(changes(`${folder}-old/zh-CN/0008.md`)).toBe(false);
  });

  it('reads again for a file of public/ made, saved or removed, and nothing else of the project', () => {
    // An image saved there clears the problem its link raised; an SVG saved with a script raises one.
    expect(changes(path.join(publicDir, 'images', 'arch.png'))).toBe(true);
    expect(changes(path.join(publicDir, 'images', 'chart.svg'))).toBe(true);
    expect(changes(path.join(publicDir, 'images'))).toBe(true);
    expect(changes(path.resolve('src/pages/index.astro'))).toBe(false);
  });

  it("does not for an editor's swap file or backup copy in public/, which Vim writes again every few seconds", () => {
    expect(changes(path.join(publicDir, 'images', '.chart.svg.swp'))).toBe(false);
    expect(changes(path.join(publicDir, 'images', 'chart.svg~'))).toBe(false);
    expect(changes(path.join(publicDir, 'images', '4913'))).toBe(false);
    // A hidden folder there is published, and may be linked.
    expect(changes(path.join(publicDir, '.well-known', 'security.txt'))).toBe(true);
  });
});
