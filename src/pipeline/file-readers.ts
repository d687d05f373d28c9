/**
 * How one content file is read: its bytes decoded and checked as text, then validated and
 * rendered as an issue or a translation. The same readers run on the main thread and on the
 * worker threads of `read-pool.ts`: what they are given is plain data, and what they return too.
 */
import path from 'node:path';
import type { Locale } from '../i18n/locales.ts';
import type { LinkRules } from '../lib/outside-links.ts';
import { createProjectResolver } from '../lib/projects.ts';
import { createIssueSchema } from '../schemas/issue.ts';
import type { Project } from '../schemas/project.ts';
import {
  controlCharacterError,
  decodeUtf8,
  doubleEncodingError,
  isEncodingError,
  ligatureError,
  loneCarriageReturnError,
  replacementCharacterError,
  type EncodingError,
} from './encoding.ts';
import { validateIssueFile, type FileValidation, type ValidIssue } from './issue-validation.ts';
import { displayPath } from './paths.ts';
import type { ContentProblem } from './problems.ts';
import { validateTranslationFile, type ValidTranslation } from './translations.ts';

/** A file's result: its value when it has no problems, its problems, and the number it gives. */
export type FileResult<T> = { value?: T; problems: ContentProblem[] } & Pick<FileValidation, 'number'>;

/** What every file of one read is read against. */
export interface ReadContext {
  registry: readonly Project[];
  /** The address the site is published at, as `URL.href`. */
  site: string;
  links: LinkRules;
}

/**
 * The files of one kind, read in one pass: the issues, then the translations, whose archived
 * copies are dated to their issue's day (`YYYY-MM-DD`, by number).
 */
export type ReadPass = { kind: 'issues' } | { kind: 'translations'; published: ReadonlyMap<number, string> };

/** What a pass reads its files as. */
export interface PassValues {
  issues: ValidIssue;
  translations: ValidTranslation;
}

/** A file to read: its path, its path as messages name it, its locale and its bytes. */
export interface FileJob {
  file: string;
  shown: string;
  locale: Locale;
  bytes: Uint8Array;
}

export type FileReader<Kind extends ReadPass['kind'] = ReadPass['kind']> = (job: FileJob) => FileResult<PassValues[Kind]>;

/** Reads a pass's files against a context. */
export function fileReader<Pass extends ReadPass>(context: ReadContext, pass: Pass): FileReader<Pass['kind']> {
  return readerOf(context, pass) as FileReader<Pass['kind']>;
}

function readerOf(context: ReadContext, pass: ReadPass): FileReader {
  const { registry, links } = context;
  const site = new URL(context.site);
  const resolver = createProjectResolver(registry);
  if (pass.kind === 'translations') {
    const publishedOf = (number: number) => pass.published.get(number);
    return (job) =>
      readText(job, (source) => {
        const { translation, ...rest } = validateTranslationFile({ file: job.shown, source }, job.locale, {
          resolver,
          site,
          publishedOf,
          links,
        });
        return { ...(translation ? { value: translation } : {}), ...rest };
      });
  }
  const schema = createIssueSchema(
    registry.map((project) => project.id),
    (written) => (resolver.resolve(written)?.project ?? resolver.suggest(written))?.id,
  );
  return (job) =>
    readText(job, (source) => {
      const { issue, ...rest } = validateIssueFile({ file: job.shown, source }, { schema, resolver, site, links });
      return { ...(issue ? { value: issue } : {}), ...rest };
    });
}

/** A file's bytes as text, then read; a file that is not UTF-8 text is a problem of its own. */
function readText<T>({ file, bytes }: FileJob, read: (source: string) => FileResult<T>): FileResult<T> {
  const decoded = decodeUtf8(bytes, path.basename(file));
  if (isEncodingError(decoded)) return unreadable(file, 'encoding', decoded);
  const control =
    loneCarriageReturnError(decoded.text) ??
    controlCharacterError(decoded.text) ??
    doubleEncodingError(decoded.text) ??
    replacementCharacterError(decoded.text) ??
    ligatureError(decoded.text);
  return control ? unreadable(file, 'text', control) : readOrReport(file, () => read(decoded.text));
}

/**
 * A file whose reading throws is a problem of its own, named, rather than the end of the whole
 * read: the renderer runs out of stack on HTML nested thousands of levels deep, and a read that
 * threw would leave `npm run dev` showing the content from before with no word of the file.
 */
function readOrReport<T>(file: string, read: () => FileResult<T>): FileResult<T> {
  try {
    return read();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return unreadable(file, 'body', {
      line: 1,
      message: `the file could not be rendered: ${message}`,
      fix: /call stack/i.test(message)
        ? 'look for HTML or Markdown nested hundreds of levels deep (tags, quotes, lists) and flatten it'
        : 'look for what the text does that others do not, and simplify it',
    });
  }
}

/** A file that cannot be read as text, as its only problem. */
function unreadable(file: string, field: string, error: EncodingError): FileResult<never> {
  return { problems: [{ file: displayPath(file), line: error.line, field, message: error.message, fix: error.fix }] };
}
