/**
 * An error caused by the user's input (a file, a flag, a config value). The CLI prints its message
 * on one line, without a stack trace, and exits non-zero. Say what is wrong and where
 * (file:line when there is one).
 */
export class EmlabError extends Error {
  override readonly name = "EmlabError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** `file:line: message`, the shape of every input error that has a location. */
export function errorAt(file: string, line: number | undefined, message: string): EmlabError {
  return new EmlabError(line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`);
}
