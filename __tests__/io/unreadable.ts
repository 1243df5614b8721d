/**
 * A regular file that this process cannot read (`EACCES` on open), for tests
 * of the message an unreadable input gets. A non-root user gets a file with
 * no permissions; root reads any file's bits, so it gets a file the kernel
 * refuses even to root: the write-only `/proc/sys/vm/compact_memory`
 * (never written here). Null when neither is available: the tests that need
 * one are skipped.
 */
import { chmodSync, closeSync, openSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export function unreadableFile(dir: string): string | null {
  const candidates: string[] = []
  if (process.getuid?.() !== 0) {
    const path = join(dir, 'unreadable.csv')
    writeFileSync(path, 'user,arn\n')
    chmodSync(path, 0o000)
    candidates.push(path)
  }
  candidates.push('/proc/sys/vm/compact_memory')
  for (const path of candidates) {
    try {
      if (!statSync(path).isFile()) continue
      closeSync(openSync(path, 'r'))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EACCES') return path
    }
  }
  return null
}
