import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readFileBlocks } from '../../src/io/read-input.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'icg-blocks-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Open file descriptors of this process (Linux). */
const openFds = () => readdirSync('/proc/self/fd').length

describe('readFileBlocks', () => {
  it('reads a file in blocks of the given size, the last one shorter', () => {
    const path = join(dir, 'data')
    const content = Buffer.from('0123456789'.repeat(10) + 'xyz')
    writeFileSync(path, content)
    const sizes: number[] = []
    const parts: Buffer[] = []
    for (const block of readFileBlocks(path, { blockBytes: 16 })) {
      sizes.push(block.length)
      parts.push(Buffer.from(block)) // copied: the next block overwrites it
    }
    expect(sizes).toEqual([16, 16, 16, 16, 16, 16, 7])
    expect(Buffer.concat(parts)).toEqual(content)
  })

  it('reads nothing from an empty file', () => {
    const path = join(dir, 'empty')
    writeFileSync(path, '')
    expect([...readFileBlocks(path)]).toEqual([])
  })

  it('closes the file when the reader stops early', () => {
    const path = join(dir, 'big')
    writeFileSync(path, Buffer.alloc(1000))
    const before = openFds()
    for (const block of readFileBlocks(path, { blockBytes: 10 })) {
      expect(openFds()).toBe(before + 1)
      expect(block.length).toBe(10)
      break
    }
    expect(openFds()).toBe(before)
  })

  it("throws the file system's error for a missing file and a folder", () => {
    expect(() => [...readFileBlocks(join(dir, 'missing'))]).toThrow(
      expect.objectContaining({ code: 'ENOENT' })
    )
    expect(() => [...readFileBlocks(dir)]).toThrow(expect.objectContaining({ code: 'ENOTREG' }))
  })

  it('refuses a file larger than the limit before reading it', () => {
    const path = join(dir, 'limit')
    writeFileSync(path, Buffer.alloc(101))
    expect(() => [...readFileBlocks(path, { maxBytes: 100 })]).toThrow(
      expect.objectContaining({ code: 'EFBIG' })
    )
    expect([...readFileBlocks(path, { maxBytes: 101 })]).toHaveLength(1)
  })

  it('refuses a named pipe without opening it (opening would wait for a writer)', () => {
    const fifo = join(dir, 'fifo')
    execFileSync('mkfifo', [fifo])
    expect(() => [...readFileBlocks(fifo)]).toThrow(expect.objectContaining({ code: 'ENOTREG' }))
  })
})
