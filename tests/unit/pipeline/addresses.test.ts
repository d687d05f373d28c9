import { describe, expect, it } from 'vitest';
import { resolveAddress, unlinkedReason, userOf } from '../../../src/pipeline/addresses.ts';

const root = { site: new URL('https://d.example/'), pagePath: '/issues/8/' };
const subPath = { site: new URL('https://x.github.io/digest/'), pagePath: '/digest/issues/8/' };

describe('addresses in the text, read as the browser reads them', () => {
  it.each([
    ['https://www.openstack.org/', root, { href: 'https://www.openstack.org/', external: true }],
    ['https:evil.example/x', root, { href: 'https://evil.example/x', external: true }],
    ['HTTPS://D.EXAMPLE/projects/', root, { href: '/projects/', external: false }],
    ['http://d.example/projects/', root, { href: '/projects/', external: false }],
    ['http://d.example:8080/projects/', root, { href: 'http://d.example:8080/projects/', external: true }],
    ['../7/#nova', root, { href: '/issues/7/#nova', external: false }],
    ['#nova', root, { href: '/issues/8/#nova', external: false }],
    ['/issues/7/', subPath, { href: '/digest/issues/7/', external: false }],
    ['../7/', subPath, { href: '/digest/issues/7/', external: false }],
    ['/.//evil.example/x', root, { href: '/evil.example/x', external: false }],
    ['mailto:a@b.example', root, { href: 'mailto:a@b.example', external: false }],
  ])('%s on %o', (written, page, expected) => {
    expect(resolveAddress(written, page)).toEqual(expected);
  });

  it.each([
    '',
    '  ',
    'javascript:alert(1)',
    'data:text/html,x',
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example/x',
    'http://[broken',
  ])('drops %j', (written) => {
    expect(resolveAddress(written, root)).toBeUndefined();
  });

  it.each([
    ['https://www.openstack.org@evil.example/', 'www.openstack.org@'],
    ['http://admin:s3cret@review.openstack.org/', 'admin:s3cret@'],
    ['https:u@evil.example', 'u@'],
    ['https://a@b@evil.example/', 'a@b@'],
    ['https://:p@evil.example/', ':p@'],
  ])('%s gives %j before its host', (written, user) => {
    expect(userOf(written)).toBe(user);
  });

  it.each([
    'http://www.mail-archive.com/openstack-dev@lists.openstack.org/m.html',
    'mailto:a@b.example',
    '../a@b/',
    'https://evil.example/?to=a@b',
    'https://@evil.example/',
  ])('%s gives no user', (written) => {
    expect(userOf(written)).toBeUndefined();
  });

  it.each([
    ['ftp://ftp.example.org/x', 'an ftp: address, which browsers no longer open'],
    ['tel:+861012345678', 'a tel: address, which the site does not link (only http:, https:, mailto: and irc:)'],
    ['//example.net/x', "an address without its scheme, which reads as one on this site's own scheme"],
    ['http://[broken', 'an address that does not parse (a space, a bracket or a port out of place)'],
  ])('says why %s is not linked', (written, reason) => {
    expect(resolveAddress(written, root)).toBeUndefined();
    expect(unlinkedReason(written)).toBe(reason);
  });

  it.each(['', 'javascript:alert(1)', 'data:text/html,x', 'vbscript:x'])('says nothing of %j', (written) => {
    expect(unlinkedReason(written)).toBeUndefined();
  });
});
