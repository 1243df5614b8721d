import { writeFileAtomic } from './io/write-file.js'
import type { RenderContext } from './render/context.js'
import { renderJsonPieces } from './render/json.js'
import { renderRemediationPieces } from './render/remediation.js'
import { renderSarifPieces } from './render/sarif.js'
import { renderSummary } from './render/summary.js'
import { renderTextPieces } from './render/text.js'

export const OUTPUT_FORMATS = ['table', 'json', 'markdown', 'sarif'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

/**
 * One rendering of an evaluation, by format, in pieces to be written one
 * after another: a large report's table, JSON or SARIF is never one string.
 * The markdown summary is one piece, under its size budget.
 */
export function renderFormat(ctx: RenderContext, format: OutputFormat): Iterable<string> {
  switch (format) {
    case 'table':
      return renderTextPieces(ctx)
    case 'json': {
      const json = renderJsonPieces(ctx)
      return typeof json === 'string' ? [json] : json
    }
    case 'markdown':
      return [renderSummary(ctx)]
    case 'sarif':
      return renderSarifPieces(ctx)
  }
}

export type OutputKind = 'json' | 'sarif' | 'remediation' | 'output'

export interface OutputFile {
  kind: OutputKind
  path: string
  /**
   * Renders the file's content; called only when the file is written. Large
   * content may come in pieces, written one after another.
   */
  render: () => string | Iterable<string>
}

export interface OutputOutcome {
  kind: OutputKind
  path: string
  /** Why the file could not be written; absent on success. */
  error?: string
}

/** The files an audit asked for, each with its renderer. */
export function plannedOutputs(
  ctx: RenderContext,
  targets: {
    json?: string
    sarif?: string
    remediation?: string
    /** `--output`: the result in the given format. */
    output?: { path: string; format: OutputFormat }
  }
): OutputFile[] {
  const files: OutputFile[] = []
  if (targets.json) {
    files.push({ kind: 'json', path: targets.json, render: () => renderFormat(ctx, 'json') })
  }
  if (targets.sarif) {
    files.push({ kind: 'sarif', path: targets.sarif, render: () => renderFormat(ctx, 'sarif') })
  }
  if (targets.remediation) {
    files.push({
      kind: 'remediation',
      path: targets.remediation,
      render: () => renderRemediationPieces(ctx)
    })
  }
  const output = targets.output
  if (output) {
    files.push({
      kind: 'output',
      path: output.path,
      render: () => renderFormat(ctx, output.format)
    })
  }
  return files
}

/**
 * Writes every output file: a regular file (or a new one) atomically, a
 * device or pipe in place. One file's failure (an unwritable path) is
 * reported in its outcome, in words and without temporary file names, and
 * does not stop the others.
 */
export async function writeOutputs(files: readonly OutputFile[]): Promise<OutputOutcome[]> {
  const outcomes: OutputOutcome[] = []
  for (const file of files) {
    try {
      await writeFileAtomic(file.path, file.render())
      outcomes.push({ kind: file.kind, path: file.path })
    } catch (error) {
      outcomes.push({
        kind: file.kind,
        path: file.path,
        error: `cannot write ${file.kind} file ${file.path}: ${describeFsError(error)}`
      })
    }
  }
  return outcomes
}

/** A file system error in words: what the user can fix, not the call that failed. */
export function describeFsError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a parent of the path is not a folder'
    case 'EISDIR':
      return 'the path is a folder'
    case 'EROFS':
      return 'read-only file system'
    case 'ENOSPC':
      return 'no space left on the device'
    case 'ENAMETOOLONG':
      return 'the path is too long'
    default: {
      // Node's own text without the call and its paths (a temporary file's name
      // means nothing to the user): "EIO: i/o error, write" -> "i/o error (EIO)".
      const message = (error as Error).message
      const m = /^([A-Z][A-Z0-9_]+): ([^,]+)/.exec(message)
      return m ? `${m[2]} (${m[1]})` : message
    }
  }
}
