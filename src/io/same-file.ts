import { realpathSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { InputError } from '../errors.js'

/** A path as the user named it: `--json out.json`, or the action input `json-file`. */
export interface NamedPath {
  /** The flag or input that named it, e.g. `--json` or `json-file`. */
  name: string
  path: string
}

/**
 * Refuses, before anything is read or written, an output that is one of the
 * inputs (it would overwrite the report or the policy) and two outputs on one
 * file (the second would silently replace the first). Paths are compared as
 * files: through symbolic links, `..` and hard links. An output that is not a
 * regular file (`/dev/null`, a pipe) is written in place and may be shared.
 */
export function refuseSharedPaths(
  inputs: readonly NamedPath[],
  outputs: readonly NamedPath[]
): void {
  const inputKeys = inputs.map(i => ({ ...i, key: fileKey(i.path) }))
  const seen: (NamedPath & { key: string })[] = []
  for (const output of outputs) {
    const key = fileKey(output.path)
    if (key === null) continue
    const input = inputKeys.find(i => i.key === key)
    if (input) {
      throw new InputError(
        `${output.name} ${output.path} is the same file as ${input.name} ${input.path}: writing it would overwrite an input; choose another path`
      )
    }
    const earlier = seen.find(o => o.key === key)
    if (earlier) {
      throw new InputError(
        `${earlier.name} ${earlier.path} and ${output.name} ${output.path} are the same file: give each output its own path`
      )
    }
    seen.push({ ...output, key })
  }
}

/**
 * What identifies the file `path` names: its device and inode when it exists
 * (a regular file; null for anything else), else its absolute path with the
 * existing part resolved through links.
 */
function fileKey(path: string): string | null {
  try {
    const info = statSync(path)
    return info.isFile() ? `file ${info.dev}:${info.ino}` : null
  } catch {
    return `path ${resolvedPath(resolve(path))}`
  }
}

/** `path` with its longest existing prefix resolved to its real path. */
function resolvedPath(path: string): string {
  const parent = dirname(path)
  if (parent === path) return path
  try {
    return join(realpathSync(parent), basename(path))
  } catch {
    return join(resolvedPath(parent), basename(path))
  }
}
