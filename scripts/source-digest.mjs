// The digest of everything the bundles are built from (src/, the lock file,
// tsconfig.json and the build command). `npm run build` writes it to
// dist/source-digest.txt; the tests' global set-up rebuilds dist/ when it
// differs, so that the bundle-based tests always run the code being changed.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const DIGEST_FILE = 'source-digest.txt'

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

export function sourceDigest(root = ROOT) {
  const hash = createHash('sha256')
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  hash.update(`build:${pkg.scripts.build}\n`)
  const files = [
    ...filesUnder(join(root, 'src')),
    join(root, 'package-lock.json'),
    join(root, 'tsconfig.json')
  ]
  for (const file of files.map(f => relative(root, f).split('\\').join('/')).sort()) {
    hash
      .update(`${file}\n`)
      .update(readFileSync(join(root, file)))
      .update('\n')
  }
  return `${hash.digest('hex')}\n`
}

// `node scripts/source-digest.mjs DIR` writes DIR/source-digest.txt (the build's last step).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { writeFileSync } = await import('node:fs')
  writeFileSync(join(process.argv[2] ?? 'dist', DIGEST_FILE), sourceDigest())
}
