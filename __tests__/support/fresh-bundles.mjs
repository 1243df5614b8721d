// Jest's global set-up. The action and CLI tests run the bundles in dist/, so
// dist/ is rebuilt first when it was not built from the sources as they are
// now (its recorded source digest differs): `npm test` after an edit of src/
// tests the edit.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DIGEST_FILE, ROOT, sourceDigest } from '../../scripts/source-digest.mjs'

export default function freshBundles() {
  const recorded = join(ROOT, 'dist', DIGEST_FILE)
  const built = existsSync(recorded) ? readFileSync(recorded, 'utf8') : ''
  if (built === sourceDigest()) return
  process.stderr.write('\ndist/ was not built from the sources as they are: npm run build\n')
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' })
}
