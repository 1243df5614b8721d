import { InputError } from '../errors.js'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * A policy file's bytes as text. Policies are UTF-8 YAML: UTF-16 and binary
 * content are named as such instead of surfacing as YAML errors about
 * replacement characters.
 */
export function decodePolicyBytes(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`policy file ${file} is UTF-16 text: save it as UTF-8`)
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    throw new InputError(
      `policy file ${file} contains a NUL byte at offset ${nul}: it is binary data, not a YAML policy`
    )
  }
  try {
    return strictUtf8.decode(bytes)
  } catch {
    throw new InputError(`policy file ${file} is not valid UTF-8: save it as UTF-8`)
  }
}
