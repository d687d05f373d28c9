/** Shared fixtures for unit tests: the real registry and a valid issue to vary. */
import { createProjectResolver } from '../../src/lib/projects.ts';
import { registryFile } from '../../src/pipeline/paths.ts';
import { loadProjectRegistry } from '../../src/pipeline/registry.ts';
import { issuePage, readIssueBody, toRenderedBody } from '../../src/pipeline/issue-body.ts';
import type { IssueEntryData } from '../../src/schemas/entry.ts';
import { toIsoDay } from '../../src/lib/dates.ts';
import { noLinkRules, planOutsideLink } from '../../src/lib/outside-links.ts';
import { createIssueSchema, type IssueData } from '../../src/schemas/issue.ts';

export const registry = loadProjectRegistry(registryFile);
export const resolver = createProjectResolver(registry);
/** The address tests publish the site at. */
export const site = new URL('https://digest.example.org/');
export const issueContext = { schema: createIssueSchema(registry.map((project) => project.id)), resolver, site };

/** A valid issue file; pass replacements to break one thing at a time. */
export function issueSource(replace: Record<string, string> = {}): string {
  let source = `---
number: 9
title: OpenStack社区动态第九期
period:
  start: 2014-02-16
  end: 2014-02-27
published: 2014-02-28
description: 第九期的测试内容
projects: [industry, common, nova]
attribution:
  editor: 测试编辑
  source: https://example.org/blog/
---

*编者按* 前言文字。

## 业界动态

业界新闻一则。

## Common

跨项目新闻。

## Nova

Nova 的动态，见 [bp][1]。

[1]: https://blueprints.launchpad.net/nova/+spec/x
`;
  for (const [from, to] of Object.entries(replace)) {
    if (!source.includes(from)) throw new Error(`fixture has no ${JSON.stringify(from)}`);
    source = source.replace(from, to);
  }
  return source;
}

/** An issue as the collections store it: the body read and rendered by the content pipeline for a site (by default `site`). */
export function issueEntry(data: IssueData, body: string, publishedAt: URL = site): IssueEntryData {
  const read = readIssueBody(body, { resolver, page: issuePage(publishedAt, data.number, 'zh-CN') });
  if (read.problems.length) throw new Error(`fixture body: ${read.problems.map((problem) => problem.message).join('; ')}`);
  return {
    ...data,
    body: toRenderedBody(read),
    sourceLink: planOutsideLink(data.attribution.source, toIsoDay(data.published), noLinkRules),
  };
}
