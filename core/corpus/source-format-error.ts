import { DomainError } from '../errors.ts';

/** What kind of problem a cleaned file (or a Source being written as one) has. */
export type SourceFormatErrorCode =
  | 'front-matter' // the `---` block is missing, unclosed or not valid YAML
  | 'metadata' // the YAML is valid but a field is missing or has the wrong shape
  | 'markdown' // a Markdown construct the format does not allow (code, tables, nested lists …)
  | 'directive' // a malformed `{{…}}` directive
  | 'note' // a note reference without a note, or a note defined twice
  | 'unrepresentable'; // a Source no cleaned file can express (control characters, bad labels …)

/**
 * A cleaned file cannot be read, or a Source cannot be written as one. The message says what is
 * wrong and, when reading, on which line of the file (1-based; `line` is undefined when no single
 * line is to blame).
 */
export class SourceFormatError extends DomainError<SourceFormatErrorCode> {
  override name = 'SourceFormatError';
  readonly line: number | undefined;

  constructor(code: SourceFormatErrorCode, message: string, line?: number) {
    super(code, line === undefined ? message : `line ${line}: ${message}`);
    this.line = line;
  }
}
