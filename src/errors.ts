/**
 * Typed errors that carry the user-facing message. The CLI maps them to exit
 * codes and the action to `core.setFailed`; neither prints a stack trace for
 * them.
 */

/** Where in a file a problem is: 1-based line and column. */
export interface SourcePosition {
  line: number
  column: number
}

export interface SourceLocation extends Partial<SourcePosition> {
  file: string
}

/** Base class of every error the tool expects and explains. */
export abstract class GateError extends Error {
  /** CLI exit code for this kind of failure. */
  abstract readonly exitCode: number
  /** What the failure message says this is, e.g. "error: bad input". */
  abstract readonly category: string
}

/** Bad input or configuration: report, policy, flags or action inputs. Exit code 2. */
export class InputError extends GateError {
  readonly exitCode = 2
  readonly category = 'bad input'
  constructor(
    message: string,
    readonly location?: SourceLocation
  ) {
    super(message)
    this.name = 'InputError'
  }
}

/** The credential report cannot be read. */
export class ReportError extends InputError {
  constructor(message: string, location?: SourceLocation) {
    super(message, location)
    this.name = 'ReportError'
  }
}

/** One problem in a policy file, positioned at the node it concerns. */
export interface PolicyProblem {
  file: string
  line: number
  column: number
  message: string
}

/** The policy file is invalid; carries every problem found, not only the first. */
export class PolicyError extends InputError {
  constructor(readonly problems: readonly PolicyProblem[]) {
    super(
      problems.map(p => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'),
      problems[0]
        ? { file: problems[0].file, line: problems[0].line, column: problems[0].column }
        : undefined
    )
    this.name = 'PolicyError'
  }
}

/** AWS or GitHub refused or failed a call the audit needs. Exit code 3. */
export class AccessError extends GateError {
  readonly exitCode = 3
  readonly category = 'access failure'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AccessError'
  }
}
