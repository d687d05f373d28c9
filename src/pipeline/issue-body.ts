/**
 * An issue body: an introduction (anything before the first section), then one `##` section per
 * registry project. One render pass (`render.ts`) reads the headings, cuts the body at those
 * that name projects and renders every part; this module decides which headings are sections
 * and reports those that cannot be. Every line outside the section headings lands in exactly one part.
 */
import type { Locale } from '../i18n/locales.ts';
import { normalizeProjectKey, splitHeading, type ProjectResolver } from '../lib/projects.ts';
import { issuePath, localizePath } from '../lib/routes.ts';
import type { PageAddress } from './addresses.ts';
import type { RenderedBody, RenderedPart } from '../schemas/entry.ts';
import { renderText, type RenderedText, type TopHeading } from './render.ts';
import { stripBidiControls } from '../lib/bidi.ts';
import { ADDRESS_STRAYS, CHARACTER_NAMES, firstHidden, HIDDEN_CHARACTERS } from './hidden-characters.ts';
import { codePointName } from './encoding.ts';
import { VOID_ELEMENTS } from './html-policy.ts';
import { OPENING_PUNCTUATION, type MisreadMarkdown } from './misread-markdown.ts';
import type { OutsideLinkPlan } from '../lib/outside-links.ts';
import type { OutsideLinkOptions } from './outside-links.ts';
import type { SiteLink } from './site-links.ts';

/** A part of a body: its rendered HTML and text, and its Markdown as written (for translators' scaffolds). */
export interface BodyPart extends RenderedPart {
  /** The part's Markdown, heading excluded, blank lines at either end dropped. */
  markdown: string;
}

export interface BodySection extends BodyPart {
  /** Registry id of the project the heading names. */
  projectId: string;
  /** The heading's text as written. */
  heading: string;
  /** Words of the heading beyond the project's name, in parentheses after it (`## Nova (热迁移专题)`). */
  subtitle?: string;
  /** 1-based line of the heading within the body. */
  line: number;
}

export interface BodyProblem {
  /** 1-based line within the body. */
  line: number;
  message: string;
  fix: string;
}

export interface IssueBody {
  /** The text before the first section (a foreword, an editor's note), when there is any. */
  intro?: BodyPart;
  sections: BodySection[];
  problems: BodyProblem[];
  /** Every link elsewhere in the body, as the site links it. */
  links: OutsideLinkPlan[];
  /** Every link and image to this site, with its line in the body. */
  siteLinks: SiteLink[];
  /** Sub-headings that name a project (`### Nova`), which open no section: what was meant when its section is missing. */
  projectSubheadings: { projectId: string; written: string; text: string; line: number }[];
}

export interface BodyContext {
  resolver: ProjectResolver;
  /** The page the body is shown on. */
  page: PageAddress;
  /** Archived copies, moves and checks for links elsewhere (see `render.ts`). */
  outsideLinks?: OutsideLinkOptions;
  /** The file's line the body starts on (1 by default), for a line a message names besides its own. */
  bodyLine?: number;
  /** The body's language (Chinese when absent; see `render.ts`). */
  lang?: Locale;
}

/** The page an issue text is shown on: the issue's page in the text's language. */
export function issuePage(site: URL, number: number, locale: Locale): PageAddress {
  return { site, pagePath: new URL(`.${localizePath(issuePath(number), locale)}`, site).pathname };
}

/**
 * Reads and renders a body: its introduction and sections, and the headings that name no project.
 * Explicit direction controls are removed from every part (they can only spoof here, see `lib/bidi.ts`).
 */
export function readIssueBody(written: string, { resolver, page, outsideLinks, bodyLine = 1, lang }: BodyContext): IssueBody {
  const markdown = stripBidiControls(written);
  const problems: BodyProblem[] = [];
  const sections: Omit<BodySection, keyof BodyPart>[] = [];
  const firstLines = new Map<string, number>();
  const startsSection = ({ text, line, start }: TopHeading) => {
    const match = resolver.resolve(text);
    if (!match) {
      // A line with `---` under it is a heading too (setext): most often meant as text, then a rule.
      const setext = !markdown.startsWith('#', start);
      problems.push(setext ? setextHeading(text, line) : unknownHeading(text, line, resolver));
      return false;
    }
    const first = firstLines.get(match.project.id);
    if (first !== undefined) {
      problems.push({
        line,
        message: `a second ${match.project.name.en} section (the first is at line ${first + bodyLine - 1})`,
        fix: 'merge the two sections into one',
      });
      return false;
    }
    firstLines.set(match.project.id, line);
    // `## Compute (Nova)`: the page shows the project's name, then the subtitle: the name twice.
    // An alias as subtitle is a description (`## Cinder (块存储)`), shown once.
    const names = [match.project.id, ...Object.values(match.project.name)].map(normalizeProjectKey);
    if (match.subtitle && names.includes(normalizeProjectKey(match.subtitle))) {
      problems.push({
        line,
        message: `heading "## ${text}" names the project again in its subtitle: the page shows the project's name, then the subtitle, so the name would show twice`,
        fix: `write "## ${splitHeading(text).name}" (any name or alias of the project works as the heading)`,
      });
    }
    sections.push({ projectId: match.project.id, heading: text, ...(match.subtitle ? { subtitle: match.subtitle } : {}), line });
    return true;
  };
  const rendered = renderText(markdown, {
    page,
    startsPart: startsSection,
    ...(outsideLinks ? { outsideLinks } : {}),
    ...(lang ? { lang } : {}),
  });
  const {
    parts,
    headings,
    boundaries,
    broken,
    links,
    unclosed,
    siteLinks,
    linkedHeadings,
    nestedHeadings,
    codeHeadings,
    indentedHeadings,
  } = rendered;
  // Raw HTML never closed also swallows the headings after it: its own problem says so more exactly.
  if (broken && unclosed.length === 0) {
    problems.push({
      line: boundaries[0]?.line ?? 1,
      message: 'raw HTML opened before a section heading is closed after it, so the body cannot be cut into sections there',
      fix: 'close every HTML element before the next "##" heading',
    });
  }
  problems.push(...writingProblems(rendered));
  for (const { text, line } of linkedHeadings) {
    problems.push({
      line,
      message: `the heading "${text}" holds a link, image or HTML: a section's heading shows only the project's name (and its subtitle as text), so the address would be lost`,
      fix: 'write the heading as plain text ("## Heat" or "## Heat (subtitle)") and put the link in the section\'s first line',
    });
  }
  for (const { text, line, codeLine } of codeHeadings) {
    const match = resolver.resolve(text);
    if (!match) continue;
    problems.push({
      line,
      message: `"## ${text}" is inside the code block opened at line ${codeLine + bodyLine - 1}, so it is shown as code and opens no ${match.project.name.en} section`,
      fix: `close the code block (\`\`\`) before line ${line + bodyLine - 1}`,
    });
  }
  for (const { text, line, code } of indentedHeadings) {
    const match = resolver.resolve(text);
    if (!match) continue;
    problems.push({
      line,
      message: `"## ${text}" is indented by four spaces or more, so Markdown reads it as ${code ? 'code' : 'text of the paragraph above'} and it opens no ${match.project.name.en} section: the text after it stays in the section before`,
      fix: `write "## ${text}" at the start of its line, after a blank line`,
    });
  }
  for (const { text, line } of nestedHeadings) {
    const match = resolver.resolve(text);
    if (!match) continue;
    problems.push({
      line,
      message: `the heading "${text}" stands inside a quote or a list, so it opens no ${match.project.name.en} section: its text stays in the section before`,
      fix: `write "## ${text}" at the start of its own line, outside the quote or list, or make it a sub-heading ("### ${text}")`,
    });
  }
  for (const { written, text, line } of rendered.htmlHeadings) {
    const match = text ? resolver.resolve(text) : undefined;
    problems.push({
      line,
      message: match
        ? `"${written}" is a heading of raw HTML, which the page shows as plain text: it opens no ${match.project.name.en} section, so the text under it stays in the section before`
        : `"${written}" is a heading of raw HTML, which the page shows as plain text`,
      fix: match
        ? `write "## ${text}" on a line of its own instead`
        : `write it in Markdown: "### ${text || '…'}" for a sub-heading inside the section, or "## <project>" for a section`,
    });
  }
  for (const heading of headings.filter((candidate) => candidate.depth === 1)) {
    // Underlined with "===" (setext), the heading is quoted as written, not with a "#" no one typed.
    const underlined = !markdown.startsWith('#', heading.start);
    problems.push({
      line: heading.line,
      message: underlined
        ? `"${heading.text}" with "===" on the line under it is a level-1 heading in Markdown`
        : `"# ${heading.text}" is a level-1 heading`,
      fix: underlined
        ? 'leave a blank line between the text and "===" if they are text, or write the section heading as "## <project>"'
        : 'use "## <project>" for a section or "###" for a sub-heading',
    });
  }
  // A heading with nothing under it (a rule is nothing): the page would show it over nothing, its timeline link to it.
  sections.forEach((section, index) => {
    const part = parts[index + 1];
    if (part && !broken && unclosed.length === 0 && !part.text.trim() && !/<(?:img|table)\b/.test(part.html)) {
      problems.push({
        line: section.line,
        message: `the ${resolver.get(section.projectId)?.name.en ?? section.projectId} section has nothing under its heading`,
        fix: "write the section's news under it, or remove the heading",
      });
    }
  });
  problems.sort((a, b) => a.line - b.line);

  const sourceOf = (index: number) => {
    const from = index === 0 ? 0 : (boundaries[index - 1]?.end ?? 0);
    return trimBlankLines(markdown.slice(from, boundaries[index]?.start ?? markdown.length));
  };
  const [introPart, ...sectionParts] = parts;
  const intro = introPart?.html ? { ...introPart, markdown: sourceOf(0) } : undefined;
  return {
    ...(intro ? { intro } : {}),
    sections: sections.map((section, index) => ({
      ...section,
      ...(sectionParts[index] ?? { html: '', text: '' }),
      markdown: sourceOf(index + 1),
    })),
    problems,
    links,
    siteLinks,
    projectSubheadings: rendered.subHeadings.flatMap(({ text, depth, line }) => {
      const match = resolver.resolve(text);
      return match ? [{ projectId: match.project.id, written: `${'#'.repeat(depth)} ${text}`, text, line }] : [];
    }),
  };
}

/** How the text after an unclosed formatting element would look, said for the editor. */
const FORMATTED_AS: Readonly<Record<string, string>> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  code: 'code',
  tt: 'code',
  s: 'struck through',
  strike: 'struck through',
  u: 'underlined',
  small: 'small',
  big: 'big',
};

/**
 * What a rendered text would lose, garble or move, line by line: a `##` heading without its space,
 * raw HTML never closed, a placeholder read as a tag, an address running into the text after it,
 * asterisks that make no bold, and footnotes. Markdown gathers every footnote at the end of
 * the text, so a section's note would show under the last section, in another project's feed
 * and search record, its anchors stripped by the allowlist. For an issue body and a credit alike.
 */
export function writingProblems({
  unspacedHeadings,
  unclosed,
  unclosedFormatting,
  unmatchedInParagraphs,
  vanishingTags,
  droppedText,
  broken,
  runOnAddresses,
  userAddresses,
  hiddenInAddresses,
  unlinked,
  literalStars,
  misread,
  unquotedTags,
  footnotes,
}: RenderedText): BodyProblem[] {
  const problems: BodyProblem[] = [];
  for (const { text, line } of unspacedHeadings) {
    const heading = `## ${text.replace(/^[#＃]+[\s\u3000\u00A0]*/, '')}`;
    problems.push({
      line,
      message: text.startsWith('##')
        ? `"${text}" is not a heading: Markdown needs a plain space after "##"${CHARACTER_NAMES[text.charAt(2)] ? ` (here ${CHARACTER_NAMES[text.charAt(2)]}, which looks the same)` : ''}, so its text joins the section before`
        : `"${text}" is not a heading: Markdown reads only half-width "##" (not full-width "＃"), so its text joins the section before`,
      fix: `write "${heading}"`,
    });
  }
  for (const { tag, name, line } of unclosed) {
    const comment = !name;
    problems.push({
      line,
      message: comment
        ? '"<!--" opens an HTML comment that is never closed: everything after it would be left off the page'
        : `"${tag}" is never closed: the page drops <${name}> with everything it holds, here the rest of the text`,
      fix: comment
        ? 'close the comment with "-->" where it should end'
        : `close it with </${name}> where it should end, or write it as code (\`${tag}\`)`,
    });
  }
  for (const { tag, name, line } of unclosedFormatting) {
    problems.push({
      line,
      message:
        name === 'a'
          ? `"${tag}" is never closed: the link would take in the text after it, paragraph after paragraph (the HTML parser opens it again in each), up to the next link or the end of the text`
          : `"${tag}" is never closed: the HTML parser opens <${name}> again in every paragraph after it, so the rest of the text, the sections after it included, would be ${FORMATTED_AS[name] ?? `inside <${name}>`}`,
      fix: `close it with </${name}> where it should end, or write it as code (\`${tag}\`)`,
    });
  }
  for (const { tag, name, line, closing } of unmatchedInParagraphs) {
    problems.push({
      line,
      message: closing
        ? `"${tag}" reads as an HTML tag and closes no <${name}> in its paragraph: the page would drop it`
        : `"${tag}" reads as an HTML tag and is never closed in its paragraph: the page would not show "${tag}", and <${name}> would take in the rest of the paragraph`,
      fix: closing
        ? `write it as code (\`${tag}\`), or remove it`
        : `write it as code (\`${tag}\`), or close it with </${name}> where it should end`,
    });
  }
  for (const { tag, name, line, element, swallows } of vanishingTags) {
    problems.push({
      line,
      message: !element
        ? `"${tag}" reads as an HTML tag, and no HTML element has that name: the page would drop it`
        : swallows
          ? `"${tag}" reads as an HTML tag: the page drops <${name}> with the rest of its paragraph`
          : name === 'img'
            ? `"${tag}" reads as an HTML image with no address: it would vanish, with nothing in its place`
            : `"${tag}" reads as the HTML tag of an element the page does not keep: it would vanish, with nothing in its place`,
      fix: `write it as code (\`${tag}\`) or escape its bracket (\\${tag})`,
    });
  }
  // An element never closed, or one across a section heading, is reported as such, with all it takes.
  const leftOpen = new Set([...unclosed, ...vanishingTags.filter((tag) => tag.swallows)].map((element) => element.name));
  for (const { name, text, line } of broken ? [] : droppedText.filter((element) => !leftOpen.has(element.name))) {
    const shown = text.length > 30 ? `${text.slice(0, 30)}…` : text;
    problems.push({
      line,
      message: `the page drops <${name}> with what it holds, here "${shown.replace(/\s+/g, ' ')}": it keeps no forms, buttons, drawings, formulas or their like`,
      fix: `write the text without the <${name}> tag`,
    });
  }
  for (const { address, line } of runOnAddresses) {
    problems.push({
      line,
      message: `"${address}" is read as one web address, with the Chinese text or punctuation written right after it: the link would lead nowhere`,
      fix: 'put a space after the address, or write it in angle brackets (<https://…>) when those characters are part of it',
    });
  }
  for (const { address, user, line } of userAddresses) {
    const meant = address.replace(user, '');
    const host = URL.parse(meant)?.host ?? meant;
    problems.push({
      line,
      message: user.includes(':')
        ? `"${address}" holds a user name and password ("${user}"): every reader would see them, and their browser would send them to ${host}`
        : `"${address}" gives "${user}" before its host: it leads to ${host}, not to what comes before "@"`,
      fix: `write the address without it ("${meant}"), or the address of the site meant`,
    });
  }
  for (const { address, line } of hiddenInAddresses) {
    const hidden = firstHidden(address, 'address');
    if (!hidden) continue;
    const shown = address.replace(ADDRESS_STRAYS, (found) => `<${codePointName(found)}>`);
    const meant = address.replace(ADDRESS_STRAYS, '');
    problems.push({
      line,
      message: `the address "${shown}" holds an invisible character, ${hidden.described}, ${hidden.index ? `after "${address.slice(0, hidden.index)}"` : 'at its start'}: the link would lead to "${URL.parse(address)?.href ?? shown}", an address no one wrote`,
      fix: `delete it, so the address reads "${meant}"`,
    });
  }
  for (const { address, reason, line } of unlinked) {
    problems.push({
      line,
      message: `"${address}" is ${reason}: the page would keep the words and drop the link`,
      fix: /^[/\\]{2}/.test(address.trim())
        ? `write it with its scheme ("https://${address.trim().replace(/^[/\\]{2}/, '')}")`
        : 'link an http(s) page instead, or write the address as code (`…`) for readers to copy',
    });
  }
  for (const { tag, name, line } of unquotedTags) {
    const quoted = tag.replace(/=\s*([^\s"'=<>`]+)/g, '="$1"');
    problems.push({
      line,
      message: `"${tag}" is shown as text, not read as HTML: raw HTML here needs its attribute values in quotes${VOID_ELEMENTS.has(name) ? '' : ` (a closing </${name}> after it would vanish)`}`,
      fix: `put each value in quotes: "${quoted}"${name === 'a' ? ', or write a Markdown link: [text](address)' : ''}`,
    });
  }
  for (const line of literalStars) {
    problems.push({
      line,
      message: '"**" beside Chinese text or full-width punctuation makes no bold text here: Markdown shows the asterisks',
      fix: 'put the punctuation outside the asterisks ("**注意**：…"), or write <strong>…</strong>',
    });
  }
  problems.push(...misread.map(misreadProblem));
  for (const { label, line } of footnotes) {
    problems.push({
      line,
      message: `"[^${label}]" is a footnote: Markdown moves every footnote to the end of the issue, under the last section`,
      fix: 'write the note where it belongs, in parentheses after the words it explains',
    });
  }
  return problems;
}

/** What the collections keep of a body: each part's HTML and text, without the Markdown. */
export function toRenderedBody({ intro, sections }: IssueBody): RenderedBody {
  return {
    ...(intro ? { intro: { html: intro.html, text: intro.text, ...(intro.breaks ? { breaks: intro.breaks } : {}) } } : {}),
    sections: sections.map(({ projectId, heading, subtitle, html, text, breaks }) => ({
      projectId,
      heading,
      ...(subtitle ? { subtitle } : {}),
      html,
      text,
      ...(breaks ? { breaks } : {}),
    })),
  };
}

function setextHeading(text: string, line: number): BodyProblem {
  return {
    line,
    message: `"${text}" with "---" on the line under it is a "##" heading in Markdown, and names no project`,
    fix: 'leave a blank line between the text and "---" for a rule under it, or write the section heading as "## <project>"',
  };
}

function unknownHeading(text: string, line: number, resolver: ProjectResolver): BodyProblem {
  // Copied from a web page or a chat, a heading can hold what no one sees: named, or the fix looks like the heading.
  const hidden = firstHidden(text);
  if (hidden) {
    const visible = text.replace(HIDDEN_CHARACTERS, (found) => (/\p{Cf}/u.test(found) ? '' : ' ')).replace(/ {2,}/g, ' ');
    return {
      line,
      message: `heading "## ${text}" holds an invisible character, ${hidden.described}, ${hidden.index ? `after "${text.slice(0, hidden.index)}"` : 'at its start'}`,
      fix: resolver.resolve(visible.trim())
        ? `delete it, so the heading reads "## ${visible.trim()}"`
        : `delete it; then ${unknownHeading(visible.trim(), line, resolver).fix}`,
    };
  }
  // The legacy posts' group heading (`## 社区跟踪` over `### Nova`): the page writes it itself.
  if (GROUP_HEADINGS.has(normalizeProjectKey(text))) {
    return {
      line,
      message: `heading "## ${text}" is the group heading of the legacy posts, not a project: the page puts every project's section under "社区跟踪" itself`,
      fix: `remove it, and write each project's heading under it as a section of its own ("### Nova" → "## Nova")`,
    };
  }
  const named = namedPrefix(text, resolver);
  if (named) {
    // One subtitle of the words after the name (a subtitle it already had among them), without
    // parentheses of their own, which would leave the heading as it was (`(a) (b)`).
    const start = splitHeading(named.name);
    const subtitle = [start.subtitle, named.rest]
      .join(' ')
      .replace(/[()（）]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const count = (pattern: RegExp) => named.rest.match(pattern)?.length ?? 0;
    const unclosed = count(/[(（]/g) !== count(/[)）]/g);
    return {
      line,
      message: unclosed
        ? `heading "## ${text}" starts with a project's name, then leaves a parenthesis open or closes one never opened`
        : `heading "## ${text}" starts with a project's name but goes on outside parentheses`,
      fix: subtitle
        ? `put the words after the name in parentheses, as the section's subtitle: "## ${start.name} (${subtitle})"`
        : `write "## ${start.name}", or give it a subtitle in parentheses: "## ${start.name} (…)"`,
    };
  }
  const bare = text
    .replace(/[()（）]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (bare && resolver.resolve(bare)) {
    return {
      line,
      message: `heading "## ${text}" names a project inside parentheses: a section heading starts with the project's name`,
      fix: `write "## ${bare}"`,
    };
  }
  // `## 计算服务（Nova）`: the project named in the parentheses, the words before them its subtitle.
  const { name, subtitle } = splitHeading(text);
  const inside = subtitle === undefined ? undefined : resolver.resolve(subtitle);
  if (subtitle && inside && !inside.subtitle) {
    return {
      line,
      message: `heading "## ${text}" names its project only inside the parentheses: a section heading starts with the project's name`,
      fix: `write "## ${subtitle} (${name})", the words before the parentheses as the section's subtitle, or "## ${subtitle}"`,
    };
  }
  const suggestion = resolver.suggest(text);
  return {
    line,
    message: `heading "## ${text}" matches no project or alias`,
    fix: suggestion
      ? `did you mean "${suggestion.name.en}" (${suggestion.id})? Fix the heading, or add "${splitHeading(text).name}" to its aliases in src/content/projects.yaml`
      : 'use a project name from src/content/projects.yaml, or add this name there as a project or an alias',
  };
}

/** The legacy posts' group headings over the project sections, as their keys, in both languages. */
const GROUP_HEADINGS: ReadonlySet<string> = new Set(['社区跟踪', '社区动态', 'Community tracking'].map(normalizeProjectKey));

/** The longest start of a heading that names a project, cut where words or punctuation part: `Nova 热迁移专题` → `Nova`. */
function namedPrefix(text: string, resolver: ProjectResolver): { name: string; rest: string } | undefined {
  const cuts = [...text.matchAll(/[\s:：,，、—–-]+|(?=[()（）])/g)].reverse();
  for (const cut of cuts) {
    const name = text.slice(0, cut.index).trim();
    const rest = text.slice(cut.index + cut[0].length).trim();
    if (name && rest && resolver.resolve(name)) return { name, rest };
  }
  return undefined;
}

/** Drops blank lines at either end, keeping indentation of the first real line. */
function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
}

/** Why a line written as a link definition is read as text. */
const UNREAD_DEFINITION: Readonly<Record<'colon' | 'title' | 'interrupts', string>> = {
  colon: 'Markdown needs a half-width colon ":" after the label',
  title: 'its title is in curly quotes, and Markdown reads a title only in straight ones',
  interrupts: 'it comes right under a line of text, and a definition cannot continue a paragraph',
};

/** What the page would make of Markdown read otherwise than meant, and how to write it. */
function misreadProblem(found: MisreadMarkdown): BodyProblem {
  const { line } = found;
  switch (found.kind) {
    case 'literal-emphasis': {
      const underscores = found.delimiter.startsWith('_');
      const bold = found.delimiter.length === 2;
      const inner = found.written.slice(found.delimiter.length, -found.delimiter.length);
      // The punctuation goes outside the marks, quotes and all: `*“重点”*` → `“*重点*”`.
      const opening = OPENING_PUNCTUATION.exec(inner)?.[0] ?? '';
      const closing = /\p{P}+$/u.exec(inner.slice(opening.length))?.[0] ?? '';
      const core = inner.slice(opening.length, inner.length - closing.length);
      const stars = bold ? '**' : '*';
      return {
        line,
        message: underscores
          ? `"${found.written}" makes no ${bold ? 'bold' : 'italic'} text here: Markdown does not read underscores inside a Chinese sentence as emphasis, and shows them`
          : `"${found.written}" makes no italic text here: beside Chinese text, Markdown does not read "*" next to punctuation as emphasis, and shows the asterisks`,
        fix: underscores
          ? `write asterisks instead, punctuation outside ("${opening}${stars}${core}${stars}${closing}"), or <${bold ? 'strong' : 'em'}>${inner}</${bold ? 'strong' : 'em'}>`
          : `put the punctuation outside the asterisks ("${opening}*${core}*${closing}"), or write <em>${inner}</em>`,
      };
    }
    case 'undefined-reference':
      return {
        line,
        message: `"${found.written}" links by the reference "[${found.label}]", which the text never defines: the page would show the brackets and no link`,
        fix: `add a line "[${found.label}]: https://…" with the address (a half-width colon), or write the link inline: [text](address); to show the brackets, write \\[`,
      };
    case 'unread-definition':
      return {
        line,
        message: `"${found.written}" is not read as a link definition: ${UNREAD_DEFINITION[found.reason]}, so the line shows as text and links to it show as brackets`,
        fix: `write "${found.meant}"${found.reason === 'interrupts' ? ' with a blank line before it' : ''}`,
      };
    case 'hidden-definition': {
      const label = /^\s*\[([^\]]*)\]/.exec(found.written)?.[1] ?? '';
      return {
        line,
        message: `"${found.written}" is read as a link definition (a label in brackets, a colon, then an "address"): the page shows nothing of the line`,
        fix: `escape the label's bracket ("\\[${label}]: …"), or write a full-width colon after it ("[${label}]：…")`,
      };
    }
    case 'spaced-address':
      return {
        line,
        message: `"${found.written}" is not read as ${found.written.startsWith('!') ? 'an image' : 'a link'}: its address holds a space, which ends an address in Markdown, so the page would show the brackets and parentheses`,
        fix: `write the space as %20, or put the address in angle brackets: ${found.meant}`,
      };
    case 'bracketed-address':
      return {
        line,
        message: `"${found.written}" is not read as a link in angle brackets: ${found.reason === 'scheme' ? 'Markdown takes one only with its scheme' : 'its address holds a space, which ends an address in Markdown'}, so the page would show the brackets`,
        fix: found.reason === 'scheme' ? `write "${found.meant}"` : `write the space as %20: "${found.meant}"`,
      };
    case 'markdown-in-html':
      return {
        line,
        message: `"${found.written}" is inside a block of HTML (from <${found.tag}>), where Markdown is not read: the page would show its marks as written`,
        fix: `leave a blank line after <${found.tag}> and another before its closing tag, so that Markdown reads the text between, or write it in HTML (<strong>, <a href="…">, <code>)`,
      };
    case 'overfull-row':
      return {
        line,
        message: `this table row has ${found.cells} cells and its header ${found.columns}: the page drops the cells after the header's ("${found.dropped}")`,
        fix: `add ${found.cells - found.columns === 1 ? 'a column' : `${found.cells - found.columns} columns`} to the header, or write a "|" inside a cell (code included) as "\\|"`,
      };
  }
}
