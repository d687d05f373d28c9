/**
 * Holds back a run's failures to reach a server until some server has answered it. Without a
 * network every address fails the same way (its host does not resolve, which the data file counts
 * as gone): recorded, that run would send every reader to archived copies, and overwrite the
 * earlier checks it had no better answer than. Once one server answers, the network is up and the
 * failures held are what they say.
 */
import type { LinkCheck } from '../../../src/schemas/links.ts';

/** Whether a server answered: an HTTP status, or redirects that went round. */
export function isAnswer({ status }: Pick<LinkCheck, 'status'>): boolean {
  return typeof status === 'number' || status === 'loop' || status === 'too-many-redirects';
}

export interface FailureGate {
  /** The checks to record now: this one, and those held before it once a server has answered. */
  admit(check: LinkCheck): LinkCheck[];
  /** The failures still held: all of the run's, when no server answered it. */
  held(): readonly LinkCheck[];
}

/**
 * @example const gate = createFailureGate(); gate.admit({ address: 'https://a.example/', checked: '2026-01-02', status: 'no-host' }) // []
 */
export function createFailureGate(): FailureGate {
  let answered = false;
  const held: LinkCheck[] = [];
  return {
    admit(check) {
      if (answered) return [check];
      if (!isAnswer(check)) {
        held.push(check);
        return [];
      }
      answered = true;
      return [...held.splice(0), check];
    },
    held: () => held,
  };
}
