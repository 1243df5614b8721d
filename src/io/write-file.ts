import { randomBytes } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Writes `data` to `path` atomically: a temporary file beside it, then a
 * rename. A reader never sees a half-written file, and a failure (of the file
 * system, or of the pieces themselves) leaves no temporary file behind.
 * Parent folders are created. `data` may come in pieces (an iterable of
 * strings, possibly rendered as they are asked for), written one after
 * another.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array | Iterable<string>
): Promise<void> {
  const dir = dirname(path)
  await mkdir(dir, { recursive: true })
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    if (typeof data === 'string' || ArrayBuffer.isView(data)) {
      await writeFile(temp, data, { mode: 0o644 })
    } else {
      await writePieces(temp, data)
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/**
 * Writes the pieces in order. The next piece is asked for (rendered) and
 * encoded while the previous one is written: the write happens off the main
 * thread, so the two overlap.
 */
async function writePieces(path: string, pieces: Iterable<string>): Promise<void> {
  const file = await open(path, 'w', 0o644)
  let writing: Promise<void> = Promise.resolve()
  try {
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8')
      await writing
      writing = writeAll(file, bytes)
    }
    await writing
  } catch (error) {
    // The pieces failed while a write was under way: let it finish, and report the first error.
    await writing.catch(() => undefined)
    throw error
  } finally {
    await file.close()
  }
}

async function writeAll(file: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length;) {
    const { bytesWritten } = await file.write(bytes, at, bytes.length - at)
    at += bytesWritten
  }
}
