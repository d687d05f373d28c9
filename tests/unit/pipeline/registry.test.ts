import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registryFile, releasesFile } from '../../../src/pipeline/paths.ts';
import { registrySource } from '../../../src/pipeline/registry.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

/** Copies of the real registries, to edit as an editor would while the dev server runs. */
function copies() {
  const dir = tempDir('registries');
  const files = { projects: path.join(dir, 'projects.yaml'), releases: path.join(dir, 'releases.yaml') };
  writeFileSync(files.projects, readFileSync(registryFile, 'utf8'));
  writeFileSync(files.releases, readFileSync(releasesFile, 'utf8'));
  return files;
}

const nova = (source: ReturnType<typeof registrySource>) => source.current()?.projects.find((project) => project.id === 'nova');
const aliasOf = (text: string, alias: string) => text.replace(/(- id: nova\n(?:.*\n)*?\s+aliases: \[)/, `$1${alias}, `);

describe('the registries as the loaders read them', () => {
  afterAll(removeTempDirs);

  it('read again on a change, an alias just added included, once however many loaders hear it', async () => {
    const files = copies();
    const source = registrySource(files);
    expect(source.problems()).toEqual([]);
    expect(nova(source)?.aliases).not.toContain('新星');
    writeFileSync(files.projects, aliasOf(readFileSync(files.projects, 'utf8'), '新星'));
    source.reloadFor('change\0projects.yaml');
    expect(nova(source)?.aliases).toContain('新星');
    expect(source.current()?.concepts.find((concept) => concept.key === 'project:nova')?.names).toContain('新星');
    // The same change heard by the next loader reads nothing again; a later change does.
    writeFileSync(files.projects, readFileSync(registryFile, 'utf8'));
    source.reloadFor('change\0projects.yaml');
    expect(nova(source)?.aliases).toContain('新星');
    await new Promise((resolve) => setImmediate(resolve));
    source.reloadFor('change\0projects.yaml');
    expect(nova(source)?.aliases).not.toContain('新星');
  });

  it('keep the last good reading and name the file and line of what stops a new one, until it is fixed', () => {
    const files = copies();
    const source = registrySource(files);
    const good = readFileSync(files.projects, 'utf8');
    // Two projects claim one name.
    writeFileSync(files.projects, aliasOf(good, 'Cinder'));
    source.reloadFor('change\0a');
    expect(source.problems()).toEqual([
      expect.objectContaining({
        field: 'registry',
        line: expect.any(Number),
        message: expect.stringContaining('names both nova (as "Cinder"'),
      }),
    ]);
    expect(nova(source)?.aliases).not.toContain('Cinder');
    writeFileSync(files.projects, good.replace('- id: nova', '- id: nova\n  kind: [broken'));
    source.reloadFor('change\0b');
    expect(source.problems()[0]).toMatchObject({
      file: files.projects,
      line: expect.any(Number),
      message: expect.stringContaining('YAML'),
    });
    writeFileSync(files.projects, good);
    source.reloadFor('change\0c');
    expect(source.problems()).toEqual([]);
  });

  it("refuse a name a heading cannot tell from another project's, which search would not see as one", () => {
    const files = copies();
    const good = readFileSync(files.projects, 'utf8');
    // Headings ignore spaces and punctuation: this is Neutron's "OpenStack Networking" to them.
    writeFileSync(files.projects, aliasOf(good, 'OpenStack-Networking'));
    const source = registrySource(files);
    expect(source.problems()).toEqual([
      expect.objectContaining({
        file: files.projects,
        line: good.split('\n').findIndex((line) => line.includes('aliases: [Quantum')) + 1,
        message: expect.stringMatching(
          /^project neutron, aliases\.1: "OpenStack Networking" names both nova \(as "OpenStack-Networking", aliases\.0, line \d+\) and neutron/,
        ),
      }),
    ]);
    expect(source.current()).toBeUndefined();
  });

  it('refuse a name of punctuation only, which no heading could name', () => {
    const files = copies();
    const good = readFileSync(files.projects, 'utf8');
    writeFileSync(files.projects, aliasOf(good, '"——"'));
    const source = registrySource(files);
    expect(source.problems()).toEqual([
      expect.objectContaining({
        file: files.projects,
        line: expect.any(Number),
        message: expect.stringContaining('project nova, aliases.0: "——" has no letter or digit'),
      }),
    ]);
  });

  it('read names as issue text is read: direction controls removed, what is not text refused', () => {
    const files = copies();
    const good = readFileSync(files.projects, 'utf8');
    // Pasted with a right-to-left override, as a title or heading could be: removed there too.
    writeFileSync(
      files.projects,
      aliasOf(good.replace('name: { zh-CN: Nova, en: Nova }', 'name: { zh-CN: "\u202eNova", en: Nova }'), '"Com\u2066pute2"'),
    );
    const read = registrySource(files);
    expect(read.problems()).toEqual([]);
    expect(nova(read)?.name['zh-CN']).toBe('Nova');
    expect(nova(read)?.aliases[0]).toBe('Compute2');

    writeFileSync(files.projects, aliasOf(good, '"Compute\\x1b[31m"'));
    expect(registrySource(files).problems()).toEqual([
      expect.objectContaining({
        file: files.projects,
        line: good.split('\n').findIndex((line) => line.includes('aliases: [OpenStack Compute')) + 1,
        message: expect.stringContaining('project nova, aliases.0: holds a character that is not text (U+001B), written as an escape'),
      }),
    ]);
    writeFileSync(files.projects, aliasOf(good, 'Compute\u0008'));
    expect(registrySource(files).problems()).toEqual([
      expect.objectContaining({ message: expect.stringContaining('an invisible control character (U+0008)') }),
    ]);
    // Saved as GBK by a Chinese editor: every Chinese name would be garbled, not one refused.
    // A last line "# 你好" in GBK.
    writeFileSync(files.projects, Buffer.concat([Buffer.from(good), Buffer.from([0x23, 0x20, 0xc4, 0xe3, 0xba, 0xc3, 0x0a])]));
    expect(registrySource(files).problems()).toEqual([
      expect.objectContaining({ file: files.projects, line: good.split('\n').length, message: expect.stringContaining('not UTF-8 text') }),
    ]);
  });

  it("word an entry that does not fit as an issue's front matter is worded: the field, what is wrong, what to write", () => {
    const files = copies();
    const good = readFileSync(files.projects, 'utf8');
    const problemsWith = (text: string) => {
      writeFileSync(files.projects, text);
      return registrySource(files).problems();
    };
    expect(problemsWith(aliasOf(good, '"  "'))).toEqual([
      expect.objectContaining({ message: 'project nova, aliases.0: aliases.0 is empty', fix: 'remove the empty item or write the name' }),
    ]);
    expect(problemsWith(good.replace('- id: swift\n  kind', '- kind'))).toEqual([
      expect.objectContaining({
        message: 'project #4, id: the required field id is missing',
        fix: 'add id: nova (lower-case letters, digits and dashes)',
      }),
    ]);
    expect(problemsWith(good.replace('  aliases: [OpenStack Compute', '  alias: [OpenStack Compute'))).toEqual([
      expect.objectContaining({
        message: 'project nova, alias: unknown field alias',
        fix: expect.stringContaining('correct its spelling'),
      }),
    ]);
    // YAML reads 2013.10 as the number 2013.1: said as written, with the quotes that keep it.
    writeFileSync(files.projects, good);
    writeFileSync(files.releases, readFileSync(releasesFile, 'utf8').replace('aliases: [Grizzly版]', 'aliases: [Grizzly版, 2013.10]'));
    expect(registrySource(files).problems()).toEqual([
      expect.objectContaining({
        message: 'release grizzly, aliases.1: 2013.10 reads as a number in YAML, not as the text written',
        fix: "put it in quotes: '2013.10'",
      }),
    ]);
    writeFileSync(files.releases, readFileSync(releasesFile, 'utf8'));
    // An id the pages give an element of their own: the skip link or the contents would lead to the section.
    for (const [id, clash] of [
      ['main', 'main'],
      ['toc', 'toc-title'],
      ['digest', 'feed-digest'],
      ['nova-title', 'nova-title'],
    ]) {
      expect(problemsWith(good.replace('- id: swift', `- id: ${id}`)), id).toEqual([
        expect.objectContaining({
          line: good.split('\n').indexOf('- id: swift') + 1,
          message: `project ${id}, id: "${id}" would give a page two elements with the id "${clash}"`,
          fix: 'choose another id',
        }),
      ]);
    }
    // The fix of a message that gives one is the fix reported.
    expect(problemsWith(good.replace('- id: swift', '- id: nova'))).toEqual([
      expect.objectContaining({ message: 'project id nova appears twice', fix: 'keep one entry' }),
    ]);
  });

  it('name the lines of both entries that claim one name across the registries, and every such name', () => {
    const files = copies();
    const releases = readFileSync(files.releases, 'utf8');
    const lineOf = (text: string, written: string) => text.split('\n').findIndex((line) => line.includes(written)) + 1;
    writeFileSync(files.releases, releases.replace('aliases: [Grizzly版]', 'aliases: [Grizzly版, nova, "I|J"]'));
    const source = registrySource(files);
    const projectsLine = lineOf(readFileSync(files.projects, 'utf8'), 'name: { zh-CN: Nova');
    expect(source.problems()).toEqual([
      expect.objectContaining({
        file: files.releases,
        line: lineOf(releases, 'aliases: [Grizzly版]'),
        message: `release grizzly, aliases.1: "nova" names both project:nova (name.zh-CN, ${files.projects}:${projectsLine}) and release:grizzly`,
        fix: 'keep it on one',
      }),
      expect.objectContaining({
        file: files.releases,
        message:
          'release grizzly, aliases.2: "I|J" (release:grizzly) may not contain | nor start with ~ or +, which the search vocabulary writes names with',
        fix: 'write it without them',
      }),
    ]);
  });

  it('name a line indented with a tab, which YAML reads as part of the line before', () => {
    const files = copies();
    const good = readFileSync(files.projects, 'utf8');
    writeFileSync(files.projects, good.replace('- id: nova\n  kind: project', '- id: nova\n\tkind: project'));
    expect(registrySource(files).problems()).toEqual([
      expect.objectContaining({
        file: files.projects,
        line: good.split('\n').indexOf('- id: nova') + 2,
        message: 'the line is indented with a tab, which YAML does not allow',
        fix: 'indent it with spaces',
      }),
    ]);
  });

  it('refuse a value a comment cuts short, which YAML would drop in silence', () => {
    const files = copies();
    const good = readFileSync(files.projects, 'utf8');
    writeFileSync(files.projects, good.replace('  aliases: [OpenStack Compute]', '  aliases:\n    - Compute2\n    - OpenStack Compute #1'));
    expect(registrySource(files).problems()).toEqual([
      expect.objectContaining({
        file: files.projects,
        line: good.split('\n').indexOf('  aliases: [OpenStack Compute]') + 3,
        message: 'the text after " #" on this line is a YAML comment, so "OpenStack Compute" would be all that is read',
      }),
    ]);
  });

  it('report a registry broken from the start, with nothing read', () => {
    const files = copies();
    writeFileSync(files.releases, 'not: [a list\n');
    const source = registrySource(files);
    expect(source.current()).toBeUndefined();
    expect(source.problems()).toEqual([
      expect.objectContaining({ file: files.releases, line: 2, field: 'registry', message: expect.stringContaining('broken YAML') }),
    ]);
  });
});
