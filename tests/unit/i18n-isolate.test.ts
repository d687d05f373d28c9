import { describe, expect, it } from 'vitest';
import { translateIsolated } from '../../src/i18n/isolate.ts';
import { chineseMarked } from '../../src/i18n/lang-runs.ts';
import { getTranslator } from '../../src/i18n/t.ts';

describe('UI strings around text from content', () => {
  it('isolate each value from the string, in each language', () => {
    expect(translateIsolated(getTranslator('zh-CN'), 'attribution.editor', { editor: '孔令贤' })).toBe('编辑：<bdi>孔令贤</bdi>');
    expect(translateIsolated(getTranslator('en'), 'attribution.editorWithOrganization', { editor: 'A', organization: 'B' })).toBe(
      'Edited by <bdi>A</bdi> (<bdi>B</bdi>)',
    );
  });

  it('escape what they hold, values and the site own words alike', () => {
    expect(translateIsolated(getTranslator('en'), 'feed.sectionName', { subtitle: '<b>&' }, { project: 'R&D' })).toBe(
      'R&amp;D: <bdi>&lt;b&gt;&amp;</bdi>',
    );
  });

  it('mark a Chinese value as Chinese on an English page only', () => {
    expect(translateIsolated(getTranslator('en'), 'attribution.editor', { editor: '孔令贤' }, {}, 'en')).toBe(
      'Edited by <bdi lang="zh-CN">孔令贤</bdi>',
    );
    expect(translateIsolated(getTranslator('en'), 'attribution.editor', { editor: 'Jane Doe' }, {}, 'en')).toBe(
      'Edited by <bdi>Jane Doe</bdi>',
    );
    expect(translateIsolated(getTranslator('zh-CN'), 'attribution.editor', { editor: '孔令贤' }, {}, 'zh-CN')).toBe(
      '编辑：<bdi>孔令贤</bdi>',
    );
  });
});

describe('Chinese in English UI strings', () => {
  it('is marked run by run, with the Latin letters written against it, and escaped', () => {
    expect(chineseMarked('the OpenStack社区动态 weekly, I版 & <b>', 'en')).toBe(
      'the <span lang="zh-CN">OpenStack社区动态</span> weekly, <span lang="zh-CN">I版</span> &amp; &lt;b&gt;',
    );
    expect(chineseMarked('例如 健康检查 & H版', 'zh-CN')).toBe('例如 健康检查 &amp; H版');
  });

  it('leaves English words beside full-width punctuation alone: a run holds Chinese characters', () => {
    expect(chineseMarked('Huawei（华为）team; Neutron（formerly Quantum）; full-width\u3000space', 'en')).toBe(
      'Huawei<span lang="zh-CN">（华为）</span>team; Neutron（formerly Quantum）; full-width\u3000space',
    );
    expect(chineseMarked('「I版」, 2014年2月, 孔令贤（Kong Lingxian）', 'en')).toBe(
      '<span lang="zh-CN">「I版」</span>, <span lang="zh-CN">2014年2月</span>, <span lang="zh-CN">孔令贤（</span>Kong Lingxian）',
    );
  });

  it('keeps the marks after a character in its run, and leaves marks on Latin letters out', () => {
    expect(chineseMarked('葛\u{E0100}x and 令\u0301 cafe\u0301', 'en')).toBe(
      '<span lang="zh-CN">葛\u{E0100}x</span> and <span lang="zh-CN">令\u0301</span> cafe\u0301',
    );
  });
});
