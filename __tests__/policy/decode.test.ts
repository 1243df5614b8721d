import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../src/errors.js'
import { readPolicyFile } from '../../src/io/read-input.js'
import { decodePolicyBytes } from '../../src/policy/decode.js'

describe('policy file decoding', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    expect(decodePolicyBytes(Buffer.from('version: 1\n# café\n'), 'p.yml')).toBe(
      'version: 1\n# café\n'
    )
    expect(decodePolicyBytes(Buffer.from('\ufeffversion: 1\n'), 'p.yml')).toBe('version: 1\n')
  })

  it.each([
    [
      Buffer.from('\ufeffversion: 1\n', 'utf16le'),
      'policy file p.yml is UTF-16 text: save it as UTF-8'
    ],
    [
      Buffer.from([0x76, 0x65, 0x72, 0x00, 0x01]),
      'policy file p.yml contains a NUL byte at offset 3: it is binary data, not a YAML policy'
    ],
    [
      Buffer.from('version: 1\n# caf\xe9\n', 'latin1'),
      'policy file p.yml is not valid UTF-8: save it as UTF-8'
    ]
  ])('rejects %#: %s', (bytes, message) => {
    expect(() => decodePolicyBytes(bytes, 'p.yml')).toThrow(new InputError(message))
  })

  it('is what readPolicyFile uses', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'icg-policy-'))
    const path = join(dir, 'latin1.yml')
    await writeFile(path, Buffer.from('version: 1\n# caf\xe9\n', 'latin1'))
    await expect(readPolicyFile(path)).rejects.toThrow(
      `policy file ${path} is not valid UTF-8: save it as UTF-8`
    )
  })
})
