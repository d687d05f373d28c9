import { describe, expect, it } from 'vitest';
import { overlayLocation, type ContentProblem } from '../../../src/pipeline/problems.ts';

const problem = (file: string, line?: number): ContentProblem => ({
  file,
  ...(line === undefined ? {} : { line }),
  field: 'f',
  message: 'm',
  fix: 'x',
});
const root = '/home/me/digest';

describe("where the dev server's error overlay opens the content's problems", () => {
  it.each([
    ['an issue in the project', [problem('src/content/issues/zh-CN/0008.md', 2)], 'src/content/issues/zh-CN/0008.md', 2],
    // Astro puts any path not under the project below it: one outside is written relative to the project.
    ['an issue of an issues folder outside the project', [problem('/tmp/corpus/en/0008.md', 7)], '../../../tmp/corpus/en/0008.md', 7],
    ['a registry', [problem('src/content/projects.yaml', 40)], 'src/content/projects.yaml', 40],
    // Astro highlights the file by its extension, and knows no SVG: the overlay would fail, leaving a blank page.
    [
      'the first problem in a file the overlay shows as text',
      [problem('public/images/a.svg', 1), problem('/tmp/corpus/zh-CN/0003.md', 9)],
      '../../../tmp/corpus/zh-CN/0003.md',
      9,
    ],
  ])('opens %s at its line', (_case, problems, file, line) => {
    expect(overlayLocation(problems, root)).toEqual({ file, line, column: 1 });
  });

  it.each([
    ['an SVG of public/', [problem('public/images/a.svg', 3)]],
    ['an image left in the issues folder', [problem('/tmp/corpus/zh-CN/diagram.png')]],
    ['a host file of public/', [problem('public/_redirects', 1)]],
    // A link out of the folder is not read, nor shown: it may lead to a secret.
    ['a symbolic link named as an issue, at no line', [problem('/tmp/corpus/zh-CN/0011.md')]],
    ['no problem', []],
  ])('opens no file for %s', (_case, problems) => {
    expect(overlayLocation(problems, root)).toBeUndefined();
  });
});
