/** The real registries, as search reads them, and a vocabulary made of them for a given archive text. */
import { readVocabulary, type QueryVocabulary } from '../../../src/lib/search/page/expand.ts';
import { createSearchVocabulary } from '../../../src/lib/search/index/vocabulary.ts';
import { searchConcepts } from '../../../src/lib/search/names.ts';
import { chineseVariants } from '../../../src/pipeline/chinese-variants.ts';
import { registryFile, releasesFile } from '../../../src/pipeline/paths.ts';
import { loadProjectRegistry, loadReleaseRegistry } from '../../../src/pipeline/registry.ts';

export const projects = loadProjectRegistry(registryFile);
export const releases = loadReleaseRegistry(releasesFile);
export const concepts = searchConcepts(projects, releases);
const variants = chineseVariants();

/** The vocabulary the build would write for an archive whose index holds `texts`, read as the page reads it. */
export function vocabularyOf(texts: readonly string[]): QueryVocabulary {
  return readVocabulary(createSearchVocabulary(texts, concepts, variants));
}
