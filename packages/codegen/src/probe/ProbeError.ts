/**
 * An error thrown while user code ran inside the probe worker, carried back across the thread
 * boundary as plain data: the original class name, message, the source-mapped stack (used only to
 * find the user's file and line, never printed) and its own enumerable fields (`issues`, `table`...).
 */
export interface ProbeErrorData {
  readonly name: string;
  readonly message: string;
  readonly stack: string;
  readonly props: Readonly<Record<string, unknown>>;
}

/** Rejection value of a probe run: wraps {@link ProbeErrorData}. */
export class ProbeError extends Error {
  readonly data: ProbeErrorData;

  constructor(data: ProbeErrorData) {
    super(data.message);
    this.name = "ProbeError";
    this.data = data;
  }
}
