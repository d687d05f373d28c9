import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { headingsOf, readRegistryNames } from '../../../scripts/lib/relevance.ts';
import { buildQuerySet, fullWidth, namedQueries, relevantIssues, sampleQueries } from '../../../scripts/lib/search-queries.ts';

/** The registries as the ground truth reads them: its own rule, on the files as they are. */
const names = readRegistryNames(readFileSync('src/content/projects.yaml', 'utf8'), readFileSync('src/content/releases.yaml', 'utf8'));

/** Issues as indexed (parts) and as written (source, with Markdown the index does not show). */
const issues = [
  {
    number: 1,
    parts: ['关于Nova中（nova-scheduler）使用db的问题，健康检查工具', 'Keystone V3 的讨论，支持H版'],
    source:
      '---\ntitle: x\n---\n关于Nova中（**nova-scheduler**）使用db的问题，[健康检查](https://x.org/rackspace)工具\n\n## Keystone\n\nKeystone V3 的讨论，支持H版\n',
  },
  {
    number: 2,
    parts: ['Rackspace 的认证被破坏，Keystone V3 版本', '计划于icehouse-3 完成，数据库的迁移'],
    source: '## Nova\n\nRackspace 的认证被破坏，Keystone  V3 版本\n\n计划于icehouse\\-3 完成，数据库的迁移\n',
  },
  {
    number: 3,
    parts: ['OpenStack2014UserSurvey 报告，分布式存储 Ceph存储'],
    source: 'OpenStack2014UserSurvey 报告，分布式存储 Ceph存储\n',
  },
];

describe('ground truth, from the text as written', () => {
  it('is every issue whose visible words hold the query, case-insensitive, a Latin query starting a word', () => {
    expect(relevantIssues(issues, 'keystone v3')).toEqual([1, 2]);
    expect(relevantIssues(issues, '健康检查')).toEqual([1]);
    expect(relevantIssues(issues, 'icehouse-3')).toEqual([2]);
    expect(relevantIssues(issues, '数据库迁移')).toEqual([]);
    expect(relevantIssues(issues, 'users')).toEqual([]);
  });

  it('ignores headings, link addresses and Markdown markers, which readers do not see as text', () => {
    expect(relevantIssues(issues, 'rackspace')).toEqual([2]);
    expect(relevantIssues(issues, 'nova')).toEqual([1]);
    expect(relevantIssues(issues, 'title')).toEqual([]);
  });
});

describe('ground truth for names of releases and projects', () => {
  it('counts a query naming a release as naming every name and milestone the registry lists', () => {
    // Issue 1 says H版, issue 2 icehouse-3: Havana and Icehouse, by other names.
    expect(relevantIssues(issues, 'Havana', names)).toEqual([1]);
    expect(relevantIssues(issues, 'I版', names)).toEqual([2]);
    expect(relevantIssues(issues, 'icehouse', names)).toEqual([2]);
    // A milestone names only itself.
    expect(relevantIssues(issues, 'icehouse-3', names)).toEqual([2]);
  });

  it('counts a query naming a project as naming its names, and a section headed by it as about it', () => {
    // Issue 2's only Nova is its heading; issue 1 says Keystone, and has a Keystone section.
    expect(relevantIssues(issues, 'nova', names)).toEqual([1, 2]);
    expect(relevantIssues(issues, 'Compute', names)).toEqual([1, 2]);
    expect(relevantIssues(issues, 'OpenStack Identity', names)).toEqual([1, 2]);
    // Words other than names keep the plain rule, and so does everything without the registries.
    expect(relevantIssues(issues, 'nova', [])).toEqual([1]);
    expect(relevantIssues(issues, 'rackspace', names)).toEqual([2]);
  });

  it('counts a general service word as naming its project, but not the project as naming the word', () => {
    const google = { number: 4, parts: ['Google Compute Engine 发布'], source: 'Google Compute Engine 发布\n' };
    expect(relevantIssues([...issues, google], 'Compute', names)).toEqual([1, 2, 4]);
    expect(relevantIssues([...issues, google], 'nova', names)).toEqual([1, 2]);
    expect(relevantIssues([...issues, google], 'OpenStack Compute', names)).toEqual([1, 2]);
  });

  it('reads headings as a heading may spell a project', () => {
    expect(headingsOf('## Nova\n\ntext\n### Neutron (Quantum)\n#### 计算 ##')).toEqual(['nova', 'neutron', '计算']);
  });
});

describe('the query set', () => {
  const set = buildQuerySet(issues, { perKind: 50 });

  it('starts with the named queries', () => {
    expect(set.slice(0, namedQueries.length).map((entry) => entry.query)).toEqual(namedQueries);
    expect(set.find((entry) => entry.query === 'icehouse-3')?.relevant).toEqual([2]);
  });

  it('draws Chinese, mixed and English queries from the text, each found somewhere', () => {
    const kinds = (kind: string) => set.filter((entry) => entry.kind === kind).map((entry) => entry.query);
    expect(kinds('chinese')).toEqual(expect.arrayContaining(['检查工具', '存储']));
    expect(kinds('mixed')).toEqual(expect.arrayContaining(['Ceph存储']));
    expect(kinds('english')).toEqual(expect.arrayContaining(['scheduler', 'Keystone']));
    expect(set.filter((entry) => entry.kind !== 'named').every((entry) => entry.relevant.length > 0)).toBe(true);
  });

  it('is the same whatever order the issues come in, and has no query twice', () => {
    expect(buildQuerySet([...issues].reverse(), { perKind: 50 })).toEqual(set);
    const keys = set.map((entry) => entry.query.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('draws names of releases and projects from the registries, given them', () => {
    const withNames = buildQuerySet(issues, { perKind: 50, names });
    const drawn = withNames.filter((entry) => entry.kind === 'names');
    expect(drawn.map((entry) => entry.query.toLowerCase())).toEqual(
      expect.arrayContaining(['havana', 'i版', 'nova', 'openstack identity']),
    );
    expect(drawn.every((entry) => entry.relevant.length > 0)).toBe(true);
    // The named H版 is ground-truthed by the same rule.
    expect(withNames.find((entry) => entry.query === 'H版')?.relevant).toEqual([1]);
    expect(set.some((entry) => entry.kind === 'names')).toBe(false);
  });

  it('types picked queries again in traditional characters or full-width letters, with the same answers', () => {
    const variants = set.filter((entry) => entry.kind === 'variants');
    expect(variants.map((entry) => entry.query)).toEqual(expect.arrayContaining(['檢查工具', fullWidth('Keystone')]));
    for (const variant of variants) {
      const original = set.find((entry) => entry.kind !== 'variants' && entry.relevant === variant.relevant);
      expect(original, variant.query).toBeDefined();
    }
    expect(fullWidth('Keystone V3')).toBe('Ｋｅｙｓｔｏｎｅ Ｖ３');
  });

  it('samples a fixed few per kind, keeping named queries that have answers', () => {
    const sample = sampleQueries(set, 1);
    expect(sample.filter((entry) => entry.kind === 'named').every((entry) => entry.relevant.length > 0)).toBe(true);
    expect(sample.filter((entry) => entry.kind === 'chinese')).toHaveLength(1);
  });
});
