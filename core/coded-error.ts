/**
 * An expected failure with a stable `code` (as level's and got's errors have): the layers below source/ throw these,
 * and the app decides what the user sees. `message` is one sentence.
 */
export class CodedError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}
