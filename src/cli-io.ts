import type { ParseArgsConfig } from 'node:util'
import { parseArgs } from 'node:util'
import { GateError, InputError } from './errors.js'
import { parseInstant } from './report/timestamp.js'
import { closest } from './suggest.js'
import { TOOL_NAME } from './version.js'

/** What the CLI commands read and write; tests pass buffers. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** The clock, when `--now` is not given. */
  now: () => number
}

/** Exit codes: see the README. */
export const EXIT = { passed: 0, failed: 1, badInput: 2, accessFailure: 3, internal: 4 } as const

/**
 * `--now`: a date, or a date and time with Z or an offset. A day or time that
 * does not exist (2026-02-30, 24:00) is an error, not rolled over.
 */
export function parseNow(value: string): number {
  const read = parseInstant(value)
  if ('time' in read) return read.time
  if (read.problem !== null) {
    throw new InputError(`--now '${value}' is not a real date and time: ${read.problem}`)
  }
  throw new InputError(
    `--now must be an ISO 8601 date or time with a zone, e.g. 2026-11-22T00:00:00Z; got '${value}'`
  )
}

/**
 * Runs one CLI command: its exit code, or the exit code of the error it
 * throws. Expected errors print their message alone; anything else is a bug
 * and prints its stack.
 */
export async function exitCodeOf(io: CliIo, command: () => Promise<number>): Promise<number> {
  try {
    return await command()
  } catch (error) {
    if (error instanceof GateError) {
      io.stderr(`${TOOL_NAME}: error: ${error.message}\n`)
      return error.exitCode
    }
    io.stderr(`${TOOL_NAME}: internal error: ${(error as Error).stack ?? String(error)}\n`)
    return EXIT.internal
  }
}

/**
 * Parses flags strictly. An unknown flag gets a did-you-mean; every error
 * points at `help` (e.g. "--help" or "review --help").
 */
export function parseFlags<T extends ParseArgsConfig['options']>(
  argv: readonly string[],
  options: T,
  help: string
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values
  } catch (error) {
    const message = (error as Error).message
    const flag = /'(--?[^'\s]+)'/.exec(message)?.[1]
    if (flag && (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const suggestion = closest(flag.replace(/^-+/, ''), Object.keys(options ?? {}))
      const hint = suggestion ? `; did you mean --${suggestion}?` : `; see ${help}`
      throw new InputError(`unknown option ${flag}${hint}`)
    }
    throw new InputError(`${message.replace(/\.$/, '')}; see ${help}`)
  }
}
