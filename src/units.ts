/** Milliseconds in a day: report timestamps are UTC, so every day has exactly this many. */
export const MS_PER_DAY = 86_400_000

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const

/** "812 bytes", "2.0 MiB", "1.0 MiB (1048577 bytes)" when rounding would hide the difference. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`
  let value = n / 1024
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const shown = `${value.toFixed(1)} ${UNITS[unit]}`
  return Number(value.toFixed(1)) * 1024 ** (unit + 1) === n ? shown : `${shown} (${n} bytes)`
}
