/**
 * Preloaded (`node --import`) into a process the benchmark times as a whole:
 * writes the process's peak RSS in KiB to `$BENCH_RSS_FILE` when it exits.
 */
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS))
})
