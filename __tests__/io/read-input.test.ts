import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../src/errors.js'
import { readInputFile, readPolicyFile } from '../../src/io/read-input.js'
import { unreadableFile } from './unreadable.js'

const dir = mkdtempSync(join(tmpdir(), 'icg-read-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

const unreadable = unreadableFile(dir)
const withUnreadable = unreadable === null ? it.skip : it

describe('readInputFile', () => {
  withUnreadable('a file it may not read is bad input naming the file (EACCES)', async () => {
    const path = unreadable!
    const error = await readInputFile(path, 'credential report', 1024).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toBe(
      `credential report ${path} cannot be read: permission denied`
    )
    await expect(readPolicyFile(path)).rejects.toThrow(
      new InputError(`policy file ${path} cannot be read: permission denied`)
    )
  })

  it('a folder, or a path under a file, is bad input naming the path', async () => {
    await expect(readInputFile(dir, 'credential report', 1024)).rejects.toThrow(
      new InputError(`credential report ${dir} is not a file`)
    )
    const file = join(dir, 'file')
    writeFileSync(file, '')
    const under = join(file, 'x.csv')
    await expect(readInputFile(under, 'credential report', 1024)).rejects.toThrow(
      new InputError(`credential report ${under} not found: a parent of the path is not a folder`)
    )
  })
})
