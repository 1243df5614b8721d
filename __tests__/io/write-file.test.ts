import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeFileAtomic } from '../../src/io/write-file.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'icg-write-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it('writes a string, bytes, or pieces, creating parent folders', async () => {
    await writeFileAtomic(join(dir, 'a/b/text'), 'héllo\n')
    await writeFileAtomic(join(dir, 'bytes'), Buffer.from([1, 2, 3]))
    const pieces = Array.from({ length: 500 }, (_, i) => `piece ${i} é😀\n`)
    await writeFileAtomic(join(dir, 'pieces'), pieces)
    expect(readFileSync(join(dir, 'a/b/text'), 'utf8')).toBe('héllo\n')
    expect([...readFileSync(join(dir, 'bytes'))]).toEqual([1, 2, 3])
    expect(readFileSync(join(dir, 'pieces'), 'utf8')).toBe(pieces.join(''))
    expect(readdirSync(dir).sort()).toEqual(['a', 'bytes', 'pieces'])
  })

  it('asks for each piece only when it is about to be written, after the one before', async () => {
    const asked: number[] = []
    function* lazy(): Generator<string> {
      for (let i = 0; i < 5; i++) {
        asked.push(i)
        yield `${i},`
      }
    }
    await writeFileAtomic(join(dir, 'lazy'), lazy())
    expect(asked).toEqual([0, 1, 2, 3, 4])
    expect(readFileSync(join(dir, 'lazy'), 'utf8')).toBe('0,1,2,3,4,')
  })

  it('keeps the old content in place until the new content is complete, then renames', async () => {
    const path = join(dir, 'out.json')
    writeFileSync(path, 'old')
    const seen: { content: string; files: string[] }[] = []
    function* watched(): Generator<string> {
      for (const piece of ['{"a":', '1}']) {
        seen.push({ content: readFileSync(path, 'utf8'), files: readdirSync(dir).sort() })
        yield piece
      }
    }
    await writeFileAtomic(path, watched())
    for (const s of seen) {
      expect(s.content).toBe('old')
      // The new content goes to a hidden temporary file beside the target.
      expect(s.files).toHaveLength(2)
      expect(s.files[0]).toMatch(new RegExp(`^\\.out\\.json\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`))
      expect(s.files[1]).toBe('out.json')
    }
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}')
    expect(readdirSync(dir)).toEqual(['out.json'])
  })

  it('creates files readable by all (0644, less the umask)', async () => {
    const umask = process.umask()
    await writeFileAtomic(join(dir, 'text'), 'x')
    await writeFileAtomic(join(dir, 'pieces'), ['x'])
    for (const name of ['text', 'pieces']) {
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o644 & ~umask)
    }
  })

  it('leaves the old file and no temporary file when the pieces fail part way', async () => {
    const path = join(dir, 'out.json')
    writeFileSync(path, 'old')
    function* failing(): Generator<string> {
      yield 'x'.repeat(1 << 20)
      yield 'y'
      throw new Error('render failed')
    }
    await expect(writeFileAtomic(path, failing())).rejects.toThrow('render failed')
    expect(readFileSync(path, 'utf8')).toBe('old')
    expect(readdirSync(dir)).toEqual(['out.json'])
  })

  it('fails when the target is a folder, leaving nothing behind', async () => {
    const target = join(dir, 'taken')
    mkdirSync(target)
    await expect(writeFileAtomic(target, ['a', 'b'])).rejects.toThrow(/EISDIR|EEXIST|ENOTEMPTY/)
    expect(readdirSync(dir)).toEqual(['taken'])
  })
})
