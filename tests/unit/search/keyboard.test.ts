import { describe, expect, it } from 'vitest';
import { arrowTarget, type FocusSpot, type FocusTarget } from '../../../src/lib/search/page/keyboard.ts';

const box: FocusSpot = { kind: 'box' };
const title = (index: number): FocusSpot => ({ kind: 'result', index, onTitle: true });
const otherLink = (index: number): FocusSpot => ({ kind: 'result', index, onTitle: false });
const result = (index: number): FocusTarget => ({ kind: 'result', index });

describe('arrow keys on the search page', () => {
  it.each<[string, string, FocusSpot, { results: number; more: boolean }, FocusTarget | undefined]>([
    ['Down from the box goes to the first result', 'ArrowDown', box, { results: 3, more: false }, result(0)],
    ['Down from the box with nothing listed is left to the browser', 'ArrowDown', box, { results: 0, more: false }, undefined],
    ['Down goes to the next result', 'ArrowDown', title(0), { results: 3, more: false }, result(1)],
    ['Down from another link of a result goes to the next result', 'ArrowDown', otherLink(1), { results: 3, more: false }, result(2)],
    ['Down from the last result goes to "more" when it shows', 'ArrowDown', title(2), { results: 3, more: true }, { kind: 'more' }],
    ['Down from the last result stays when there is no more', 'ArrowDown', title(2), { results: 3, more: false }, undefined],
    ['Up goes to the previous result', 'ArrowUp', title(2), { results: 3, more: false }, result(1)],
    ["Up from another link of a result goes to that result's title", 'ArrowUp', otherLink(2), { results: 3, more: false }, result(2)],
    ['Up from the first result goes back to the box', 'ArrowUp', title(0), { results: 3, more: false }, box],
    ['Up from "more" goes to the last result', 'ArrowUp', { kind: 'more' }, { results: 10, more: true }, result(9)],
    ['Up in the box is left to the browser', 'ArrowUp', box, { results: 3, more: false }, undefined],
    ['arrows elsewhere on the page are left to the browser', 'ArrowDown', { kind: 'elsewhere' }, { results: 3, more: false }, undefined],
    ['other keys are left to the browser', 'ArrowRight', title(0), { results: 3, more: false }, undefined],
    ['Enter is left to the link', 'Enter', title(0), { results: 3, more: false }, undefined],
  ])('%s', (_, key, from, shown, expected) => {
    expect(arrowTarget(key, from, shown)).toEqual(expected);
  });
});
