import { describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DIGEST_FILE, ROOT, sourceDigest } from '../scripts/source-digest.mjs'

describe('the bundles the tests run', () => {
  it('were built from the sources as they are (the global set-up rebuilds them otherwise)', () => {
    expect(readFileSync(join(ROOT, 'dist', DIGEST_FILE), 'utf8')).toBe(sourceDigest())
  })

  it('the source digest changes with any file under src/, the lock file or the build command', () => {
    const copy = mkdtempSync(join(tmpdir(), 'icg-digest-'))
    try {
      for (const f of ['src', 'package.json', 'package-lock.json', 'tsconfig.json']) {
        cpSync(join(ROOT, f), join(copy, f), { recursive: true })
      }
      const before = sourceDigest(copy)
      expect(before).toBe(sourceDigest())
      const edits: Array<[string, (text: string) => string]> = [
        ['src/evaluate.ts', t => `${t}\n`],
        ['package-lock.json', t => t.replace('"lockfileVersion"', '"lockfileVersion" ')],
        ['package.json', t => t.replace('--minify', '--minify ')]
      ]
      for (const [file, edit] of edits) {
        const path = join(copy, file)
        const original = readFileSync(path, 'utf8')
        writeFileSync(path, edit(original))
        expect([file, sourceDigest(copy)]).not.toEqual([file, before])
        writeFileSync(path, original)
      }
      writeFileSync(join(copy, 'src', 'new-module.ts'), '')
      expect(sourceDigest(copy)).not.toBe(before)
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })
})
