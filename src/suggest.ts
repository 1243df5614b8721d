/** "Did you mean" for mistyped keys, rule ids and flags. */

/** Levenshtein distance, small inputs only. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] ?? 0
    prev[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] ?? 0
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      prev[j] = Math.min(above + 1, (prev[j - 1] ?? 0) + 1, diagonal + cost)
      diagonal = above
    }
  }
  return prev[b.length] ?? 0
}

/** The closest candidate within a distance of 3 (or sharing a prefix of 4+), if any. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of candidates) {
    const d = editDistance(input.toLowerCase(), c.toLowerCase())
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  if (best === undefined) return undefined
  if (bestDistance <= Math.min(3, Math.max(1, Math.floor(input.length / 2)))) return best
  const prefix = candidates.find(
    c => input.length >= 4 && (c.startsWith(input) || input.startsWith(c))
  )
  return prefix
}
