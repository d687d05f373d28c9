/**
 * A parsed YAML document turned into plain data, or the reason it cannot be: aliases (`*name`)
 * that repeat a value until it is too large to build (the "billion laughs" a hostile file holds)
 * make the yaml package throw, and a thrown error would stop the build with a stack trace instead
 * of a line to fix. Shared by the front matter, the registries and the link files, with where a
 * node is, for their errors' lines.
 */
import { visit, type Document } from 'yaml';

export interface YamlDataError {
  /** Offset in the YAML text of the node at fault (the first alias), if known. */
  offset: number | undefined;
  message: string;
  fix: string;
}

/** The document's data, or why it cannot be built. */
export function yamlData(document: Document): { data: unknown } | YamlDataError {
  try {
    return { data: document.toJS() };
  } catch (error) {
    let offset: number | undefined;
    visit(document, {
      Alias(_key, node) {
        offset = node.range?.[0];
        return visit.BREAK;
      },
    });
    const reason = error instanceof Error ? error.message : String(error);
    return {
      offset,
      message: `the YAML cannot be read: ${reason.split('\n')[0]}`,
      fix: offset === undefined ? 'correct the YAML' : 'write the values out instead of repeating them with "&" anchors and "*" aliases',
    };
  }
}

/** Offset in the YAML text of the node at `path`, or of its nearest present parent. */
export function offsetOf(document: Document, path: readonly unknown[]): number | undefined {
  for (let length = path.length; length > 0; length--) {
    const node = document.getIn(path.slice(0, length), true) as { range?: [number] } | undefined;
    if (node?.range) return node.range[0];
  }
  return undefined;
}

/** Narrows `yamlData`'s result to its error form. */
export function isYamlDataError(result: { data: unknown } | YamlDataError): result is YamlDataError {
  return 'message' in result;
}
