/**
 * A deterministic synthetic archive for benchmarks: N weekly issues in the site's content
 * format, each with 4-8 project sections and 5-10 KB of mixed Chinese and English text with
 * links, a quarter of them with English translations. Same seed, same bytes.
 */
import { addDays, toIsoDay } from '../../src/lib/dates.ts';
import { hashIssueSource } from '../../src/pipeline/translations.ts';
import { formatIssueLabel } from '../../src/lib/numerals.ts';
import type { Project } from '../../src/schemas/project.ts';
import { issueFileName } from './issue-writer.ts';

/** A small, fast, seedable PRNG (mulberry32). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ZH_SUBJECTS = ['社区', '核心开发者', 'PTL', '各家厂商', '运维团队', '用户委员会', '基金会', '测试团队', '文档组', '发行版厂商'];
const ZH_VERBS = ['讨论了', '提出了', '合入了', '推迟了', '重新设计了', '发布了', '评审了', '废弃了', '改进了', '修复了'];
const ZH_OBJECTS = [
  '数据库迁移方案',
  '健康检查机制',
  '调度器的过滤策略',
  '认证流程',
  '网络插件接口',
  '存储后端驱动',
  '门禁测试',
  '升级路径',
  '配额管理',
  '镜像缓存',
  '多区域部署',
  '日志与监控',
  '性能基准',
  '安全加固',
  'API 版本管理',
];
const ZH_TAILS = [
  '目前仍在讨论中。',
  '预计在下一个里程碑完成。',
  '相关的 blueprint 已经批准。',
  '邮件列表上意见不一。',
  '社区希望更多厂商参与测试。',
  '详细内容见下面的链接。',
  '该改动对现有部署没有影响。',
  '需要运维人员提前评估。',
];
const EN_TERMS = [
  'nova-scheduler',
  'Keystone V3',
  'keystone v2 token',
  'icehouse-3',
  'juno-1',
  'Havana',
  'Icehouse',
  'Juno',
  'oslo.messaging',
  'neutron-server',
  'ML2 plugin',
  'Heat template',
  'HOT',
  'Ceilometer alarm',
  'Swift proxy',
  'Cinder volume',
  'Glance v2 API',
  'Tempest gate',
  'devstack',
  'TripleO undercloud',
  'Ironic driver',
  'Trove guest agent',
  'live migration',
  'RabbitMQ',
  'MySQL Galera',
];
const EN_SUBJECTS = [
  'The community',
  'Core reviewers',
  'The PTL',
  'Several vendors',
  'Operators',
  'The user committee',
  'The foundation',
  'The QA team',
  'The docs team',
  'Distribution vendors',
];
const EN_VERBS = ['discussed', 'proposed', 'merged', 'deferred', 'redesigned', 'released', 'reviewed', 'deprecated', 'improved', 'fixed'];
const EN_OBJECTS = [
  'the database migration plan',
  'the health check mechanism',
  'scheduler filter policies',
  'the authentication flow',
  'the network plugin interface',
  'storage backend drivers',
  'the gate tests',
  'the upgrade path',
  'quota management',
  'image caching',
  'multi-region deployment',
  'logging and monitoring',
  'performance benchmarks',
  'security hardening',
  'API versioning',
];
const EN_TAILS = [
  'The discussion continues.',
  'It should land in the next milestone.',
  'The blueprint has been approved.',
  'Opinions on the mailing list differ.',
  'More vendors are asked to help test it.',
  'Details are in the links below.',
  'Existing deployments are not affected.',
  'Operators should evaluate it ahead of time.',
];
const HOSTS = [
  'lists.openstack.org/pipermail/openstack-dev',
  'blueprints.launchpad.net',
  'review.openstack.org',
  'wiki.openstack.org/wiki',
  'bugs.launchpad.net',
];

/** Bounds of an issue's body; no generated paragraph is longer than MAX_PARAGRAPH_BYTES, so trimming stays above the minimum. */
const MIN_BODY_BYTES = 5_000;
const MAX_BODY_BYTES = 10_000;
const MAX_PARAGRAPH_BYTES = 700;

export interface SyntheticFile {
  /** Path inside the issues folder, e.g. `zh-CN/0008.md`. */
  path: string;
  content: string;
}

/** Generates the archive's files; `registry` supplies project ids and names. */
export function generateArchive(count: number, seed: number, registry: readonly Project[]): SyntheticFile[] {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const projects = registry.filter((project) => project.kind === 'project' || project.kind === 'program');
  const files: SyntheticFile[] = [];
  const firstDay = new Date(Date.UTC(2013, 10, 17));

  for (let number = 1; number <= count; number++) {
    const start = addDays(firstDay, (number - 1) * 7);
    const end = addDays(start, 6);
    const chosen = new Set<Project>();
    const wanted = 2 + Math.floor(random() * 5);
    while (chosen.size < wanted) chosen.add(pick(projects));
    const ids = ['industry', 'common', ...[...chosen].map((project) => project.id)];
    // Sections are filled past their share, then trimmed to the target: bodies of 5 to 10 KB.
    const targetBytes =
      MIN_BODY_BYTES + MAX_PARAGRAPH_BYTES + Math.floor(random() * (MAX_BODY_BYTES - MIN_BODY_BYTES - MAX_PARAGRAPH_BYTES));
    const perSection = targetBytes / ids.length;
    const chinese = ids.map((id) => ({ id, paragraphs: paragraphs(() => chineseParagraph(random, pick, number), perSection) }));
    const title = `OpenStack社区动态${formatIssueLabel(number)}`;
    const description = `${title}：${pick(ZH_OBJECTS)}与${pick(EN_TERMS)}`;
    const bodyOf = () =>
      chinese.map(({ id, paragraphs: text }) => `## ${nameOf(registry, id, 'zh-CN')}\n\n${text.join('\n\n')}`).join('\n\n');
    let body = bodyOf();
    while (Buffer.byteLength(body) > targetBytes) {
      const longest = chinese.reduce((most, section) => (section.paragraphs.length > most.paragraphs.length ? section : most));
      if (longest.paragraphs.length < 2) break;
      longest.paragraphs.pop();
      body = bodyOf();
    }
    files.push({ path: `zh-CN/${issueFileName(number)}`, content: issueFile(number, title, description, start, end, ids, body) });

    if (random() < 0.25) {
      const english = ids
        .map(
          (id) =>
            `## ${nameOf(registry, id, 'en')}\n\n${paragraphs(() => englishParagraph(random, pick, number), perSection).join('\n\n')}`,
        )
        .join('\n\n');
      const sha256 = hashIssueSource({ title, description, body });
      files.push({ path: `en/${issueFileName(number)}`, content: translationFile(number, sha256, english) });
    }
  }
  return files;
}

function paragraphs(make: () => string, bytes: number): string[] {
  const list: string[] = [];
  let size = 0;
  while (size < bytes) {
    const paragraph = make();
    list.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  return list;
}

function link(random: () => number, pick: <T>(list: readonly T[]) => T, number: number): string {
  return `https://${pick(HOSTS)}/${number}-${Math.floor(random() * 100_000)}`;
}

function chineseParagraph(random: () => number, pick: <T>(list: readonly T[]) => T, number: number): string {
  const sentences = Array.from(
    { length: 2 + Math.floor(random() * 3) },
    () => `${pick(ZH_SUBJECTS)}${pick(ZH_VERBS)}${pick(EN_TERMS)}的${pick(ZH_OBJECTS)}，${pick(ZH_TAILS)}`,
  );
  return `${sentences.join('')}[详情](${link(random, pick, number)})  \n<${link(random, pick, number)}>`;
}

function englishParagraph(random: () => number, pick: <T>(list: readonly T[]) => T, number: number): string {
  const sentences = Array.from(
    { length: 2 + Math.floor(random() * 3) },
    () => `${pick(EN_SUBJECTS)} ${pick(EN_VERBS)} ${pick(EN_OBJECTS)} for ${pick(EN_TERMS)}. ${pick(EN_TAILS)}`,
  );
  return `${sentences.join(' ')} [Details](${link(random, pick, number)})  \n<${link(random, pick, number)}>`;
}

function nameOf(registry: readonly Project[], id: string, locale: 'zh-CN' | 'en'): string {
  return registry.find((project) => project.id === id)?.name[locale] ?? id;
}

function issueFile(number: number, title: string, description: string, start: Date, end: Date, ids: string[], body: string): string {
  return [
    '---',
    `number: ${number}`,
    `title: ${title}`,
    'period:',
    `  start: ${toIsoDay(start)}`,
    `  end: ${toIsoDay(end)}`,
    `published: ${toIsoDay(end)}`,
    `description: ${description}`,
    `projects: [${ids.join(', ')}]`,
    'attribution:',
    '  editor: 合成数据',
    '  source: https://example.org/synthetic/',
    '---',
    '',
    body,
    '',
  ].join('\n');
}

function translationFile(number: number, sha256: string, body: string): string {
  return [
    '---',
    `number: ${number}`,
    `title: OpenStack Community Digest, Issue ${number}`,
    `description: Synthetic issue ${number} for benchmarks`,
    'translator: Benchmark generator',
    'source:',
    `  sha256: ${sha256}`,
    '---',
    '',
    body,
    '',
  ].join('\n');
}
