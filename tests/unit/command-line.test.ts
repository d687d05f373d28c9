/** What the scripts make of options npm kept for itself (`npm run links --all`, typed without `--`). */
import { describe, expect, it } from 'vitest';
import { describeTakenOptions, optionsTakenByNpm } from '../../scripts/lib/command-line.ts';

const options = { all: { type: 'boolean' }, 'max-age': { type: 'string' } } as const;

describe('options npm took for itself', () => {
  it.each([
    ['a flag npm took', 'links', [], { npm_lifecycle_event: 'links', npm_config_all: 'true' }, ['all']],
    ['an option with a value, by its npm name', 'links', ['30'], { npm_lifecycle_event: 'links', npm_config_max_age: 'true' }, ['max-age']],
    ['none, typed after "--"', 'links', ['--all'], { npm_lifecycle_event: 'links', npm_config_all: 'true' }, []],
    ['none, typed after "--" with its value', 'links', ['--max-age=3'], { npm_lifecycle_event: 'links', npm_config_max_age: '3' }, []],
    ['none, for a script npm did not start', 'links', [], { npm_lifecycle_event: 'test', npm_config_all: 'true' }, []],
    ['none, run by node directly', 'links', [], { npm_config_all: 'true' }, []],
  ] as const)('%s', (_case, script, args, env, taken) => {
    expect(optionsTakenByNpm(script, options, args, env)).toEqual(taken);
  });

  it('gives the command to type when they are flags, and points at the usage when values were lost', () => {
    expect(describeTakenOptions('links', ['all'], options, [])).toMatch(/Nothing was done\. Run: npm run links -- --all$/);
    expect(describeTakenOptions('translate', ['all'], options, ['8', "it's"])).toMatch(/Run: npm run translate -- 8 'it'\\''s' --all$/);
    expect(describeTakenOptions('links', ['all', 'max-age'], options, ['30'])).toMatch(
      /^npm took --all and --max-age for itself .* Type "--" before the script's arguments, as the usage shows:$/,
    );
  });
});
