/** What the importer says about a post: a note per normalization or guess, or the line and reason it cannot be imported. */

export type NoteKind =
  | 'line-endings'
  /** The UTF-8 byte order mark a file opened with. */
  | 'encoding'
  | 'title'
  | 'year'
  | 'date'
  | 'editor'
  | 'notice'
  | 'group-heading'
  | 'heading'
  | 'merged-section'
  | 'bare-url'
  /** A script the post loaded from elsewhere, kept, which the page does not run. */
  | 'script'
  /** A character no one sees taken out of a link's address. */
  | 'address'
  | 'metadata'
  /** A guess that would move text between sections, left undone until the editor confirms it (`--section`). */
  | 'unconfirmed'
  /** A guess the editor decided with `--section`. */
  | 'confirmed';

export interface ImportNote {
  /** 1-based line in the legacy file. */
  line?: number;
  kind: NoteKind;
  message: string;
}

/** A post that cannot be imported, with the line to look at. */
export class ImportError extends Error {
  readonly line: number;
  constructor(line: number, reason: string) {
    super(reason);
    this.line = line;
  }
}
