import { readFile, stat } from 'node:fs/promises'
import { InputError } from '../errors.js'
import { decodePolicyBytes } from '../policy/decode.js'
import { DEFAULT_MAX_POLICY_BYTES } from '../policy/load.js'

/** Largest credential report read: 5,001 rows are about 2 MB; this leaves room for synthetic reports. */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024
/** Largest policy file read: the policy loader's own limit. */
export const MAX_POLICY_BYTES = DEFAULT_MAX_POLICY_BYTES

/**
 * Reads a whole input file after checking its size, so a wrong path to a
 * huge file fails fast with a message instead of exhausting memory.
 */
export async function readInputFile(path: string, what: string, maxBytes: number): Promise<Buffer> {
  let size: number
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new InputError(`${what} ${path} is not a file`)
    size = info.size
  } catch (error) {
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new InputError(`${what} ${path} not found`)
    if (code === 'EACCES') throw new InputError(`${what} ${path} cannot be read: permission denied`)
    throw new InputError(`${what} ${path} cannot be read: ${(error as Error).message}`)
  }
  if (size > maxBytes) {
    throw new InputError(
      `${what} ${path} is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} limit`
    )
  }
  return readFile(path)
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`
}

/** A policy file's text: size-checked, then decoded as strict UTF-8. */
export async function readPolicyFile(path: string): Promise<string> {
  return decodePolicyBytes(await readInputFile(path, 'policy file', MAX_POLICY_BYTES), path)
}
