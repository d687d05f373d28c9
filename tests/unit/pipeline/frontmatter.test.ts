import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../../src/pipeline/frontmatter.ts';

describe('parseFrontmatter', () => {
  it('gives the data, the body and the line of every field', () => {
    const parsed = parseFrontmatter('---\nnumber: 8\nperiod:\n  start: 2014-02-03\n---\n\n## Nova\n');
    expect(parsed).toMatchObject({ data: { number: 8, period: { start: '2014-02-03' } }, body: '\n## Nova\n', bodyLine: 6 });
    expect('lineOf' in parsed && parsed.lineOf(['period', 'start'])).toBe(4);
  });

  it.each([
    ['a body after an unclosed block, closed by a rule further down', '---\nnumber: 8\n\n## Nova\n\n文字：\n\n---\n\n更多\n', 4],
    ['a block never closed', '---\nnumber: 8\ntitle: x\n\n前言。\n', 5],
  ])('names the missing "---" for %s, not a body line as broken YAML', (_name, source, line) => {
    expect(parseFrontmatter(source)).toEqual({
      line,
      message: expect.stringContaining('the front matter opened on line 1 is not closed before the body'),
      fix: `add a "---" line after the last field, before line ${line}`,
    });
  });

  it('still reports broken YAML inside a closed block', () => {
    expect(parseFrontmatter('---\nnumber: 8\nattribution:\n  editor: 甲\n editor: 乙\n---\n')).toMatchObject({
      line: 5,
      message: expect.stringContaining('broken YAML'),
      fix: 'correct the YAML between the two "---" lines',
    });
  });

  it.each([
    [
      'a list',
      'projects: [nova, neutron',
      'projects: the value opens a list with "[" that is never closed',
      'close it on its line (projects: [nova, neutron]), or remove the "[" if the value is no list',
    ],
    [
      'a map',
      'period: { start: 2014-02-03, end: 2014-02-09',
      'period: the value opens a map with "{" that is never closed',
      'close it on its line (period: { start: 2014-02-03, end: 2014-02-09}), or remove the "{" if the value is no map',
    ],
    ['a double quote', 'title: "第8期', 'title: the value opens a quote (") that is never closed', 'close it on its line: title: "第8期"'],
    ['a single quote', "  editor: '甲", "editor: the value opens a quote (') that is never closed", "close it on its line: editor: '甲'"],
  ])('names the line that opens %s never closed, not the line YAML gave up on', (_name, line, message, fix) => {
    const source = `---\nnumber: 8\nattribution:\n${line}\nnext: 1\ndescription: 本期\n---\n`;
    expect(parseFrontmatter(source)).toEqual({ line: 4, message: expect.stringContaining(message), fix });
  });

  it.each([
    [
      'description: 本期要点: Juno-3 发布',
      'description: the value holds ": ", which YAML reads as the start of another field',
      'description: "本期要点: Juno-3 发布"',
    ],
    ['editor: @alice', 'editor: the value starts with "@", which YAML reserves', 'editor: "@alice"'],
    ['title: `nova` 第8期', 'title: the value starts with "`", which YAML reserves', 'title: "`nova` 第8期"'],
  ])('says which value to quote when quoting it is the fix: %s', (line, message, quoted) => {
    expect(parseFrontmatter(`---\nnumber: 8\n${line}\n---\n`)).toEqual({
      line: 3,
      message: expect.stringContaining(message),
      fix: `put the value in double quotes: ${quoted}`,
    });
  });

  it('reports text YAML would drop as a comment, with its field and line', () => {
    const parsed = parseFrontmatter(
      '---\ntitle: Digest, Issue #21\nperiod:\n  start: 2014-02-03 # Monday\n# a comment line is fine\n---\n',
    );
    expect('trailingComments' in parsed && parsed.trailingComments).toEqual([
      { field: 'title', line: 2 },
      { field: 'period.start', line: 4 },
    ]);
  });
});
