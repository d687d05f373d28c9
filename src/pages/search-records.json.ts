/**
 * The search records as a build artifact: the search integration reads this file when the build
 * is done, indexes it and deletes it, so it is never published. Named after `SEARCH_RECORDS_FILE`.
 */
import type { APIRoute } from 'astro';
import { getSearchRecords } from '../data/search.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(await getSearchRecords()));
