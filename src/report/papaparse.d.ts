/**
 * The part of Papa Parse's API the report parser uses (the package ships no
 * type declarations). See https://www.papaparse.com/docs#config.
 */
declare module 'papaparse' {
  interface ParseError {
    type: string
    code: string
    message: string
    row?: number
    index?: number
  }

  interface ParseStepResult {
    /** With `step`, the fields of one row. */
    data: string[]
    errors: ParseError[]
    meta: { delimiter: string; linebreak: string; aborted: boolean; cursor: number }
  }

  interface ParseConfig {
    delimiter?: string
    newline?: '\n' | '\r' | '\r\n'
    quoteChar?: string
    escapeChar?: string
    header?: false
    dynamicTyping?: false
    skipEmptyLines?: boolean | 'greedy'
    fastMode?: boolean
    /** Called once per row; the whole input is parsed without holding every row. */
    step?: (results: ParseStepResult, parser: { abort(): void }) => void
  }

  const Papa: {
    parse(input: string, config: ParseConfig): void
  }
  export default Papa
}
