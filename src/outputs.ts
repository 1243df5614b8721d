import { writeFileAtomic } from './io/write-file.js'
import type { RenderContext } from './render/context.js'
import { renderJson, renderJsonPieces } from './render/json.js'
import { renderRemediationScript } from './render/remediation.js'
import { renderSarif } from './render/sarif.js'
import { renderSummary } from './render/summary.js'
import { renderText } from './render/text.js'

export const OUTPUT_FORMATS = ['table', 'json', 'markdown', 'sarif'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

/** One rendering of an evaluation, by format. */
export function renderFormat(ctx: RenderContext, format: OutputFormat): string {
  switch (format) {
    case 'table':
      return renderText(ctx)
    case 'json':
      return renderJson(ctx)
    case 'markdown':
      return renderSummary(ctx)
    case 'sarif':
      return `${JSON.stringify(renderSarif(ctx), null, 2)}\n`
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
  targets: { json?: string; sarif?: string; remediation?: string }
): OutputFile[] {
  const files: OutputFile[] = []
  if (targets.json) {
    files.push({ kind: 'json', path: targets.json, render: () => renderJsonPieces(ctx) })
  }
  if (targets.sarif) {
    files.push({ kind: 'sarif', path: targets.sarif, render: () => renderFormat(ctx, 'sarif') })
  }
  if (targets.remediation) {
    files.push({
      kind: 'remediation',
      path: targets.remediation,
      render: () => renderRemediationScript(ctx)
    })
  }
  return files
}

/**
 * Writes every output file atomically. One file's failure (an unwritable
 * path) is reported in its outcome and does not stop the others.
 */
export async function writeOutputs(files: readonly OutputFile[]): Promise<OutputOutcome[]> {
  const outcomes: OutputOutcome[] = []
  for (const file of files) {
    try {
      await writeFileAtomic(file.path, file.render())
      outcomes.push({ kind: file.kind, path: file.path })
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      outcomes.push({
        kind: file.kind,
        path: file.path,
        error: `cannot write ${file.kind} file ${file.path}: ${describeFsError(reason, error)}`
      })
    }
  }
  return outcomes
}

function describeFsError(code: string, error: unknown): string {
  switch (code) {
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
    default:
      return (error as Error).message
  }
}
