/**
 * Known moves of addresses (`review.openstack.org` → `review.opendev.org`): patterns over an
 * address's host and path, matched as the URL parser writes the address. Pure.
 */
import type { LinkMove } from '../schemas/links.ts';
import { escapeRegExp } from './regexp.ts';

/** A move ready to match. */
export interface CompiledMove extends LinkMove {
  pattern: RegExp;
}

const PLACEHOLDER = /\{([a-z][a-z0-9]*)(\*?)\}/gi;

/**
 * Compiles a move's patterns; returns the reason when they cannot work (a placeholder of `to` that
 * `from` lacks, a `{name*}` that is not last, a brace outside a placeholder, a `to` that is no
 * address or whose host a placeholder would write).
 * @example compileMove({ from: 'review.openstack.org/{rest*}', to: 'https://review.opendev.org/{rest*}', … }).pattern.test('review.openstack.org/#/c/1/') // true
 */
export function compileMove(move: LinkMove): CompiledMove | { error: string } {
  const names = new Set<string>();
  let source = '';
  let last = 0;
  let rest = false;
  for (const match of move.from.matchAll(PLACEHOLDER)) {
    if (rest) return { error: `{${match[1]}} follows a {name*} placeholder, which must come last` };
    source += escapeRegExp(move.from.slice(last, match.index));
    const [, name = '', star] = match;
    if (names.has(name)) return { error: `{${name}} appears twice in from` };
    names.add(name);
    rest = star === '*';
    source += rest ? `(?<${name}>.*)` : `(?<${name}>[^/?#]+)`;
    last = match.index + match[0].length;
  }
  source += escapeRegExp(move.from.slice(last));
  // Without a final {name*}, the address ends with the pattern, give or take a trailing slash and a
  // fragment: a place in the page, which moves with it (no placeholder name has a `_`).
  if (!rest) source = `${source.replace(/\/$/, '')}/?(?<_fragment>#.*)?`;
  for (const [, name = ''] of move.to.matchAll(PLACEHOLDER)) {
    if (!names.has(name)) return { error: `to uses {${name}}, which from does not define` };
  }
  // A brace outside a placeholder (`{repo`, `{repo_name}`) is a typo: from would match nothing, to would link it.
  for (const field of ['from', 'to'] as const) {
    const stray = /[{}]/.exec(move[field].replace(PLACEHOLDER, ''));
    if (stray)
      return { error: `${field} has a "${stray[0]}" outside a placeholder ({name} or a final {name*}, name in letters and digits)` };
  }
  // What a placeholder brings is path, query or fragment: the host must be whole before the first one.
  const fixed = move.to.split(PLACEHOLDER)[0] ?? '';
  if (fixed !== move.to && !/^https?:\/\/[^/?#]+[/?#]/.test(fixed))
    return { error: 'to must give its host whole, and a /, before a placeholder' };
  if (!URL.parse(move.to.replace(PLACEHOLDER, 'x'))) return { error: 'to is not a valid address' };
  return { ...move, pattern: new RegExp(`^${source}$`) };
}

/** Whether a compile result is a working move. */
export function isCompiledMove(result: CompiledMove | { error: string }): result is CompiledMove {
  return 'pattern' in result;
}

/**
 * The move before `moves[index]` that matches every address it names, so that it never applies
 * (the first that matches wins); undefined when none does.
 * @example findShadowingMove([move('review.openstack.org/{rest*}'), move('review.openstack.org/#/c/{change}/')], 1)?.from // 'review.openstack.org/{rest*}'
 */
export function findShadowingMove(moves: readonly CompiledMove[], index: number): CompiledMove | undefined {
  const move = moves[index];
  if (!move) return undefined;
  // Its addresses at their shortest and longest: a segment stands for one no pattern names (an
  // encoded byte), a final {name*} for nothing, then for segments, a query and a fragment.
  const sample = (rest: string) => move.from.replace(PLACEHOLDER, (_, _name: string, star: string) => (star ? rest : '%FF'));
  const addresses = [sample(''), sample('%FF/%FF?%FF#%FF')];
  return moves.slice(0, index).find((earlier) => addresses.every((address) => earlier.pattern.test(address)));
}

/**
 * Where an http(s) address lives now, by the first move that matches it; undefined when none does.
 * @example findMove('https://review.openstack.org/#/c/57774/', moves)?.address // 'https://review.opendev.org/#/c/57774/'
 */
export function findMove(address: string, moves: readonly CompiledMove[]): { address: string; move: CompiledMove } | undefined {
  const url = URL.parse(address);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  const key = `${url.host}${url.pathname}${url.search}${url.hash}`;
  for (const move of moves) {
    const match = move.pattern.exec(key);
    if (!match) continue;
    // A pattern without placeholders moves the one address it names.
    const groups = match.groups ?? {};
    const moved = URL.parse(move.to.replace(PLACEHOLDER, (_, name: string) => groups[name] ?? ''));
    if (!moved) continue;
    // As a redirect would: the new address keeps the place the old one named, unless it names its own.
    if (groups['_fragment'] && !moved.hash) moved.hash = groups['_fragment'];
    return { address: moved.href, move };
  }
  return undefined;
}
