import { describe, expect, it } from 'vitest';
import { emptyVocabulary } from '../../../src/lib/search/contract.ts';
import { apostropheVariant } from '../../../src/lib/search/index/records.ts';
import { createSearchVocabulary } from '../../../src/lib/search/index/vocabulary.ts';
import { nameKey, projectConcept, releaseConcept, searchConcepts } from '../../../src/lib/search/names.ts';
import { expandQuery, foldQuery, MAX_OTHER_NAMES, noVocabulary, readVocabulary, trimQuery } from '../../../src/lib/search/page/expand.ts';
import { containsQuery } from '../../../src/lib/search/page/matcher.ts';
import { concepts, projects, releases, vocabularyOf } from './registries.ts';

const texts = (query: string, archive: readonly string[], exact = false) =>
  expandQuery(query, vocabularyOf(archive), { exact }).map((form) => form.text);

describe('releases, from the release registry', () => {
  const withShorthand = releases.filter((release) => release.shorthand);

  it.each(withShorthand.map((release) => [release.name, release.shorthand as string]))(
    '%s is also looked for as %s, and the other way round',
    (name, shorthand) => {
      const archive = [`${name} 的新特性`, `在${shorthand}之后`];
      expect(texts(name, archive)).toEqual([name, shorthand]);
      expect(texts(shorthand, archive)).toEqual([shorthand, name]);
    },
  );

  it('looks for none of the names the archive does not hold', () => {
    expect(texts('Icehouse', ['Icehouse 发布'])).toEqual(['Icehouse']);
    expect(texts('I版', ['Icehouse 发布'])).toEqual(['I版', 'Icehouse']);
  });

  it('leaves out names holding one already looked for: whatever holds them is found anyway', () => {
    // Icehouse版 and icehouse-3 hold Icehouse; I版 does not.
    expect(texts('I版', ['Icehouse版 发布', 'icehouse-3 里程碑', 'Icehouse'])).toEqual(['I版', 'Icehouse']);
    expect(texts('Icehouse', ['Icehouse版 发布', 'icehouse-3', 'I版'])).toEqual(['Icehouse', 'I版']);
  });

  it('does not widen a milestone to its release', () => {
    expect(texts('icehouse-3', ['Icehouse 发布', 'icehouse-3', 'I版'])).toEqual(['icehouse-3']);
  });

  it('knows every milestone as a mention of its release', () => {
    for (const release of releases) expect(releaseConcept(release).mentions).toEqual(release.milestones);
  });
});

describe('projects, from the project registry', () => {
  const renamed = projects.flatMap((project) => project.aliases.map((alias) => [alias, project.name.en] as const));

  it.each(renamed)('%s is also looked for as %s', (alias, name) => {
    const archive = [`${name} 发布了新版本`];
    const [typed, ...others] = texts(alias, archive);
    expect(typed).toBe(alias);
    // The name itself, or a shorter name of the project that it holds (Industry for Industry news).
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((other) => containsQuery(name, other))).toBe(true);
  });

  it('reads every alias as the project, and heading-only words as nothing', () => {
    const archive = ['Neutron 的网络', 'Nova 计算节点'];
    expect(texts('Quantum', archive)).toEqual(['Quantum', 'Neutron']);
    for (const project of projects) {
      for (const word of project.headingAliases) {
        if (concepts.some((concept) => concept.names.some((name) => nameKey(name) === nameKey(word)))) continue;
        expect(texts(word, [...archive, project.name.en]), word).toEqual([word]);
      }
    }
  });

  it('an alias added to the registry is followed: expansion is data', () => {
    const nova = projects.find((project) => project.id === 'nova');
    if (!nova) throw new Error('the registry has Nova');
    const edited = searchConcepts(
      projects.map((project) => (project === nova ? { ...project, aliases: [...project.aliases, '新星'] } : project)),
      releases,
    );
    const vocabulary = readVocabulary(createSearchVocabulary(['Nova 的调度器'], edited, []));
    expect(expandQuery('新星', vocabulary).map((form) => form.text)).toEqual(['新星', 'Nova']);
    expect(projectConcept(nova).names).toEqual(['Nova', 'OpenStack Compute', 'Compute']);
  });
});

describe('queries of several words', () => {
  const archive = ['Havana 中 Nova 的变化', 'H版', 'Keystone V3', 'OpenStack Identity'];

  it('replaces each name the query uses, one at a time, keeping its other words', () => {
    expect(texts('H版 Nova', archive)).toEqual(['H版 Nova', 'Havana Nova']);
    expect(texts('Keystone V3', archive)).toEqual(['Keystone V3', 'OpenStack Identity V3']);
  });

  it.each(['H版、Nova', 'H版，Nova', 'H版,Nova', 'H版；Nova'])(
    'reads words listed with a comma (%s) as words apart, as a space parts them',
    (query) => {
      const vocabulary = vocabularyOf(archive);
      const [typed, ...others] = expandQuery(query, vocabulary);
      const [spaced, ...othersSpaced] = expandQuery('H版 Nova', vocabulary);
      expect(typed?.apart).toEqual(spaced?.apart);
      expect(others).toEqual(othersSpaced);
    },
  );

  it('keeps the symbols of a name in the words it looks for apart, as in the query (`C++`)', () => {
    expect(expandQuery('MongoDB C++', noVocabulary)[0]?.apart).toEqual(['MongoDB', 'C++']);
    expect(expandQuery('“Nova” （Neutron）', noVocabulary)[0]?.apart).toEqual(['Nova', 'Neutron']);
  });

  it('reads a name of several words as one, and a name alone as a phrase', () => {
    const [, storage] = expandQuery('Swift', vocabularyOf(['Object Storage 服务']));
    expect(storage).toMatchObject({ text: 'Object Storage', name: 'Object Storage', phrase: true, terms: ['Object', 'Storage'] });
    const [typed, other] = expandQuery('OpenStack Compute', vocabularyOf(['Nova 的变化']));
    expect(typed?.apart).toEqual(['OpenStack', 'Compute']);
    expect(other).toMatchObject({ text: 'Nova', terms: ['Nova'] });
  });

  it('reads a name written against the Chinese after it, as Chinese is typed', () => {
    const archive = ['Neutron的插件', 'I版的特性', 'Icehouse', 'H版中', 'nova-compute', 'Compute'];
    expect(texts('Quantum的', archive)).toEqual(['Quantum的', 'Neutron的']);
    expect(texts('I版的', archive)).toEqual(['I版的', 'Icehouse的']);
    expect(texts('Havana中', archive)).toEqual(['Havana中', 'H版中']);
    const [, neutron] = expandQuery('Quantum插件', vocabularyOf(archive));
    expect(neutron).toMatchObject({ text: 'Neutron插件', name: 'Neutron', words: ['Neutron', '插', '件'] });
    // Its words are those of the other name typed, so it finds what that finds, not only the phrase.
    expect(neutron?.phrase).toBeUndefined();
    const [, used] = expandQuery('使用Quantum', vocabularyOf(archive));
    expect(used?.words).toEqual(expandQuery('使用Neutron', vocabularyOf(archive))[0]?.words);
    // Not where a Latin word or a milestone goes on.
    expect(texts('novaclient', archive)).toEqual(['novaclient']);
    expect(texts('nova-compute', archive)).toEqual(['nova-compute']);
  });

  it('reads a name typed with spaces in it, as the registry ignores them', () => {
    const archive = ['Icehouse 发布', 'I版', 'Icehouse版 的特性'];
    expect(texts('I 版', archive)).toEqual(['I 版', 'Icehouse']);
    expect(texts('Icehouse 版 特性', archive)).toEqual(['Icehouse 版 特性', 'I版 特性', 'Icehouse 特性']);
    // Words that only together spell no name are left as they are.
    expect(texts('I 版本', archive)).toEqual(['I 版本']);
  });

  it('reads a name between Chinese or after it, never inside a Latin word', () => {
    const archive = ['Neutron的插件', 'I版的特性', 'Icehouse', 'Nova', 'nova-compute'];
    expect(texts('在Icehouse中', archive)).toEqual(['在Icehouse中', '在I版中']);
    expect(texts('使用Quantum', archive)).toEqual(['使用Quantum', '使用Neutron']);
    expect(texts('在I版中', archive)).toEqual(['在I版中', '在Icehouse中']);
    const [, neutron] = expandQuery('关于Quantum的插件', vocabularyOf(archive));
    expect(neutron).toMatchObject({ text: '关于Neutron的插件', name: 'Neutron' });
    expect(texts('python-novaclient', archive)).toEqual(['python-novaclient']);
    expect(texts('使用novaclient', archive)).toEqual(['使用novaclient']);
    expect(texts('使用xnova的', archive)).toEqual(['使用xnova的']);
  });

  it(`looks for ${MAX_OTHER_NAMES} other names at most`, () => {
    const many = texts('Havana Icehouse Juno Kilo', ['H版 I版 J版 K版', 'Havana Icehouse Juno Kilo']);
    expect(many).toHaveLength(1 + MAX_OTHER_NAMES);
  });

  it('looks for the words exactly as typed when asked', () => {
    expect(texts('H版 Nova', archive, true)).toEqual(['H版 Nova']);
  });
});

describe('folding', () => {
  const vocabulary = vocabularyOf(['云计算 与 虚拟机', 'nova']);

  it('writes traditional characters as the simplified ones the archive holds', () => {
    expect(foldQuery('雲計算', vocabulary)).toBe('云计算');
    expect(foldQuery('虛擬機', vocabulary)).toBe('虚拟机');
    // 體 is not folded: the archive holds no 体.
    expect(foldQuery('體', vocabulary)).toBe('體');
  });

  it('writes full-width letters and digits as half-width', () => {
    expect(foldQuery('ＮＯＶＡ Ｖ３', vocabulary)).toBe('NOVA V3');
    expect(expandQuery('ＮＯＶＡ', vocabulary)[0]?.terms).toEqual(['NOVA']);
  });

  it('ships only the variants of characters the archive holds', () => {
    const shipped = createSearchVocabulary(['云计算'], concepts, [
      ['雲', '云'],
      ['計', '计'],
      ['體', '体'],
    ]);
    expect(shipped.variants).toBe('計计雲云');
  });

  it('writes an apostrophe typed as a right single quotation mark (a phone types don’t) as the index holds it', () => {
    const vocabulary = readVocabulary(createSearchVocabulary(["I don't know"], concepts, [apostropheVariant]));
    expect(foldQuery('don’t', vocabulary)).toBe("don't");
    expect(expandQuery('OpenStack’s Nova', vocabulary)[0]?.text).toBe("OpenStack's Nova");
    // An archive without apostrophes needs no pair.
    expect(createSearchVocabulary(['云计算 Nova'], concepts, [apostropheVariant]).variants).toBe('');
  });
});

describe('the vocabulary', () => {
  it('holds only the releases and projects the archive mentions and a query could name otherwise', () => {
    const vocabulary = createSearchVocabulary(['Icehouse 与 Nova, icehouse-3', 'DevStack'], concepts, []);
    // DevStack has no other name: a query for it needs no help.
    expect(vocabulary.concepts).toEqual([
      '+Nova|OpenStack Compute|Compute',
      '+Icehouse|I版|Icehouse版|~icehouse-1|~icehouse-2|~+icehouse-3',
    ]);
    const read = readVocabulary(vocabulary);
    expect(read.present).toEqual([['Nova'], ['Icehouse', 'icehouse-3']]);
    expect(read.names.get('openstack compute')).toBe(0);
    expect(read.names.has('icehouse-3')).toBe(false);
  });

  it('widens nothing when empty or malformed', () => {
    expect(expandQuery('Icehouse', readVocabulary(emptyVocabulary)).map((form) => form.text)).toEqual(['Icehouse']);
    const broken = readVocabulary({ variants: 5, concepts: [{ names: 'x' }, null, '||~'] } as never);
    expect(expandQuery('雲', broken).map((form) => form.text)).toEqual(['雲']);
  });

  it('refuses names holding the marks it is written with', () => {
    const nova = projects.find((project) => project.id === 'nova');
    if (!nova) throw new Error('the registry has Nova');
    expect(() => searchConcepts([{ ...nova, aliases: ['A|B'] }], [])).toThrow(/"A\|B" \(project:nova\) may not contain \|/);
  });

  it('refuses a name that two registry entries claim, naming both', () => {
    const nova = projects.find((project) => project.id === 'nova');
    const icehouse = releases.find((release) => release.id === 'icehouse');
    if (!nova || !icehouse) throw new Error('the registries have Nova and Icehouse');
    expect(() => searchConcepts([nova], [{ ...icehouse, aliases: ['Compute'] }])).toThrow(
      /"Compute" names both project:nova and release:icehouse/,
    );
  });
});

describe("projects' general service words, from the project registry", () => {
  const general = projects.flatMap((project) => project.queryAliases.map((word): [string, string] => [project.name.en, word]));

  it('are there: Compute is one', () => {
    expect(general).toContainEqual(['Nova', 'Compute']);
  });

  it.each(general)('%s is not looked for as %s alone, which finds it', (name, word) => {
    const archive = [`${name} 的新特性`, `Google ${word} Engine`];
    expect(texts(name, archive)).toEqual([name]);
    expect(texts(word, archive)).toEqual([word, name]);
  });

  it('still looks for the service name that says OpenStack', () => {
    expect(texts('Nova', ['Nova', 'Google Compute Engine', 'OpenStack Compute'])).toEqual(['Nova', 'OpenStack Compute']);
  });
});

describe('the punctuation around a query', () => {
  it.each([
    ['nova？', 'nova'],
    ['“nova-scheduler”。', 'nova-scheduler'],
    ['#nova', 'nova'],
    ['nova🚀', 'nova'],
    ['（Icehouse）', 'Icehouse'],
    ['《Deploying Openstack》', 'Deploying Openstack'],
    ['neutr*', 'neutr'],
    ['C++', 'C++'],
    ['C#', 'C#'],
    ['Heat需要', 'Heat需要'],
    ['-nova', 'nova'],
    ['－nova', 'nova'],
    ['nova-scheduler', 'nova-scheduler'],
  ])('%s is looked for as %s', (query, text) => {
    expect(trimQuery(foldQuery(query, noVocabulary))).toBe(text);
    expect(expandQuery(query, noVocabulary)[0]?.text).toBe(text);
  });

  it.each(['', '?!', '、'])('reads a box holding no word (%j) as nothing to look for', (query) => {
    expect(expandQuery(query, noVocabulary).flatMap((form) => form.terms)).toEqual([]);
  });

  it('reads a leading minus as no part of the query, since it cannot exclude', () => {
    const archive = ['Nova', 'python-novaclient', 'OpenStack Compute'];
    expect(expandQuery('-nova', vocabularyOf(archive))).toEqual(expandQuery('nova', vocabularyOf(archive)));
  });
});
