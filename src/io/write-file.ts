import { randomBytes } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { lstat, mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Writes `data` to `path`. A regular file (or a new path) is replaced
 * atomically: a temporary file beside it, then a rename, so a reader never
 * sees a half-written file, and a failure (of the file system, or of the
 * pieces themselves) leaves no temporary file behind; through a symbolic
 * link, the file it points to is replaced and the link kept. Anything else
 * (`/dev/null`, `/dev/stdout`, a named pipe) is written in place, never
 * replaced. A folder is refused (`EISDIR`). Parent folders are created.
 * `data` may come in pieces (an iterable of strings, possibly rendered as
 * they are asked for), written one after another.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array | Iterable<string>
): Promise<void> {
  const target = await writeTarget(path)
  if (target.inPlace) {
    await writeTo(path, data)
    return
  }
  const dir = dirname(target.path)
  await mkdir(dir, { recursive: true })
  const temp = join(
    dir,
    `.${basename(target.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  )
  try {
    await writeTo(temp, data)
    await rename(temp, target.path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** Where and how `path` is written: in place, or by replacing the regular file it is (or names). */
async function writeTarget(path: string): Promise<{ path: string; inPlace: boolean }> {
  let info
  try {
    info = await stat(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // A new file (or a dangling link, replaced); ENOTDIR comes again, explained, from mkdir.
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, inPlace: false }
    throw error
  }
  if (info.isDirectory()) {
    throw Object.assign(new Error(`EISDIR: illegal operation on a directory`), { code: 'EISDIR' })
  }
  if (!info.isFile()) return { path, inPlace: true }
  if ((await lstat(path)).isSymbolicLink()) return { path: await realpath(path), inPlace: false }
  return { path, inPlace: false }
}

async function writeTo(path: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  await writePieces(path, typeof data === 'string' || ArrayBuffer.isView(data) ? [data] : data)
}

/**
 * Writes the pieces in order. The next piece is asked for (rendered) and
 * encoded while the previous one is written: the write happens off the main
 * thread, so the two overlap.
 */
async function writePieces(path: string, pieces: Iterable<string | Uint8Array>): Promise<void> {
  const file = await open(path, 'w', 0o644)
  let writing: Promise<void> = Promise.resolve()
  try {
    for (const piece of pieces) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece
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
