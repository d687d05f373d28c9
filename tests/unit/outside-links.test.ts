import { describe, expect, it } from 'vitest';
import { linkVerdict } from '../../src/lib/link-health.ts';
import { compileMove, findMove, findShadowingMove, isCompiledMove, type CompiledMove } from '../../src/lib/link-moves.ts';
import {
  archivedCopyAddress,
  describeOutsideLink,
  isBareAddress,
  noLinkRules,
  outsideLinkHtml,
  planOutsideLink,
  readArchiveAddress,
  type LinkRules,
} from '../../src/lib/outside-links.ts';
import { getLinkLabels } from '../../src/i18n/link-labels.ts';
import type { LinkCheck, LinkMove } from '../../src/schemas/links.ts';

const move = (from: string, to: string): CompiledMove => {
  const compiled = compileMove({ from, to, moved: '2019-04-19', source: 'https://lists.example/' } satisfies LinkMove);
  if (!isCompiledMove(compiled)) throw new Error(compiled.error);
  return compiled;
};
const moves = [
  move('git.openstack.org/cgit/openstack/{repo}', 'https://opendev.org/openstack/{repo}'),
  move('review.openstack.org/{rest*}', 'https://review.opendev.org/{rest*}'),
  move('wiki.openstack.org/HowToContribute', 'https://docs.openstack.org/contributors/'),
];
const check = (address: string, fields: Partial<LinkCheck>): [string, LinkCheck] => [
  address,
  { address, checked: '2026-01-02', status: 200, ...fields },
];

describe('known moves', () => {
  it.each([
    ['https://review.openstack.org/#/c/53870/', 'https://review.opendev.org/#/c/53870/'],
    ['http://review.openstack.org/102720', 'https://review.opendev.org/102720'],
    ['https://review.openstack.org/', 'https://review.opendev.org/'],
    ['http://git.openstack.org/cgit/openstack/nova-specs', 'https://opendev.org/openstack/nova-specs'],
    ['http://git.openstack.org/cgit/openstack/nova-specs/', 'https://opendev.org/openstack/nova-specs'],
    // A move of one address, without placeholders.
    ['https://wiki.openstack.org/HowToContribute', 'https://docs.openstack.org/contributors/'],
    ['http://wiki.openstack.org/HowToContribute/', 'https://docs.openstack.org/contributors/'],
    // A place in a moved page moves with it.
    ['https://wiki.openstack.org/HowToContribute#Gerrit_Accounts', 'https://docs.openstack.org/contributors/#Gerrit_Accounts'],
    ['http://git.openstack.org/cgit/openstack/nova-specs/#readme', 'https://opendev.org/openstack/nova-specs#readme'],
  ])('moves %s to %s', (from, to) => {
    expect(findMove(from, moves)?.address).toBe(to);
  });

  it.each([
    'http://git.openstack.org/cgit/openstack/nova/tree/nova/api', // no one-to-one form inside a repository
    'http://git.openstack.org/cgit/stackforge/openstackdroid/',
    'https://reviews.openstack.org/1',
    'https://evilreview.openstack.org/1',
    'mailto:review.openstack.org',
    'https://wiki.openstack.org/HowToContribute/Gerrit',
    'https://wiki.openstack.org/HowToContribute?action=history', // another page of the wiki
  ])('leaves %s where it is', (address) => {
    expect(findMove(address, moves)).toBeUndefined();
  });

  it.each([
    ['a.example/{x*}/{y}', '{y} follows a {name*} placeholder, which must come last'],
    ['a.example/{x}/{x}', '{x} appears twice in from'],
    ['a.example/{x}', 'to uses {rest}, which from does not define'],
  ])('refuses the pattern %s', (from, error) => {
    expect(compileMove({ from, to: 'https://b.example/{rest}', moved: '2019', source: 'https://s.example/' })).toEqual({ error });
  });

  it.each([
    ['a.example/{x}', 'https://b.example/{x', 'to has a "{" outside a placeholder ({name} or a final {name*}, name in letters and digits)'],
    [
      'a.example/{x_y}',
      'https://b.example/',
      'from has a "{" outside a placeholder ({name} or a final {name*}, name in letters and digits)',
    ],
    ['a.example/{x*}', 'https://b.example{x*}', 'to must give its host whole, and a /, before a placeholder'],
    ['a.example/{x}', 'https://{x}.b.example/', 'to must give its host whole, and a /, before a placeholder'],
    ['a.example/{x}', 'https://[b.example/{x}', 'to is not a valid address'],
  ])('refuses the move from %s to %s, which would link a wrong address or none', (from, to, error) => {
    expect(compileMove({ from, to, moved: '2019', source: 'https://s.example/' })).toEqual({ error });
  });
});

describe('moves an earlier one keeps from applying', () => {
  it.each([
    ['review.openstack.org/{rest*}', 'review.openstack.org/#/c/{change}/', true],
    ['a.example/{x}', 'a.example/b', true],
    ['a.example/{x}', 'a.example/{y}/', true],
    ['a.example/b/{x}', 'a.example/{y}/{z}', false],
    // A wider move after a narrower one still takes the rest.
    ['a.example/{x}', 'a.example/{rest*}', false],
    ['a.example/{x}/{y*}', 'a.example/{rest*}', false],
    ['a.example/x/{y}', 'a.example/{x}/{y}', false],
  ])('%s before %s: %s', (first, second, shadowed) => {
    const both = [move(first, 'https://b.example/'), move(second, 'https://b.example/')];
    expect(findShadowingMove(both, 1)).toBe(shadowed ? both[0] : undefined);
  });
});

describe('what a check means', () => {
  it.each([
    [{ status: 200 }, 'alive'],
    [{ status: 200, redirects: [302], final: 'https://b.example/' }, 'alive'],
    [{ status: 200, redirects: [301, 308], final: 'https://b.example/' }, 'moved'],
    [{ status: 200, redirects: [301, 302], final: 'https://b.example/' }, 'alive'],
    // A cookie check: redirected to itself once a cookie is set.
    [{ status: 200, redirects: [301], final: 'https://a.example/' }, 'alive'],
    [{ status: 404, redirects: [301], final: 'https://b.example/' }, 'dead'],
    [{ status: 410 }, 'dead'],
    [{ status: 'no-host' }, 'dead'],
    [{ status: 'loop', redirects: [301, 301], final: 'https://a.example/' }, 'dead'],
    [{ status: 500 }, 'unknown'],
    [{ status: 403 }, 'unknown'],
    [{ status: 'timeout' }, 'unknown'],
    [{ status: 'reset' }, 'unknown'],
    [{ status: 'refused' }, 'unknown'],
  ] as const)('%j is %s', (fields, verdict) => {
    expect(linkVerdict({ address: 'https://a.example/', checked: '2026-01-02', ...fields } as LinkCheck)).toBe(verdict);
  });

  it.each([
    ['http://techs.enovance.com/6413/summit-openstack-neutron-point-of-view', [301, 301], 'https://www.redhat.com/', 'dead'],
    ['http://www.qyjohn.net/?p=3528', [301], 'https://www.qyjohn.net/', 'dead'],
    ['http://blog.example/2013/11/post.html', [308], 'https://blog.example/index.html', 'dead'],
    // Sent home for now only: linked as written.
    ['http://blog.example/2013/11/post.html', [302], 'https://blog.example/', 'alive'],
    // A home page moved is a move.
    ['http://docs.openstack.org/', [301], 'https://docs.openstack.org/', 'moved'],
    ['http://www.stackinsider.com/index.html', [301], 'https://stackinsider.example/', 'moved'],
    ['http://a.example/news', [301], 'https://a.example/news/', 'moved'],
  ] as const)('%s redirected %j to %s is %s: a page sent home permanently is gone', (address, redirects, final, verdict) => {
    expect(linkVerdict({ address, checked: '2026-01-02', status: 200, redirects: [...redirects], final })).toBe(verdict);
  });
});

describe('archive addresses', () => {
  it('asks the Internet Archive for the snapshot nearest the day, the address appended as it is', () => {
    expect(archivedCopyAddress('https://review.openstack.org/#/c/53870/', '2013-11-28')).toBe(
      'https://web.archive.org/web/20131128/https://review.openstack.org/#/c/53870/',
    );
  });

  it.each([
    ['https://web.archive.org/web/20131112093000/http://x.example/a?b=1', { original: 'http://x.example/a?b=1', day: '2013-11-12' }],
    ['https://web.archive.org/web/20131112id_/http:/x.example/', { original: 'http://x.example/', day: '2013-11-12' }],
    ['http://wayback.archive.org/web/2013/http://x.example/', {}],
    ['https://archive.today/abc12', {}],
    ['https://perma.cc/ABCD-1234', {}],
  ])('recognizes %s as an archive link', (address, read) => {
    expect(readArchiveAddress(address)).toEqual(read);
  });

  it.each(['https://example.com/web/20131112/http://x.example/', 'https://notarchive.org.example/', 'https://archive.organic.example/'])(
    'does not take %s for one',
    (address) => {
      expect(readArchiveAddress(address)).toBeUndefined();
    },
  );
});

describe('planning an outside link', () => {
  const rules: LinkRules = {
    moves,
    checks: new Map([
      check('http://gone.example/page#part', { status: 404 }),
      check('http://old.example/', { redirects: [301], final: 'https://new.example/home' }),
      check('http://old.example/doc#intro', { redirects: [301], final: 'https://new.example/doc' }),
      check('https://review.opendev.org/#/c/1/', { status: 'no-host' }),
      check('http://flaky.example/', { status: 503 }),
    ]),
  };

  it('links as written, with the archived copy, when nothing is known', () => {
    expect(planOutsideLink('http://a.example/x', '2014-02-15', noLinkRules)).toEqual({
      original: 'http://a.example/x',
      checked: 'http://a.example/x',
      href: 'http://a.example/x',
      state: 'linked',
      archived: 'https://web.archive.org/web/20140215/http://a.example/x',
      day: '2014-02-15',
    });
    expect(planOutsideLink('http://flaky.example/', '2014-02-15', rules)).toMatchObject({ href: 'http://flaky.example/', state: 'linked' });
  });

  it('follows a known move, checking the new address, and keeps the archived copy of the original', () => {
    expect(planOutsideLink('https://review.openstack.org/#/c/53870/', '2013-11-28', rules)).toMatchObject({
      checked: 'https://review.opendev.org/#/c/53870/',
      href: 'https://review.opendev.org/#/c/53870/',
      state: 'moved',
      archived: 'https://web.archive.org/web/20131128/https://review.openstack.org/#/c/53870/',
    });
  });

  it('shows a permanent redirect as a move, keeping the fragment the text gave', () => {
    expect(planOutsideLink('http://old.example/', '2014-02-15', rules)).toMatchObject({ href: 'https://new.example/home', state: 'moved' });
    expect(planOutsideLink('http://old.example/doc#intro', '2014-02-15', rules)).toMatchObject({ href: 'https://new.example/doc#intro' });
  });

  it('sends a dead link, moved or not, to its archived copy', () => {
    expect(planOutsideLink('http://gone.example/page#part', '2014-02-15', rules)).toMatchObject({
      href: 'https://web.archive.org/web/20140215/http://gone.example/page#part',
      state: 'dead',
    });
    expect(planOutsideLink('https://review.openstack.org/#/c/1/', '2013-11-28', rules)).toMatchObject({
      href: 'https://web.archive.org/web/20131128/https://review.openstack.org/#/c/1/',
      state: 'dead',
    });
  });
});

describe('the markup of an outside link', () => {
  const zh = getLinkLabels('zh-CN', '2014-02-15');
  const en = getLinkLabels('en', '2014-02-15');

  it('carries the Robust Links attributes and an archived copy labelled in the text’s language', () => {
    const plan = planOutsideLink('http://a.example/x', '2014-02-15', noLinkRules);
    expect(describeOutsideLink(plan, zh)).toEqual({
      attributes: {
        href: 'http://a.example/x',
        'data-originalurl': 'http://a.example/x',
        'data-versionurl': 'https://web.archive.org/web/20140215/http://a.example/x',
        'data-versiondate': '2014-02-15',
      },
      beside: [
        '（',
        {
          href: 'https://web.archive.org/web/20140215/http://a.example/x',
          text: '存档',
          attributes: {
            rel: 'external noopener noreferrer',
            title: 'Internet Archive 在2014年2月15日前后保存的副本',
            'data-originalurl': 'http://a.example/x',
            'data-versiondate': '2014-02-15',
          },
        },
        '）',
      ],
    });
    expect(describeOutsideLink(plan, en).beside[1].text).toBe('archived');
  });

  it('names the original address of a moved link in its title', () => {
    const plan = planOutsideLink('https://review.openstack.org/#/c/1/', '2013-11-28', { moves, checks: new Map() });
    expect(describeOutsideLink(plan, en).attributes['title']).toBe('Originally https://review.openstack.org/#/c/1/ (moved)');
  });

  it('says a dead link opens the archived copy, and offers the original beside it', () => {
    const plan = planOutsideLink('http://gone.example/', '2014-02-15', {
      moves: [],
      checks: new Map([check('http://gone.example/', { status: 410 })]),
    });
    const { attributes, beside } = describeOutsideLink(plan, en);
    expect(attributes).toEqual({
      href: 'https://web.archive.org/web/20140215/http://gone.example/',
      title: 'The page is gone; this opens the Internet Archive copy from around February 15, 2014',
      'data-originalurl': 'http://gone.example/',
      'data-versiondate': '2014-02-15',
    });
    expect(beside).toEqual([
      '\u00a0(dead link, opens an archived copy; ',
      { href: 'http://gone.example/', text: 'original', attributes: { rel: 'external noopener noreferrer' } },
      ')',
    ]);
  });

  it('writes the same markup as HTML, escaped, for the credit line', () => {
    const plan = planOutsideLink(new URL('http://a.example/?q="x"&y').href, '2014-02-15', noLinkRules);
    expect(outsideLinkHtml('a.example &amp; co', plan, en)).toBe(
      '<a href="http://a.example/?q=%22x%22&amp;y" data-originalurl="http://a.example/?q=%22x%22&amp;y" data-versionurl="https://web.archive.org/web/20140215/http://a.example/?q=%22x%22&amp;y" data-versiondate="2014-02-15" rel="external noopener noreferrer">a.example &amp; co</a>' +
        '<small class="archived">\u00a0(<a href="https://web.archive.org/web/20140215/http://a.example/?q=%22x%22&amp;y" rel="external noopener noreferrer" title="Internet Archive copy from around February 15, 2014" data-originalurl="http://a.example/?q=%22x%22&amp;y" data-versiondate="2014-02-15">archived</a>)</small>',
    );
  });
});

describe('a link that reads as its address', () => {
  it.each([
    ['https://github.com/openstack/nova', 'https://github.com/openstack/nova', true],
    ['github.com/openstack/nova/', 'https://github.com/openstack/nova', true],
    ['www.openstack.org', 'http://www.openstack.org/', true],
    [' HTTPS://Wiki.OpenStack.org/wiki/Nova ', 'https://wiki.openstack.org/wiki/Nova', true],
    ['Nova', 'https://github.com/openstack/nova', false],
    ['https://old.example.org/page', 'https://new.example.org/page', false],
  ])('%s for %s: %s', (text, href, bare) => {
    expect(isBareAddress(text, href)).toBe(bare);
  });
});
