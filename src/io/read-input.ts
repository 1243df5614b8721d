import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { InputError } from '../errors.js'
import { decodePolicyBytes } from '../policy/decode.js'
import { DEFAULT_MAX_POLICY_BYTES } from '../policy/load.js'
import { DEFAULT_MAX_BYTES } from '../report/decode.js'
import { formatBytes } from '../units.js'

/**
 * Largest credential report read: the parser's own limit. A real report
 * (5,001 rows) is about 2 MB; 500,000 synthetic rows are about 110 MB.
 */
export const MAX_REPORT_BYTES = DEFAULT_MAX_BYTES
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
    throw unreadable(error, what, path)
  }
  if (size > maxBytes) {
    throw new InputError(
      `${what} ${path} is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} limit`
    )
  }
  // A file stat can see may still be unreadable (no read permission) or gone.
  return readFile(path).catch((error: unknown) => {
    throw unreadable(error, what, path)
  })
}

/** A file system error on an input file, as one message naming the file (exit 2). */
function unreadable(error: unknown, what: string, path: string): InputError {
  if (error instanceof InputError) return error
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return new InputError(`${what} ${path} not found`)
  if (code === 'EACCES' || code === 'EPERM') {
    return new InputError(`${what} ${path} cannot be read: permission denied`)
  }
  if (code === 'EISDIR') return new InputError(`${what} ${path} is not a file`)
  if (code === 'ENOTDIR') {
    return new InputError(`${what} ${path} not found: a parent of the path is not a folder`)
  }
  const message = (error as Error).message
  const m = /^([A-Z][A-Z0-9_]+): ([^,]+)/.exec(message)
  return new InputError(`${what} ${path} cannot be read: ${m ? `${m[2]} (${m[1]})` : message}`)
}

/** Size of the blocks `readFileBlocks` reads. */
const BLOCK_BYTES = 64 * 1024

/**
 * A regular file's content in blocks, read synchronously: for a consumer
 * that handles each block before it asks for the next, which may overwrite
 * it. Throws the file system's own error (`ENOENT`, `EISDIR`, ...); a file
 * that is not a regular file (a pipe cannot be read twice) is refused with
 * `ENOTREG`, and one larger than `maxBytes` with `EFBIG`, before anything is
 * read.
 */
export function* readFileBlocks(
  path: string,
  options: { blockBytes?: number; maxBytes?: number } = {}
): Generator<Uint8Array> {
  const blockBytes = options.blockBytes ?? BLOCK_BYTES
  // Checked before opening too: opening a named pipe waits for a writer.
  if (!statSync(path).isFile()) throw notRegularFile(path)
  const fd = openSync(path, 'r')
  try {
    const info = fstatSync(fd)
    if (!info.isFile()) throw notRegularFile(path)
    if (options.maxBytes !== undefined && info.size > options.maxBytes) {
      throw Object.assign(new Error(`${path} is larger than ${options.maxBytes} bytes`), {
        code: 'EFBIG'
      })
    }
    const block = Buffer.allocUnsafe(blockBytes)
    for (;;) {
      const n = readSync(fd, block, 0, blockBytes, null)
      if (n === 0) return
      yield block.subarray(0, n)
    }
  } finally {
    closeSync(fd)
  }
}

function notRegularFile(path: string): Error {
  return Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTREG' })
}

/** A policy file's text: size-checked, then decoded as strict UTF-8. */
export async function readPolicyFile(path: string): Promise<string> {
  return decodePolicyBytes(await readInputFile(path, 'policy file', MAX_POLICY_BYTES), path)
}
