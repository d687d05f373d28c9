import { describe, expect, it } from 'vitest';
import { excerptAround, excerptOf, excerptOfMatch, findQuery, type Excerpt } from '../../../src/lib/search/page/excerpt.ts';
import type { PartMatch } from '../../../src/lib/search/page/rank.ts';

const text = (pieces: { text: string; mark: boolean }[] | Excerpt | undefined) =>
  (Array.isArray(pieces) ? pieces : pieces?.pieces)?.map((piece) => (piece.mark ? `[${piece.text}]` : piece.text)).join('');

describe('excerpts around the query', () => {
  it('marks every occurrence in the window, ignoring case', () => {
    expect(text(excerptAround('Rackspace 目前只支持 keystone 的 v2 版本，Keystone v3 不行', ['KEYSTONE'], 100))).toBe(
      'Rackspace 目前只支持 [keystone] 的 v2 版本，[Keystone] v3 不行',
    );
  });

  it('cuts long text around the first occurrence without splitting words', () => {
    const long = `${'alpha beta gamma '.repeat(10)}关于nova-scheduler的讨论${' delta epsilon'.repeat(10)}`;
    const excerpt = text(excerptAround(long, ['nova-scheduler'], 20)) ?? '';
    expect(excerpt).toMatch(/^… ?[a-z]/);
    expect(excerpt).toContain('关于[nova-scheduler]的讨论');
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).not.toMatch(/…[a-z]+[a-z]…/);
  });

  it('needs the query to start a word when it starts with a Latin letter', () => {
    expect(findQuery('OpenStack2014UserSurvey user', 'user')).toBe(24);
    expect(excerptAround('OpenStack2014UserSurvey only', ['users'])).toBeUndefined();
  });

  it('marks the earliest, then longest, of several needles', () => {
    expect(text(excerptAround('Heat 的 keystone 支持 v2 和 v2.0', ['v2', 'keystone', 'v2.0'], 100))).toBe(
      'Heat 的 [keystone] 支持 [v2] 和 [v2.0]',
    );
  });

  it('keeps markup-looking text as text', () => {
    expect(excerptAround('a <img src=x onerror=alert(1)> b', ['<img'])).toEqual([
      { text: 'a ', mark: false },
      { text: '<img', mark: true },
      { text: ' src=x onerror=alert(1)> b', mark: false },
    ]);
  });
});

describe('the excerpt of a result', () => {
  it('is around the query as typed where the text holds it', () => {
    expect(text(excerptOf('keystone 的 v2 版本，keystone v2 认证', [['keystone v2'], ['keystone', 'v2']], { radius: 100 }))).toBe(
      'keystone 的 v2 版本，[keystone v2] 认证',
    );
  });

  it('is around the words of the query where the text holds them apart', () => {
    expect(
      text(excerptOf('Rackspace 只支持 keystone 的 v2 版本认证', [['keystone v2 认证'], ['keystone', 'v2', '认证']], { radius: 100 })),
    ).toBe('Rackspace 只支持 [keystone] 的 [v2] 版本[认证]');
  });

  it('is around the closest meeting of the words, not their first occurrence', () => {
    const long = `keystone 的介绍。${'其他内容，'.repeat(30)}只支持 keystone 的 v2 版本认证`;
    expect(text(excerptOf(long, [['keystone v2 认证'], ['keystone', 'v2', '认证']], { radius: 10 }))).toBe(
      '…，其他内容，只支持 [keystone] 的 [v2] 版本[认证]',
    );
  });

  it('is the beginning of the text when neither is found, shortened', () => {
    expect(text(excerptOf('一二三四五六七八九十', [['零']], { radius: 3 }))).toBe('一二三四五六…');
    expect(text(excerptOf('😀😀😀😀', [['x']], { radius: 1 }))).toBe('😀😀…');
  });
});

describe('the matcher excerpts share with ranking', () => {
  it('marks full-width letters and digits that ranking counted as the query, in the text as written', () => {
    expect(text(excerptOf('关于 Keystone Ｖ３ 的讨论', [['keystone v3'], ['keystone', 'v3']], { radius: 100 }))).toBe(
      '关于 [Keystone Ｖ３] 的讨论',
    );
    expect(text(excerptAround('ＮＯＶＡ-scheduler 与 nova', ['nova'], 100))).toBe('[ＮＯＶＡ]-scheduler 与 [nova]');
  });
});

describe('the words marked', () => {
  it('are whole words but for the last, as ranking counts them: `I` marks no `Icehouse`', () => {
    const excerpt = excerptOf('从Havana到Icehouse的修改，在I版引入', [['Havana I版'], ['Havana', 'I', '版']], { radius: 100 });
    expect(text(excerpt)).toBe('从[Havana]到Icehouse的修改，在[I版]引入');
    expect(text(excerptOf('Icehouse 与 Ice', [['Ice']], { radius: 100 }))).toBe('[Ice]house 与 [Ice]');
  });
});

describe('excerpts that read', () => {
  const url = 'https://wiki.openstack.org/wiki/Marconi/Incubation/Graduation/Review';

  it('shows a web address by its host and the start of its path', () => {
    expect(text(excerptOf(`说明见 ${url} 以及更多`, [['说明']], { radius: 100 }))).toBe(
      '[说明]见 wiki.openstack.org/wiki/Marconi/In… 以及更多',
    );
  });

  it('prefers a match in the prose to one inside an address, and starts after an address before it', () => {
    expect(text(excerptOf(`${url} 之后，Marconi 进入孵化`, [['marconi']], { radius: 100 }))).toBe('…之后，[Marconi] 进入孵化');
  });

  it('keeps a mark that lies inside an address, its path shown that far', () => {
    const excerpt = excerptOf(`见 ${url}`, [['graduation']], { radius: 100 });
    expect(text(excerpt)).toBe('见 wiki.openstack.org/wiki/Marconi/Incubation/[Graduation]…');
    expect(excerpt.marks).toEqual([{ start: 53, end: 63 }]);
  });

  it('marks an address pasted whole, scheme and all, from where it is shown', () => {
    const excerpt = excerptOf(`见 ${url}`, [[url]], { radius: 100 });
    expect(text(excerpt)).toBe('见 [wiki.openstack.org/wiki/Marconi/Incubation/Graduation/Review]');
    expect(excerpt.marks).toEqual([{ start: 10, end: 2 + url.length }]);
  });

  it('starts with the prose when nothing matches, after a heading and an address opening the text', () => {
    expect(text(excerptOf(`Nova ${url} 发布了很多内容`, [['zzz']], { radius: 30, from: 5 }))).toBe('…发布了很多内容');
  });

  it("marks the words in a section's heading (its subtitle) only when its own text lacks them", () => {
    const text2 = 'Nova 热迁移专题 普通格式保留';
    const match = (heading: boolean): PartMatch => ({
      part: { projectId: 'nova', start: 0, end: text2.length, text: text2, bodyStart: 11 },
      form: 0,
      exact: true,
      count: 1,
      ...(heading ? { heading } : {}),
    });
    const forms = [{ text: '热迁移专题', terms: ['热迁移', '专题'], words: ['热迁移', '专题'], apart: [] }];
    expect(text(excerptOfMatch(match(true), forms, false))).toBe('Nova [热迁移专题] 普通格式保留');
    expect(text(excerptOfMatch(match(false), forms, false))).toBe('…普通格式保留');
  });

  it('marks the words its own text holds when the others are only in the heading', () => {
    // Issue 16's Nova section never repeats the project's name: `nova 快照` answers by heading and text.
    const body = 'Nova 虚拟机被lock后能否做快照？大家不必关注';
    const part = { projectId: 'nova', start: 0, end: body.length, text: body, bodyStart: 5 };
    for (const form of [
      { text: 'nova 快照', terms: ['nova', '快照'], words: ['nova', '快照'], apart: ['nova', '快照'] },
      { text: 'nova快照', terms: ['nova', '快照'], words: ['nova', '快照'], apart: [] },
    ]) {
      const excerpt = excerptOfMatch({ part, form: 0, exact: false, count: 1 }, [form], false);
      expect(text(excerpt), form.text).toBe('…虚拟机被lock后能否做[快照]？大家不必关注');
      expect(excerpt.marks).toEqual([{ start: 17, end: 19 }]);
    }
  });

  it('never marks the heading of a section', () => {
    const excerpt = excerptOf('Nova 调度器的讨论，nova-scheduler 独立', [['nova']], { from: 5 });
    expect(text(excerpt)).toBe('…调度器的讨论，[nova]-scheduler 独立');
    expect(excerpt.marks).toEqual([{ start: 12, end: 16 }]);
  });
});

describe('an excerpt among characters written as two (emoji, 𠮷)', () => {
  const wellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
  it.each([
    ['after the match', `甲乙词 ${'😀'.repeat(120)}`, '甲乙词'],
    ['before the match', `${'𠮷'.repeat(120)} 戊己词`, '戊己词'],
    ['on both sides', `${'👍🏽'.repeat(61)}丙丁词${'𠮷'.repeat(61)}`, '丙丁词'],
  ])('cuts none in half, %s', (_where, text, query) => {
    for (const radius of [59, 60, 61]) {
      const pieces = excerptAround(text, [query], radius) ?? [];
      const shown = pieces.map((piece) => piece.text).join('');
      expect(shown, `radius ${radius}`).toContain(query);
      expect(wellFormed(shown), `radius ${radius}: ${JSON.stringify(shown.slice(0, 4))}…${JSON.stringify(shown.slice(-4))}`).toBe(true);
    }
  });
});
