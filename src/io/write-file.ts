import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Writes `data` to `path` atomically: a temporary file beside it, then a
 * rename. A reader never sees a half-written file, and a failure leaves no
 * temporary file behind. Parent folders are created. `data` may come in
 * pieces (an iterable of strings), written one after another.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array | Iterable<string>
): Promise<void> {
  const dir = dirname(path)
  await mkdir(dir, { recursive: true })
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(temp, data, { mode: 0o644 })
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
