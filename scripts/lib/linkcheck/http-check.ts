/**
 * One outside address checked over the network, as a reader's browser would follow it: a GET
 * (the body is not read), redirects followed one by one and recorded, a timeout per request, and a
 * retry when the answer says nothing lasting (a timeout, a dropped connection, a server error).
 */
import type { LinkCheck, LinkFailure } from '../../../src/schemas/links.ts';

export interface HttpCheckOptions {
  /** Milliseconds a request may take until its answer's headers. */
  timeoutMs: number;
  /** How many times a request whose answer says nothing lasting is tried again. */
  retries: number;
  /** Milliseconds before a retry. */
  retryDelayMs: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
  /** Aborts every request (an interrupted run). */
  signal: AbortSignal;
}

/** What a check found, before it is dated. */
export type HttpResult = Omit<LinkCheck, 'checked'>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'openstack-digest-linkcheck/1 (an archive of the OpenStack community digest checking its links)';

/**
 * Checks `address` (its fragment is not sent: browsers keep it across redirects). Never throws,
 * except when the run is aborted.
 */
export async function checkAddress(address: string, options: HttpCheckOptions): Promise<HttpResult> {
  let url = withoutFragment(address);
  // As browsers do: a redirect whose Location has a fragment replaces the one followed; one without keeps it.
  let fragment = new URL(address).hash;
  // Cookies the answers set, sent back to their host as a browser does: a site that sets one and
  // redirects to the same address (a cookie check) is no redirect loop.
  const cookies = new Map<string, Map<string, string>>();
  const cookieFor = (target: string) =>
    [...(cookies.get(new URL(target).host) ?? [])].map(([name, value]) => `${name}=${value}`).join('; ');
  // A loop is the same address asked again with the same cookies.
  const seen = new Set([`${url} ${cookieFor(url)}`]);
  const redirects: number[] = [];
  const ended = (status: LinkCheck['status']): HttpResult => ({
    address,
    status,
    ...(redirects.length > 0 ? { redirects, final: `${url}${fragment}` } : {}),
  });
  for (;;) {
    const answer = await requestWithRetry(url, cookieFor(url), options);
    if (typeof answer === 'string') return ended(answer);
    keepCookies(cookies, new URL(url).host, answer.cookies);
    const next = REDIRECTS.has(answer.status) && answer.location ? URL.parse(answer.location, url) : null;
    if (!next || (next.protocol !== 'http:' && next.protocol !== 'https:')) return ended(answer.status);
    redirects.push(answer.status);
    if (next.hash) fragment = next.hash;
    url = withoutFragment(next.href);
    const visit = `${url} ${cookieFor(url)}`;
    if (seen.has(visit)) return ended('loop');
    if (redirects.length > options.maxRedirects) return ended('too-many-redirects');
    seen.add(visit);
  }
}

type Answer = { status: number; location: string | null; cookies: string[] } | LinkFailure;

/** Keeps the name and value of each `Set-Cookie` of an answer from `host` (its attributes are not needed for one check). */
function keepCookies(jar: Map<string, Map<string, string>>, host: string, setCookies: readonly string[]): void {
  for (const setCookie of setCookies) {
    const [pair = ''] = setCookie.split(';');
    const equals = pair.indexOf('=');
    if (equals <= 0) continue;
    const cookies = jar.get(host) ?? new Map<string, string>();
    cookies.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
    jar.set(host, cookies);
  }
}

async function requestWithRetry(url: string, cookie: string, options: HttpCheckOptions): Promise<Answer> {
  let answer = await request(url, cookie, options);
  for (let retry = 0; retry < options.retries && saysNothingLasting(answer); retry++) {
    await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs));
    options.signal.throwIfAborted();
    answer = await request(url, cookie, options);
  }
  return answer;
}

/** Answers worth asking again: the next try may well differ. */
function saysNothingLasting(answer: Answer): boolean {
  if (typeof answer === 'string') return answer === 'timeout' || answer === 'reset' || answer === 'refused' || answer === 'error';
  return answer.status >= 500 || answer.status === 429;
}

async function request(url: string, cookie: string, { timeoutMs, signal }: HttpCheckOptions): Promise<Answer> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.any([signal, timeout]),
      headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...(cookie ? { cookie } : {}) },
    });
    // Only the status matters: the body is never read.
    await response.body?.cancel().catch(() => undefined);
    return {
      status: response.status,
      location: readLocation(response.headers.get('location')),
      cookies: response.headers.getSetCookie(),
    };
  } catch (error) {
    signal.throwIfAborted();
    if (timeout.aborted) return 'timeout';
    return failureOf(error);
  }
}

/**
 * A Location header as browsers read it: fetch gives a header's bytes one character each, and a
 * server that writes an address in Chinese sends them as UTF-8 (bytes that are not UTF-8 stay).
 * @example readLocation('/ç»´å\x9fº') // '/维基'
 */
function readLocation(value: string | null): string | null {
  if (value === null || !/[\x80-\xff]/.test(value)) return value;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}

/** What a failed request's error says, in the terms of the data file. */
function failureOf(error: unknown): LinkFailure {
  const code = errorCode(error);
  if (code === 'ENOTFOUND') return 'no-host';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'reset';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return 'timeout';
  return 'error';
}

function errorCode(error: unknown): string | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code) return code;
  }
  return undefined;
}

/** @example withoutFragment('https://r.example/#/c/1/') // 'https://r.example/' */
function withoutFragment(address: string): string {
  const url = new URL(address);
  url.hash = '';
  return url.href;
}
