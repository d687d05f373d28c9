import { describe, expect, it } from 'vitest';
import { createProjectResolver, normalizeProjectKey, sortProjects, splitHeading } from '../../src/lib/projects.ts';
import { registryFile } from '../../src/pipeline/paths.ts';
import { loadProjectRegistry } from '../../src/pipeline/registry.ts';
import type { Project } from '../../src/schemas/project.ts';

const registry = loadProjectRegistry(registryFile);
const resolver = createProjectResolver(registry);

describe('the project registry', () => {
  it.each([
    'industry',
    'common',
    'nova',
    'swift',
    'glance',
    'keystone',
    'horizon',
    'neutron',
    'cinder',
    'heat',
    'ceilometer',
    'trove',
    'ironic',
    'sahara',
    'zaqar',
    'designate',
    'barbican',
    'oslo',
    'tripleo',
    'tempest',
    'rally',
    'murano',
    'manila',
    'solum',
    'infra',
  ])('has %s, with names in both languages', (id) => {
    const project = resolver.get(id);
    expect(project?.name['zh-CN']).toBeTruthy();
    expect(project?.name.en).toBeTruthy();
  });

  it('gives the projects of several ids in their order, leaving out ids of no project', () => {
    expect(resolver.getAll(['nova', 'no-such-project', 'heat']).map((project) => project.id)).toEqual(['nova', 'heat']);
  });

  it('names 业界动态 and Common as sections of their own kinds', () => {
    expect(resolver.resolve('业界动态')?.project).toMatchObject({ id: 'industry', kind: 'news' });
    expect(resolver.resolve('Common')?.project).toMatchObject({ id: 'common', kind: 'cross-project' });
  });
});

describe('heading normalization', () => {
  it.each([
    ['Nova', 'nova', 'id'],
    ['nova', 'nova', 'id'],
    ['NOVA', 'nova', 'id'],
    ['  Nova：', 'nova', 'id'],
    ['Quantum', 'neutron', 'alias'],
    ['Neutron (Quantum)', 'neutron', 'id'],
    ['Object Storage', 'swift', 'alias'],
    ['Savanna', 'sahara', 'alias'],
    ['Marconi', 'zaqar', 'alias'],
    ['Compute', 'nova', 'alias'],
    ['Orchestration', 'heat', 'alias'],
    ['oslo.messaging', 'oslo', 'alias'],
    ['Triple-O', 'tripleo', 'id'],
    ['业界动态', 'industry', 'name'],
    ['Industry News', 'industry', 'name'],
  ])('%j names %s (by %s)', (heading, id, via) => {
    expect(resolver.resolve(heading)).toMatchObject({ project: { id }, via });
  });

  it.each([
    ['Nuetron', 'neutron'],
    ['Celiometer', 'ceilometer'],
    ['Keystoen', 'keystone'],
    ['Tempset', 'tempest'],
    ['Nuetron (Quantum)', 'neutron'],
  ])('suggests the project a typo %j means', (heading, id) => {
    expect(resolver.resolve(heading)).toBeUndefined();
    expect(resolver.suggest(heading)?.id).toBe(id);
  });

  it.each(['Foo', 'Docker', '其他', 'No'])('matches nothing for %j', (heading) => {
    expect(resolver.resolve(heading)).toBeUndefined();
    expect(resolver.suggest(heading)).toBeUndefined();
  });

  it.each([
    ['Nova (热迁移专题)', 'nova', '热迁移专题'],
    ['业界动态（本期重点：Icehouse 发布）', 'industry', '本期重点：Icehouse 发布'],
    ['Nova (热迁移 (live migration) 专题)', 'nova', '热迁移 (live migration) 专题'],
    ['Quantum（网络）', 'neutron', '网络'],
  ])('reads %j as %s with the subtitle %j', (heading, id, subtitle) => {
    expect(resolver.resolve(heading)).toMatchObject({ project: { id }, subtitle });
  });

  it.each(['Nova 热迁移专题', 'Nova (a) (b)', 'Nova (x'])('reads no subtitle out of %j', (heading) => {
    expect(resolver.resolve(heading)).toBeUndefined();
  });

  it('cuts a heading into its name and what follows it as written', () => {
    expect(splitHeading('Nova（续）')).toEqual({ name: 'Nova', subtitle: '续', rest: '（续）' });
    expect(splitHeading(' Heat ')).toEqual({ name: 'Heat', rest: '' });
    expect(splitHeading('Nova ()')).toEqual({ name: 'Nova', rest: ' ()' });
  });

  it('compares without case, spaces or punctuation', () => {
    expect(normalizeProjectKey(' Open-Stack  Networking! ')).toBe('openstacknetworking');
  });

  it('refuses a registry where two projects claim one name', () => {
    const nova = resolver.get('nova') as Project;
    expect(() => createProjectResolver([nova, { ...nova, id: 'other', aliases: ['Compute'] }])).toThrow(/names both nova and other/);
  });

  it('orders news, then cross-project, then projects by name', () => {
    const ids = sortProjects(
      ['nova', 'common', 'heat', 'industry'].map((id) => resolver.get(id) as Project),
      'en',
    ).map((p) => p.id);
    expect(ids).toEqual(['industry', 'common', 'heat', 'nova']);
  });
});
