/** `/projects/<id>/rss.xml` and `/en/projects/<id>/rss.xml`: one project's sections, each linking to its anchor. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSite } from '../../../../site/collections.ts';
import { getProjectFeed } from '../../../../site/feed-options.ts';
import { localeCodes } from '../../../../i18n/locales.ts';
import { localeParam } from '../../../../lib/routes.ts';

export async function getStaticPaths() {
  const { archive } = await getSite();
  return localeCodes.flatMap((locale) =>
    archive.projectIds().map((id) => ({ params: { locale: localeParam(locale), id }, props: { id } })),
  );
}

export const GET: APIRoute<{ id: string }> = async ({ locals, props }) => rss(await getProjectFeed(locals.locale, props.id));
