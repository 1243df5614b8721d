/**
 * Runs output steps one by one and collects their failures instead of
 * throwing, so one unwritable output does not stop the others.
 */
export function errorCollector(): {
  errors: string[]
  attempt: (what: string, step: () => unknown) => Promise<void>
} {
  const errors: string[] = []
  const attempt = async (what: string, step: () => unknown): Promise<void> => {
    try {
      await step()
    } catch (error) {
      errors.push(`cannot write ${what}: ${(error as Error).message}`)
    }
  }
  return { errors, attempt }
}
