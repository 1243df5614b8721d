/**
 * The user names of a report, to find a duplicate: IAM user names are unique
 * regardless of case, and are ASCII (`[A-Za-z0-9_+=,.@-]`, checked before a
 * name gets here).
 *
 * An open-addressing table of 32-bit hashes and row numbers in typed arrays,
 * not a `Set` of lower-cased copies: at 500,000 rows the set took 300 ms and
 * 40 MB; this takes a fifth of the time and no string copies. Equal hashes
 * are rare and settled by comparing the names.
 */
export class UserNames {
  /** Row number + 1 per slot (0: empty); a power of two long. */
  private slots = new Int32Array(1024)
  private hashes = new Int32Array(1024)
  private readonly names: string[] = []

  /** How many names were added. */
  get size(): number {
    return this.names.length
  }

  /**
   * Adds `name`, the `size`-th name added. Returns the position (0-based, in
   * order of addition) of an earlier name equal to it ignoring ASCII case, or
   * -1 when there is none; a duplicate is not added.
   */
  add(name: string): number {
    if ((this.names.length + 1) * 2 > this.slots.length) this.grow()
    const hash = caseInsensitiveHash(name)
    const mask = this.slots.length - 1
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i] as number
      if (slot === 0) {
        this.names.push(name)
        this.slots[i] = this.names.length
        this.hashes[i] = hash
        return -1
      }
      if (this.hashes[i] === hash && equalIgnoringAsciiCase(this.names[slot - 1] as string, name)) {
        return slot - 1
      }
    }
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const hashes = new Int32Array(slots.length)
    const mask = slots.length - 1
    for (let j = 0; j < this.slots.length; j++) {
      const slot = this.slots[j] as number
      if (slot === 0) continue
      const hash = this.hashes[j] as number
      let i = hash & mask
      while (slots[i] !== 0) i = (i + 1) & mask
      slots[i] = slot
      hashes[i] = hash
    }
    this.slots = slots
    this.hashes = hashes
  }
}

/** The code unit with A-Z lower-cased. */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c | 0x20 : c
}

/** FNV-1a over the lower-cased code units. */
function caseInsensitiveHash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ lower(s.charCodeAt(i)), 0x01000193)
  return h
}

function equalIgnoringAsciiCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    if (lower(a.charCodeAt(i)) !== lower(b.charCodeAt(i))) return false
  }
  return true
}
