import { describe, expect, it } from 'vitest';
import { translateIsolated } from '../../src/i18n/isolate.ts';
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
});
