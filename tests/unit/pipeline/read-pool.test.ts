import { afterAll, describe, expect, it } from 'vitest';
import { fileReader, type FileJob, type ReadContext } from '../../../src/pipeline/file-readers.ts';
import { startReadPool } from '../../../src/pipeline/read-pool.ts';
import { noLinkRules } from '../../../src/lib/outside-links.ts';
import { issueSource, registry, site } from '../helpers.ts';

const context: ReadContext = { registry, site: site.href, links: noLinkRules };
// Every file on the worker: the main thread reads none.
const pool = startReadPool(context, 1, { mainThreadReads: false });
afterAll(() => pool.close());

const job = (file: string, text: string | Uint8Array, locale: FileJob['locale'] = 'zh-CN'): FileJob => ({
  file,
  shown: file,
  locale,
  bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
});

describe('files read on a worker thread', () => {
  it('come back as the main thread reads them: values, problems and numbers', async () => {
    const jobs = [
      job('zh-CN/0009.md', issueSource()),
      job('zh-CN/0010.md', issueSource({ 'number: 9': 'number: 10', 第九期: '第十期', '2014-02-28': '2014-02-30' })),
      job('zh-CN/0011.md', new Uint8Array([0xe6, 0x96, 0x87, 0xff, 0x0a])),
      job('zh-CN/0012.md', issueSource({ 'number: 9': 'number: 12', 第九期: '第十二期', '## Common': '### Nova' })),
    ];
    const onWorker = await pool.read({ kind: 'issues' }, jobs);
    const here = jobs.map(fileReader(context, { kind: 'issues' }));
    expect(JSON.stringify(onWorker)).toBe(JSON.stringify(here));
    expect(onWorker.map(({ value, problems }) => [value?.data.number, problems.map(({ field }) => field)])).toEqual([
      [9, []],
      [undefined, ['published']],
      [undefined, ['encoding']],
      [undefined, ['projects']],
    ]);
    // Dates stay dates, as pages and feeds read them.
    expect(onWorker[0]?.value?.data.published).toBeInstanceOf(Date);
  });
});
