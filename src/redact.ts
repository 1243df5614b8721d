/**
 * Redaction of IAM user names for public places (`redact: users`).
 *
 * In a public repository the job summary, the workflow log (annotations),
 * code-scanning alerts and pull request comments are readable by anyone.
 * `redactContext` turns an evaluation into one that names no IAM user:
 *
 * - each finding's `user` becomes a stable token `user-<8 hex>`, the first
 *   eight hex digits of SHA-256 over the account id and the user name (a
 *   collision among the evaluation's users, or `options.principals`,
 *   lengthens the tokens concerned to 16 digits, so two users never share a
 *   token; pass every user of the report as `principals` so that a user's
 *   token does not depend on which users have findings). The root user stays
 *   `<root_account>`: it is not a person and its ARN names only the account;
 * - each user's ARN keeps its partition and account and loses its path and
 *   name: `arn:aws:iam::123456789012:user/user-1a2b3c4d`;
 * - every occurrence of a user name or ARN, in any letter case, as a whole
 *   word, in finding messages, exemption reasons, warnings, the reasons
 *   rules were not evaluated and the verdict summary becomes the same token.
 *   "Whole word" means not directly preceded or followed by a letter, digit
 *   or underscore, so the user `al` is replaced in "al's key" but not in
 *   "allowed". A user named like a common word (`password`, `admin`) is
 *   replaced in prose too: redaction errs on the side of hiding;
 * - access key ids keep their first four characters (AKIA = long-lived key)
 *   and their last four: `AKIA…WXYZ`. A full key id is half of a credential
 *   pair, identifies one credential globally and encodes the account id, and
 *   a public alert needs none of that; the last four characters are enough for
 *   the account's owners to tell a user's two keys apart.
 *
 * Findings are sorted again by token, so their order does not give away how
 * the real names sort.
 *
 * Unchanged, on purpose: fingerprints (already hashes; SARIF alert identity
 * and the policy-change diff depend on them being the same with and without
 * redaction), rule ids, severities, dates, the account id (see
 * `maskAccountId` for logs), policy file paths and the policy itself (it is
 * committed to the repository, so it is as public as the repository).
 *
 * Limits: the tokens and fingerprints are unkeyed hashes of names that are
 * often guessable (first names, `ci-deploy`), so someone who suspects a
 * name can confirm it. Redaction keeps names out of search results, logs
 * and screenshots; it does not make a guessed name unconfirmable.
 *
 * The remediation script is rendered from the unredacted context: its
 * commands must name the real users and keys to be runnable. Do not publish
 * it (or the JSON file of an unredacted run) where the redacted outputs go.
 *
 * Pure: no clock, no I/O.
 */

import { createHash } from 'node:crypto'
import type { Evaluation, EvaluationWarning, Finding, NotEvaluated } from './evaluation.js'
import { sortFindings } from './finding-order.js'
import type { RenderContext } from './render/context.js'
import type { CredentialReport } from './report/types.js'
import { ROOT_USER } from './report/types.js'

export type RedactMode = 'none' | 'users'

export const REDACT_MODES: readonly RedactMode[] = ['none', 'users']

export function isRedactMode(value: string): value is RedactMode {
  return (REDACT_MODES as readonly string[]).includes(value)
}

/** Hex digits in a token; raised to `LONG_TOKEN_HEX` for users whose short tokens collide. */
const TOKEN_HEX = 8
const LONG_TOKEN_HEX = 16

function digest(accountId: string | null, user: string): string {
  return createHash('sha256')
    .update(`${accountId ?? ''}\u0000${user}`)
    .digest('hex')
}

/**
 * The token that stands for `user` of `accountId`: `user-<8 hex>`. The root
 * user is returned as it is. Stable across runs, renderers and modes.
 */
export function userToken(accountId: string | null, user: string, hexDigits = TOKEN_HEX): string {
  if (user === ROOT_USER) return user
  return `user-${digest(accountId, user).slice(0, hexDigits)}`
}

/** `arn:<partition>:iam::<account>:user/<path/name>` with the path and name replaced by `token`. */
const USER_ARN = /^(arn:[^:]*:iam::[^:]*:)user\/.*$/s

/**
 * A user's ARN with its path and name replaced by `token`. The root ARN is
 * returned as it is. Anything that is not an IAM user ARN becomes the token
 * alone, so nothing unrecognised passes through.
 */
export function redactArn(arn: string, token: string): string {
  if (/^arn:[^:]*:iam::[^:]*:root$/.test(arn)) return arn
  const m = USER_ARN.exec(arn)
  return m ? `${m[1]!}user/${token}` : token
}

/** `AKIAIOSFODNN7EXAMPLE` → `AKIA…MPLE`; a value too short to be a key id becomes `…`. */
export function redactKeyId(keyId: string): string {
  return keyId.length >= 16 ? `${keyId.slice(0, 4)}…${keyId.slice(-4)}` : '…'
}

/** Letters, digits and underscore: a name is replaced only where it is not joined to one of these. */
function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95
  )
}

/** Names and ARNs never contain white space (IAM allows printable ASCII only, without space). */
function isSpace(code: number): boolean {
  return code <= 32 || code === 0x85 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a)
}

/**
 * Replaces whole-word occurrences of known names and ARNs in free text, in
 * one pass (a replacement is never scanned again), longest match first, in
 * any letter case. Runs in time proportional to the text length times the
 * number of distinct name lengths (candidates are bounded by white space), so
 * thousands of users stay cheap.
 */
export class TextRedactor {
  private readonly replacements = new Map<string, string>()
  private lengths: number[] = []

  /** Registers `needle` (matched case-insensitively) to be replaced by `replacement`. */
  add(needle: string, replacement: string): void {
    if (needle === '' || needle === replacement) return
    const key = needle.toLowerCase()
    if (this.replacements.has(key)) return
    this.replacements.set(key, replacement)
    if (!this.lengths.includes(needle.length)) {
      this.lengths.push(needle.length)
      this.lengths.sort((a, b) => b - a)
    }
  }

  get size(): number {
    return this.replacements.size
  }

  redact(text: string): string {
    if (this.replacements.size === 0 || text === '') return text
    const n = text.length
    let out = ''
    let copied = 0
    let runEnd = 0
    for (let i = 0; i < n; i++) {
      if (isSpace(text.charCodeAt(i))) continue
      if (i > 0 && isWordChar(text.charCodeAt(i - 1))) continue
      if (runEnd <= i) {
        runEnd = i
        while (runEnd < n && !isSpace(text.charCodeAt(runEnd))) runEnd++
      }
      for (const len of this.lengths) {
        const j = i + len
        if (j > runEnd) continue
        if (j < n && isWordChar(text.charCodeAt(j))) continue
        const replacement = this.replacements.get(text.slice(i, j).toLowerCase())
        if (replacement === undefined) continue
        out += text.slice(copied, i) + replacement
        copied = j
        i = j - 1
        break
      }
    }
    return copied === 0 ? text : out + text.slice(copied)
  }
}

/** The tokens of one evaluation's users, and a redactor for its free text. */
export interface Pseudonyms {
  /** Token for a user of the evaluation (root unchanged); unknown users get a fresh token. */
  user(user: string): string
  arn(arn: string, user: string): string
  text: TextRedactor
}

export interface RedactOptions {
  /**
   * Every user name the tokens must keep apart, e.g. all users of the report,
   * or the users of both evaluations behind a policy-change comment. Users
   * whose 8-digit tokens collide get 16 digits; resolving collisions over the
   * same set keeps a user's token the same in every output. Default: the
   * users named by the evaluation's findings.
   */
  principals?: Iterable<string>
}

/**
 * Tokens for every user named by the evaluation's findings (and
 * `options.principals`). Users whose 8-digit tokens collide get 16 digits.
 */
export function pseudonyms(evaluation: Evaluation, options: RedactOptions = {}): Pseudonyms {
  const accountId = evaluation.account.id
  const users = [
    ...new Set([...evaluation.findings.map(f => f.user), ...(options.principals ?? [])])
  ].filter(u => u !== ROOT_USER)
  const tokens = userTokens(accountId, users)
  const user = (u: string): string => tokens.get(u) ?? userToken(accountId, u)
  const text = new TextRedactor()
  // ARNs first only for clarity: the redactor prefers the longest match anyway.
  for (const f of evaluation.findings) {
    if (f.user === ROOT_USER) continue
    text.add(f.arn, redactArn(f.arn, user(f.user)))
  }
  for (const u of users) text.add(u, user(u))
  return { user, arn: (arn, u) => redactArn(arn, user(u)), text }
}

function redactFinding(f: Finding, p: Pseudonyms): Finding {
  const isRoot = f.user === ROOT_USER
  const out: Finding = {
    ...f,
    user: p.user(f.user),
    arn: isRoot ? f.arn : p.arn(f.arn, f.user),
    message: p.text.redact(f.message)
  }
  if (f.keyId !== undefined) out.keyId = redactKeyId(f.keyId)
  if (f.exemption) out.exemption = { ...f.exemption, reason: p.text.redact(f.exemption.reason) }
  return out
}

/*
 * Findings are sorted again after the names are replaced (the evaluation's
 * order, by token): kept in the order of the real names, the rows would give
 * away how the hidden names sort.
 */

/** The evaluation with every IAM user name, user ARN and key id replaced (see the module comment). */
export function redactEvaluation(
  evaluation: Evaluation,
  mode: RedactMode,
  options: RedactOptions = {}
): Evaluation {
  if (mode === 'none') return evaluation
  const p = pseudonyms(evaluation, options)
  return {
    ...evaluation,
    findings: sortFindings(evaluation.findings.map(f => redactFinding(f, p))),
    verdict: { ...evaluation.verdict, summary: p.text.redact(evaluation.verdict.summary) },
    warnings: evaluation.warnings.map((w): EvaluationWarning => ({
      ...w,
      message: p.text.redact(w.message)
    })),
    notEvaluated: evaluation.notEvaluated.map((n): NotEvaluated => ({
      ...n,
      reason: p.text.redact(n.reason)
    }))
  }
}

/**
 * The render context for public outputs: job summary, annotations, SARIF,
 * PR comments, and the JSON file unless the mode is `none`. Returns `ctx`
 * itself for `none`. Never use it for the remediation script.
 */
export function redactContext(
  ctx: RenderContext,
  mode: RedactMode,
  options: RedactOptions = {}
): RenderContext {
  if (mode === 'none') return ctx
  return { ...ctx, evaluation: redactEvaluation(ctx.evaluation, mode, options) }
}

/**
 * Redacts the names of an evaluation's users in any other text the action
 * logs about it (e.g. warnings from the key-id lookup).
 */
export function redactText(
  text: string,
  evaluation: Evaluation,
  mode: RedactMode,
  options: RedactOptions = {}
): string {
  if (mode === 'none') return text
  return pseudonyms(evaluation, options).text.redact(text)
}

/** An IAM user ARN inside a message: partition, account, then `user/` and a path and name. */
const ARN_IN_TEXT = /arn:([A-Za-z0-9-]*):iam::(\d*):user\/([\w+=,.@/-]*[\w+=,.@-])/g

/** A quoted value the report parser names as a user or an ARN. */
const QUOTED_PRINCIPAL = /(column (?:user|arn): |\buser (?:is )?|\bduplicates )'([^'\n]*)'/g

/**
 * Redacts user names and user ARNs in an error message about a credential
 * report (the parser quotes the offending value), for `redact: users`. The
 * report did not parse, so the account is taken from the ARN when there is
 * one; a quoted name is hashed without an account, so its token differs from
 * the one a successful run would show. Line and column numbers stay, so the
 * owner can find the row.
 */
export function redactErrorMessage(message: string, mode: RedactMode): string {
  if (mode === 'none') return message
  return message
    .replace(ARN_IN_TEXT, (_all, partition: string, account: string, rest: string) => {
      const name = rest.slice(rest.lastIndexOf('/') + 1)
      return `arn:${partition}:iam::${account}:user/${userToken(account || null, name)}`
    })
    .replace(QUOTED_PRINCIPAL, (all, lead: string, value: string) => {
      if (value === ROOT_USER || /^user-[0-9a-f]{8}$/.test(value)) return all
      if (value.startsWith('arn:')) {
        return /^arn:[^:]*:iam::[^:]*:(root|user\/user-[0-9a-f]{8})$/.test(value)
          ? all
          : `${lead}'<redacted ARN>'`
      }
      return `${lead}'${userToken(null, value)}'`
    })
}

/**
 * Masks an AWS account id in text for logs: every occurrence that is not part
 * of a longer run of digits becomes `***` (what the runner shows for a value
 * registered with `core.setSecret`). Text without the id, or a null id, is
 * returned as it is.
 */
export function maskAccountId(text: string, accountId: string | null): string {
  if (accountId === null || !/^\d{12}$/.test(accountId)) return text
  return text.replace(new RegExp(`(?<!\\d)${accountId}(?!\\d)`, 'g'), '***')
}

/** Each user's token; users whose 8-digit tokens collide get 16 digits. */
function userTokens(accountId: string | null, users: readonly string[]): Map<string, string> {
  const byShort = new Map<string, string[]>()
  for (const u of users) {
    const short = userToken(accountId, u)
    byShort.set(short, [...(byShort.get(short) ?? []), u])
  }
  const tokens = new Map<string, string>()
  for (const [short, group] of byShort) {
    for (const u of group) {
      tokens.set(u, group.length === 1 ? short : userToken(accountId, u, LONG_TOKEN_HEX))
    }
  }
  return tokens
}

/**
 * Replaces every IAM user's name and ARN from `report` in free text with
 * the same tokens the audit's outputs use: for text rendered straight from
 * evaluations of the real report (the pull-request review). Evaluating on
 * real names keeps exemption globs matching; only the text is redacted.
 */
export function reportTextRedactor(
  report: CredentialReport,
  mode: RedactMode
): (text: string) => string {
  if (mode === 'none') return text => text
  const users = report.users.map(r => r.user)
  const tokens = userTokens(report.accountId, users)
  const redactor = new TextRedactor()
  for (const row of report.users) {
    const token = tokens.get(row.user) ?? userToken(report.accountId, row.user)
    redactor.add(row.arn, redactArn(row.arn, token))
    redactor.add(row.user, token)
  }
  return text => redactor.redact(text)
}
