import { execFileSync } from 'node:child_process'
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { readFile } from 'node:fs/promises'
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

  it('replaces the file a symbolic link points to, and keeps the link', async () => {
    const real = join(dir, 'real.json')
    const link = join(dir, 'link.json')
    writeFileSync(real, 'old')
    symlinkSync('real.json', link)
    await writeFileAtomic(link, ['new', ' content'])
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readlinkSync(link)).toBe('real.json')
    expect(readFileSync(real, 'utf8')).toBe('new content')
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json'])
  })
})

describe('writeFileAtomic on what is not a regular file', () => {
  /** A named pipe and a reader of it that resolves to everything written. */
  function pipe(name: string): { path: string; read: Promise<string> } {
    const path = join(dir, name)
    execFileSync('mkfifo', [path])
    // Opening a pipe's read end waits for a writer, off the main thread.
    return { path, read: readFile(path, 'utf8') }
  }

  it('writes a named pipe in place: the pipe stays, the reader gets the content', async () => {
    const { path, read } = pipe('fifo')
    await writeFileAtomic(path, ['one ', 'two'])
    expect(lstatSync(path).isFIFO()).toBe(true)
    expect(await read).toBe('one two')
    expect(readdirSync(dir)).toEqual(['fifo'])
  })

  it('writes through a link to a pipe (as /dev/stdout is to a pipe): the link and the pipe stay', async () => {
    const { path, read } = pipe('fifo')
    const link = join(dir, 'stdout')
    symlinkSync(path, link)
    await writeFileAtomic(link, 'piped')
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(lstatSync(path).isFIFO()).toBe(true)
    expect(await read).toBe('piped')
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'stdout'])
  })

  // A copy of /dev/null (mknod needs root): the real one is never at risk in a test.
  const root = process.getuid?.() === 0
  ;(root ? it : it.skip)('writes a character device (a copy of /dev/null) in place', async () => {
    const device = join(dir, 'null')
    execFileSync('mknod', [device, 'c', '1', '3'])
    await writeFileAtomic(device, ['discarded\n', 'x'.repeat(1 << 16)])
    expect(lstatSync(device).isCharacterDevice()).toBe(true)
    expect(statSync(device).rdev).toBe(statSync('/dev/null').rdev)
    expect(readdirSync(dir)).toEqual(['null'])
  })
})
