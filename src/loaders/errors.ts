/** A file that could not be turned into text. `reason` is Vietnamese and says what the user can do about it. */
export class LoadError extends Error {
  readonly file: string;
  readonly reason: string;

  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super(`${file}: ${reason}`, options);
    this.name = "LoadError";
    this.file = file;
    this.reason = reason;
  }
}

/**
 * Thrown inside a format reader, which does not know the file's name (loadBuffer gives only a label);
 * the dispatcher turns it into a LoadError carrying the name.
 */
export class FormatError extends Error {
  readonly reason: string;

  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = "FormatError";
    this.reason = reason;
  }
}
