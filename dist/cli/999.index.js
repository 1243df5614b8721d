export const id = 999;
export const ids = [999];
export const modules = {

/***/ 3999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  auditLiveAccount: () => (/* binding */ auditLiveAccount)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-providers/dist-cjs/index.js
var dist_cjs = __webpack_require__(9719);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var lib_core = __webpack_require__(9093);
// EXTERNAL MODULE: ./src/enrich.ts
var enrich = __webpack_require__(9258);
// EXTERNAL MODULE: ./src/evaluate.ts + 3 modules
var evaluate = __webpack_require__(8333);
// EXTERNAL MODULE: ./src/io/read-input.ts + 1 modules
var read_input = __webpack_require__(6284);
// EXTERNAL MODULE: ./src/report/parse.ts + 11 modules
var parse = __webpack_require__(2305);
// EXTERNAL MODULE: ./src/time.ts
var time = __webpack_require__(9834);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/action/audit.ts







/**
 * One account's audit: parse the report, evaluate it against the policy,
 * attach key ids, warn about an old report. Returns everything the outputs
 * need; writes nothing. Several accounts (or a base and a head policy on the
 * same report) are several calls.
 */
async function auditAccount(source, policy, options) {
    const report = (0,parse/* parseCredentialReport */.tX)(source.content, {
        source: source.name,
        maxBytes: read_input/* MAX_REPORT_BYTES */.WA
    });
    const now = (options.now ?? Date.now)();
    let evaluation = (0,evaluate/* evaluate */._)(report, policy, now, { account: source.facts });
    const warnings = [];
    const age = reportAgeWarning(source.generatedAt, now, options.maxReportAgeHours, options.log ?? (message => lib_core/* info */.pq(message)));
    if (age)
        warnings.push(age);
    const requests = (0,enrich/* keyIdRequests */.Lu)(evaluation, report);
    if (source.keyIds && options.resolveKeyIds) {
        if (requests.length > 0) {
            const resolved = await source.keyIds(requests);
            evaluation = (0,enrich/* withKeyIds */.sA)(evaluation, resolved.keyIds);
            for (const message of resolved.warnings)
                warnings.push({ kind: 'report', message });
        }
    }
    const ctx = {
        evaluation: withWarnings(evaluation, warnings),
        policy,
        toolVersion: version/* VERSION */.x,
        reportGeneratedAt: source.generatedAt,
        reportSource: source.kind,
        now,
        accessKeysCreated: (0,enrich/* accessKeyCreationTimes */.RX)(requests)
    };
    return { ctx, users: report.users.map(u => u.user) };
}
/** The report's own warnings first: they explain every finding. */
function withWarnings(evaluation, warnings) {
    return warnings.length === 0
        ? evaluation
        : { ...evaluation, warnings: [...warnings, ...evaluation.warnings] };
}
function reportAgeWarning(generatedAt, now, maxAgeHours, log) {
    if (generatedAt === null)
        return null;
    const ageHours = (now - generatedAt) / 3_600_000;
    log(`Credential report generated ${(0,time/* formatTimestamp */.Ey)(generatedAt)} (${ageHours.toFixed(1)} hours ago).`);
    if (ageHours <= maxAgeHours)
        return null;
    return {
        kind: 'report',
        message: `The credential report was generated ${(0,time/* formatTimestamp */.Ey)(generatedAt)}, ${Math.floor(ageHours)} hours ago, ` +
            `more than max-report-age-hours (${maxAgeHours}). AWS regenerates it at most every 4 hours; ` +
            'a fix shows up only in a later report.'
    };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/aws/aws-errors.ts
/**
 * Classifying AWS SDK errors. The Query protocol gives modeled errors a class
 * name (`CredentialReportExpiredException`) and keeps the wire code in `Code`
 * (`ReportExpired`); unmodeled errors (`AccessDenied`, `Throttling`) carry the
 * wire code as `name`. These helpers look at both.
 */
const asRecord = (e) => e !== null && typeof e === 'object' ? e : {};
/** Every code-like string on the error (`name`, `Code`, `code`). */
function errorCodes(e) {
    const r = asRecord(e);
    return [r.name, r.Code, r.code].filter((c) => typeof c === 'string' && c !== '');
}
/** The most specific code: the wire code when there is one, else the name. */
function errorCode(e) {
    const r = asRecord(e);
    for (const c of [r.Code, r.code, r.name])
        if (typeof c === 'string' && c !== '')
            return c;
    return 'Error';
}
function hasCode(e, ...codes) {
    return errorCodes(e).some(c => codes.includes(c));
}
function httpStatus(e) {
    return asRecord(e).$metadata?.httpStatusCode;
}
function errorMessage(e) {
    const m = asRecord(e).message;
    if (typeof m === 'string' && m !== '')
        return m.split('\n')[0]?.trim() || m;
    return String(e);
}
const PERMISSION_CODES = [
    'AccessDenied',
    'AccessDeniedException',
    'UnauthorizedOperation',
    'UnauthorizedAccess',
    'NotAuthorized'
];
/** The principal lacks a permission for the call. */
function isPermissionError(e) {
    return hasCode(e, ...PERMISSION_CODES);
}
const CREDENTIAL_CODES = [
    'InvalidClientTokenId',
    'SignatureDoesNotMatch',
    'IncompleteSignature',
    'MissingAuthenticationToken',
    'ExpiredToken',
    'ExpiredTokenException',
    'UnrecognizedClientException',
    'InvalidAccessKeyId',
    'CredentialsProviderError'
];
/** The credentials themselves are missing, invalid or expired. */
function isCredentialError(e) {
    return hasCode(e, ...CREDENTIAL_CODES);
}
const THROTTLING_CODES = [
    'Throttling',
    'ThrottlingException',
    'ThrottledException',
    'RequestThrottled',
    'RequestThrottledException',
    'TooManyRequestsException',
    'RequestLimitExceeded'
];
/** Throttling or a server-side failure: worth another try after a pause. */
function isTransientError(e) {
    const status = httpStatus(e);
    return (hasCode(e, ...THROTTLING_CODES, 'ServiceFailure', 'ServiceFailureException', 'ServiceUnavailable') ||
        (status !== undefined && status >= 500));
}
/**
 * AWS answered 2xx with a body the SDK could not read (XML that does not
 * parse): a proxy or a bad moment on AWS's side, worth another try.
 */
function isMalformedResponse(e) {
    const status = httpStatus(e);
    return status !== undefined && status >= 200 && status < 300;
}
/** The call was aborted (our deadline) or timed out in the HTTP handler. */
function isAbortOrTimeout(e) {
    return hasCode(e, 'AbortError', 'TimeoutError', 'ETIMEDOUT', 'ECONNRESET', 'RequestTimeout');
}
/** The sentence used for credential problems, with a hint at the fix. */
function credentialProblem(e) {
    if (hasCode(e, 'CredentialsProviderError')) {
        return `no AWS credentials found (${errorMessage(e)}); set role-to-assume to use GitHub OIDC, or provide credentials in the environment`;
    }
    return `AWS rejected the credentials (${errorCode(e)}: ${errorMessage(e)})`;
}

;// CONCATENATED MODULE: ./src/aws/sdk.ts
const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/**
 * `requestHandler` options for an SDK client. The handler is created by the
 * client from these (no direct dependency on `@smithy/node-http-handler`).
 * `requestTimeout` only warns unless `throwOnRequestTimeout` is set.
 */
function requestHandlerOptions(timeouts = {}) {
    return {
        connectionTimeout: sdk_scaled(timeouts.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS, timeouts.timeScale),
        requestTimeout: sdk_scaled(timeouts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, timeouts.timeScale),
        throwOnRequestTimeout: true
    };
}
/** Real milliseconds for `ms` nominal ones, rounded up: a scaled wait is never shorter. */
function sdk_scaled(ms, timeScale = 1) {
    return ms <= 0 || timeScale === 1 ? Math.max(0, ms) : Math.ceil(ms * timeScale);
}
/** Thrown by `withDeadline` when the time is up. */
class sdk_DeadlineError extends Error {
    ms;
    constructor(ms) {
        super(`no answer within ${ms} ms`);
        this.ms = ms;
        this.name = 'DeadlineError';
    }
}
/**
 * Runs `call` with an AbortSignal that fires after `ms` (or when `signal`
 * fires), and settles no later than that even if the SDK is between retries
 * (it would only notice the signal on its next attempt).
 */
async function sdk_withDeadline(ms, call, options = {}) {
    const outer = options.signal;
    outer?.throwIfAborted();
    if (ms <= 0)
        throw new sdk_DeadlineError(0);
    const controller = new AbortController();
    let timer;
    let onAbort;
    const expired = new Promise((_, reject) => {
        timer = setTimeout(() => {
            controller.abort();
            reject(new sdk_DeadlineError(ms));
        }, sdk_scaled(ms, options.timeScale));
        onAbort = () => {
            controller.abort(outer?.reason);
            reject(outer?.reason);
        };
        outer?.addEventListener('abort', onAbort, { once: true });
    });
    const pending = call(controller.signal);
    pending.catch(() => undefined);
    try {
        return await Promise.race([pending, expired]);
    }
    finally {
        clearTimeout(timer);
        if (onAbort)
            outer?.removeEventListener('abort', onAbort);
    }
}
const defaultSleep = (ms) => new Promise(resolve => setTimeout(resolve, Math.max(0, ms)));
/**
 * A nominal clock: `sleep(ms)` waits `ms × timeScale` real milliseconds and
 * `now()` advances by nominal milliseconds, so deadlines computed from it
 * hold at any scale.
 */
function sdk_scaledClock(timeScale = 1) {
    if (timeScale === 1)
        return { now: Date.now, sleep: defaultSleep };
    const origin = Date.now();
    return {
        now: () => origin + (Date.now() - origin) / timeScale,
        sleep: ms => defaultSleep(sdk_scaled(ms, timeScale))
    };
}
/** Attempts and back-off of an SDK client. */
function retryOptions(maxAttempts, timeScale = 1, retryMode = 'standard') {
    if (timeScale === 1)
        return { maxAttempts, retryMode };
    return { maxAttempts, retryStrategy: scaledRetryStrategy(maxAttempts, timeScale) };
}
const THROTTLING_DELAY_BASE_MS = 1_000;
const RETRY_DELAY_BASE_MS = 50;
const MAX_RETRY_DELAY_MS = 20_000;
/**
 * The SDK's standard retry (the same errors, attempts and full-jitter
 * back-off: random × min(base × 2^n, 20 s), base 1 s for throttling, else
 * 50 ms), with the delays scaled. Only for `timeScale` ≠ 1: the adaptive
 * mode's client-side rate limiter waits on the real clock, so tests do
 * without it.
 */
function scaledRetryStrategy(maxAttempts, timeScale) {
    const token = (retries, delay) => ({
        getRetryCount: () => retries,
        getRetryDelay: () => delay
    });
    return {
        acquireInitialRetryToken: async () => token(0, 0),
        refreshRetryTokenForRetry: async (previous, info) => {
            const retries = previous.getRetryCount();
            const retryable = info.errorType === 'THROTTLING' || info.errorType === 'TRANSIENT';
            if (!retryable || retries + 1 >= maxAttempts)
                throw new Error('no retry');
            const base = info.errorType === 'THROTTLING' ? THROTTLING_DELAY_BASE_MS : RETRY_DELAY_BASE_MS;
            const ms = Math.random() * Math.min(base * 2 ** retries, MAX_RETRY_DELAY_MS);
            return token(retries + 1, sdk_scaled(Math.floor(ms), timeScale));
        },
        recordSuccess: () => undefined
    };
}
/** Runs `worker` over `items` with at most `limit` in flight; results keep input order. */
async function mapLimit(items, limit, worker) {
    const results = new Array(items.length);
    let next = 0;
    const run = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await worker(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, run));
    return results;
}

;// CONCATENATED MODULE: ./src/aws/oidc-token.ts
/**
 * GitHub OIDC tokens for role assumption. The request itself is passed in
 * (the action's `githubIdTokenRequest`: this module does not reach for the
 * runner's environment or API); here are the retries, the deadline that
 * bounds them, and the cache that lets several roles share one token.
 */


const OIDC_SERVICE = 'the GitHub OIDC token service';
const TOKEN_BACKOFF_BASE_MS = 500;
const TOKEN_BACKOFF_CAP_MS = 5_000;
/** A 4xx other than 408 and 429: a refusal that retrying will not change. */
function isPermanentTokenError(e) {
    const status = e?.status;
    return (typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429);
}
const oneLine = (s) => s.replace(/\s+/g, ' ').trim();
/** The JWT payload, decoded and NOT verified (for messages only). */
function decodeTokenClaims(jwt) {
    const payload = jwt.split('.')[1];
    if (!payload)
        return null;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return claims !== null && typeof claims === 'object'
            ? claims
            : null;
    }
    catch {
        return null;
    }
}
/** Real milliseconds the socket timeout of a token request runs past the deadline. */
const SOCKET_TIMEOUT_AFTER_DEADLINE_MS = 1_000;
/** A token, with retries (full jitter) inside one deadline. */
async function getIdToken(options) {
    const attempts = options.attempts ?? 4;
    const budgetS = options.timeoutSeconds ?? 60;
    const clock = scaledClock(options.timeScale);
    const sleep = options.sleep ?? clock.sleep;
    const log = options.log ?? (() => undefined);
    const start = clock.now();
    let last = '';
    let made = 0;
    try {
        return await withDeadline(budgetS * 1000, async (signal) => {
            for (let attempt = 1;; attempt++) {
                made = attempt;
                try {
                    // The socket's own timeout is a backstop for what the abort cannot reach (a
                    // proxy's socket): a second later than the deadline, so that a service that
                    // never answers always ends at the deadline, not at a racing socket timer.
                    const timeoutMs = scaled(budgetS * 1000 - (clock.now() - start), options.timeScale) +
                        SOCKET_TIMEOUT_AFTER_DEADLINE_MS;
                    const token = await options.request(options.audience, { signal, timeoutMs });
                    options.mask(token);
                    return token;
                }
                catch (e) {
                    signal.throwIfAborted();
                    last = oneLine(e instanceof Error ? e.message : String(e));
                    if (isPermanentTokenError(e) || attempt >= attempts)
                        throw e;
                    // Full jitter: random() × min(cap, base × 2^n).
                    const ms = Math.random() * Math.min(TOKEN_BACKOFF_CAP_MS, TOKEN_BACKOFF_BASE_MS * 2 ** attempt);
                    log(`GitHub OIDC token request failed (attempt ${attempt}/${attempts}): ${last}; retrying`);
                    await sleep(ms);
                    signal.throwIfAborted();
                }
            }
        }, { timeScale: options.timeScale });
    }
    catch (e) {
        if (e instanceof DeadlineError) {
            throw new AccessError(`${OIDC_SERVICE} did not answer within ${budgetS} s` +
                (last ? ` (earlier attempts: ${last})` : ''));
        }
        throw new AccessError(`could not get a GitHub OIDC token for audience "${options.audience}" after ${made} attempt(s): ${last}`, { cause: e });
    }
}
/**
 * Throws the explanation of a job without an OIDC token (no `id-token:
 * write` permission, or a pull request from a fork). `what` names what the
 * token was for: a role ARN, or "the account roles".
 */
function requireOidcEnvironment(env, what) {
    if (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
        return;
    throw new errors/* AccessError */.Zz(`no GitHub OIDC token is available to assume ${what} ` +
        `(ACTIONS_ID_TOKEN_REQUEST_${env.ACTIONS_ID_TOKEN_REQUEST_URL ? 'TOKEN' : 'URL'} is not set). ` +
        'Add `permissions: id-token: write` to the workflow or job. ' +
        'Pull requests from forks never get an OIDC token (their id-token permission is read-only); ' +
        'run the AWS audit on push or schedule instead, or without role-to-assume using other credentials.');
}
/**
 * One GitHub OIDC token for many role assumptions: fetched on first use,
 * reused while its `exp` is at least `minValidityMs` away, fetched again
 * after that. Concurrent callers share one request.
 */
function oidc_token_createOidcTokenSource(options) {
    const now = options.now ?? Date.now;
    const minValidity = options.minValidityMs ?? 60_000;
    let cached = null;
    let pending = null;
    return () => {
        if (cached && cached.expiresAt - now() >= minValidity)
            return Promise.resolve(cached.token);
        pending ??= getIdToken(options)
            .then(token => {
            const exp = decodeTokenClaims(token)?.exp;
            const expiresAt = typeof exp === 'number' && Number.isFinite(exp)
                ? exp * 1000
                : now() + (options.assumedLifetimeMs ?? 5 * 60_000);
            cached = { token, expiresAt };
            return token;
        })
            .finally(() => (pending = null));
        return pending;
    };
}

;// CONCATENATED MODULE: ./src/aws/credentials.ts




/** AWS caps a session of a role assumed from another role's session at one hour. */
const MAX_CHAINED_SESSION_SECONDS = 3600;
const DEFAULT_CHAIN_PRINCIPAL = 'the default AWS credential chain';
/** `arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME` */
const ROLE_ARN = /^arn:(aws(?:-[a-z]+)*):iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const OIDC_ISSUER_HOST = 'token.actions.githubusercontent.com';
/** Refresh the session this long before it expires. */
const REFRESH_MARGIN_MS = 5 * 60_000;
function validateRoleInputs(input) {
    const m = ROLE_ARN.exec(input.roleToAssume);
    if (!m) {
        throw new errors/* InputError */.dz(`role-to-assume must be an IAM role ARN like arn:aws:iam::123456789012:role/NAME, got "${input.roleToAssume}"`);
    }
    if (!SESSION_NAME.test(input.roleSessionName)) {
        throw new errors/* InputError */.dz(`role-session-name must be 2 to 64 characters of letters, digits and _+=,.@-, got "${input.roleSessionName}"`);
    }
    const d = input.roleDurationSeconds;
    if (!Number.isInteger(d) || d < 900 || d > 43_200) {
        throw new errors/* InputError */.dz(`role-duration-seconds must be a whole number from 900 to 43200, got ${String(d)}`);
    }
    if (input.audience.trim() === '') {
        throw new errors/* InputError */.dz('audience must not be empty (use sts.amazonaws.com)');
    }
    return { partition: m[1], accountId: m[2] };
}
const IMMUTABLE_SUBJECT = /^repo:[^/:@]+@\d+\/[^/:@]+@\d+:/;
function trustPolicyHint(roleArn, partition, accountId, claims, audience) {
    const sub = typeof claims?.sub === 'string' ? claims.sub : null;
    const aud = typeof claims?.aud === 'string' ? claims.aud : audience;
    const lines = [
        `Check the trust policy of ${roleArn}:`,
        `its Principal must be {"Federated": "arn:${partition}:iam::${accountId}:oidc-provider/${OIDC_ISSUER_HOST}"}`,
        `and its conditions must hold for this token: ${OIDC_ISSUER_HOST}:aud must allow "${aud}", ` +
            `${OIDC_ISSUER_HOST}:sub must match ${sub ? `"${sub}"` : 'the token subject'}.`
    ];
    if (sub && IMMUTABLE_SUBJECT.test(sub)) {
        lines.push('The token uses the immutable subject format repo:OWNER@OWNER-ID/REPO@REPO-ID:…; ' +
            'a sub condition written as repo:OWNER/REPO:… does not match it.');
    }
    else {
        lines.push('Repositories created, renamed or transferred after 2026-07-15 (and those that opted in) get the ' +
            'immutable subject format repo:OWNER@OWNER-ID/REPO@REPO-ID:…; the sub condition must use the ' +
            'format the token carries.');
    }
    return lines.join(' ');
}
async function credentials_resolveCredentials(input) {
    const roleArn = input.roleToAssume?.trim();
    if (!roleArn)
        return { credentials: undefined, principal: DEFAULT_CHAIN_PRINCIPAL };
    const { partition, accountId } = validateRoleInputs({ ...input, roleToAssume: roleArn });
    const env = input.env ?? process.env;
    const log = input.log ?? (() => undefined);
    const { mask, timeScale } = input;
    const chain = input.chainFrom;
    const idToken = input.idToken;
    if (!chain)
        requireOidcEnvironment(env, roleArn);
    if (!chain && !idToken)
        throw new Error(`no OIDC token source to assume ${roleArn} with`);
    // Imported only when a role is assumed: a run on static credentials never
    // needs the STS client, and loading it is part of every action's start.
    const { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, STSClient } = await __webpack_require__.e(/* import() */ 695).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    const sts = new STSClient({
        region: input.region,
        ...retryOptions(input.maxAttempts ?? 3, timeScale),
        requestHandler: requestHandlerOptions({ timeScale }),
        ...(chain?.credentials ? { credentials: chain.credentials } : {})
    });
    const budgetMs = (input.timeoutSeconds ?? 60) * 1000;
    /** AssumeRoleWithWebIdentity with a job token, or AssumeRole from the chain source. */
    const call = async () => {
        if (chain) {
            try {
                return await sdk_withDeadline(budgetMs, signal => sts.send(new AssumeRoleCommand({
                    RoleArn: roleArn,
                    RoleSessionName: input.roleSessionName,
                    DurationSeconds: Math.min(input.roleDurationSeconds, MAX_CHAINED_SESSION_SECONDS)
                }), { abortSignal: signal }), { timeScale });
            }
            catch (e) {
                throw chainedAssumeRoleError(e, roleArn, chain, accountId, budgetMs);
            }
        }
        const token = await idToken();
        try {
            return await sdk_withDeadline(budgetMs, signal => sts.send(new AssumeRoleWithWebIdentityCommand({
                RoleArn: roleArn,
                RoleSessionName: input.roleSessionName,
                WebIdentityToken: token,
                DurationSeconds: input.roleDurationSeconds
            }), { abortSignal: signal }), { timeScale });
        }
        catch (e) {
            throw assumeRoleError(e, roleArn, partition, accountId, token, input.audience, budgetMs);
        }
    };
    const operation = chain ? 'AssumeRole' : 'AssumeRoleWithWebIdentity';
    const assume = async () => {
        const out = await call();
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey) {
            throw new errors/* AccessError */.Zz(`${operation} for ${roleArn} returned no credentials`);
        }
        mask(c.AccessKeyId);
        mask(c.SecretAccessKey);
        if (c.SessionToken)
            mask(c.SessionToken);
        const principal = out.AssumedRoleUser?.Arn ?? `${roleArn} (session ${input.roleSessionName})`;
        return {
            identity: {
                accessKeyId: c.AccessKeyId,
                secretAccessKey: c.SecretAccessKey,
                sessionToken: c.SessionToken,
                expiration: c.Expiration,
                accountId
            },
            principal
        };
    };
    const first = await assume();
    log(`assumed ${first.principal}`);
    let current = first.identity;
    let refreshing = null;
    const credentials = async () => {
        const expires = current.expiration?.getTime();
        if (expires !== undefined && expires - Date.now() < REFRESH_MARGIN_MS) {
            refreshing ??= assume()
                .then(r => (current = r.identity))
                .finally(() => (refreshing = null));
            return refreshing;
        }
        return current;
    };
    return { credentials, principal: first.principal };
}
function chainedAssumeRoleError(e, roleArn, chain, accountId, budgetMs) {
    const said = `${errorCode(e)}: ${errorMessage(e)}`;
    if (e instanceof sdk_DeadlineError) {
        return new errors/* AccessError */.Zz(`STS did not answer AssumeRole for ${roleArn} within ${Math.round(budgetMs / 1000)} s`);
    }
    if (hasCode(e, 'AccessDenied', 'AccessDeniedException')) {
        const source = chain.roleArn ?? chain.principal;
        return new errors/* AccessError */.Zz(`not authorized to assume ${roleArn} from ${chain.principal} (STS said ${said}). ` +
            `The trust policy of ${roleArn} must allow sts:AssumeRole by ${chain.roleArn ? `{"AWS": "${chain.roleArn}"}` : 'the source principal'}, ` +
            `and the permissions of ${source} must allow sts:AssumeRole on it.`, { cause: e });
    }
    if (isCredentialError(e)) {
        return new errors/* AccessError */.Zz(`AssumeRole for ${roleArn} failed: ${credentialProblem(e)} (role chaining from ${chain.principal})`, { cause: e });
    }
    if (hasCode(e, 'ValidationError')) {
        return new errors/* InputError */.dz(`AssumeRole refused the role inputs for ${roleArn} (${said})`);
    }
    if (hasCode(e, 'RegionDisabledException')) {
        return new errors/* AccessError */.Zz(`STS is not activated in this region for account ${accountId} (${said})`, { cause: e });
    }
    const kind = isTransientError(e) ? 'kept failing' : 'failed';
    return new errors/* AccessError */.Zz(`AssumeRole for ${roleArn} ${kind} (${said})`, { cause: e });
}
function assumeRoleError(e, roleArn, partition, accountId, token, audience, budgetMs) {
    const claims = decodeTokenClaims(token);
    const sub = typeof claims?.sub === 'string' ? claims.sub : 'unknown (token payload not readable)';
    const said = `${errorCode(e)}: ${errorMessage(e)}`;
    if (e instanceof sdk_DeadlineError) {
        return new errors/* AccessError */.Zz(`STS did not answer AssumeRoleWithWebIdentity for ${roleArn} within ${Math.round(budgetMs / 1000)} s`);
    }
    if (hasCode(e, 'AccessDenied', 'AccessDeniedException')) {
        return new errors/* AccessError */.Zz(`not authorized to assume ${roleArn} with the GitHub OIDC token whose sub is "${sub}" ` +
            `(STS said ${said}). ${trustPolicyHint(roleArn, partition, accountId, claims, audience)}`, { cause: e });
    }
    if (hasCode(e, 'InvalidIdentityToken', 'InvalidIdentityTokenException', 'IDPRejectedClaim', 'IDPRejectedClaimException')) {
        return new errors/* AccessError */.Zz(`STS rejected the GitHub OIDC token (sub "${sub}") for ${roleArn} (${said}). ` +
            `Account ${accountId} needs an IAM OIDC identity provider for https://${OIDC_ISSUER_HOST} ` +
            `whose audience list includes "${audience}".`, { cause: e });
    }
    if (hasCode(e, 'ValidationError')) {
        return new errors/* InputError */.dz(`AssumeRoleWithWebIdentity refused the role inputs for ${roleArn} (${said})`);
    }
    if (hasCode(e, 'RegionDisabledException')) {
        return new errors/* AccessError */.Zz(`STS is not activated in this region for account ${accountId} (${said})`, {
            cause: e
        });
    }
    const kind = isTransientError(e) ? 'kept failing' : 'failed';
    return new errors/* AccessError */.Zz(`AssumeRoleWithWebIdentity for ${roleArn} ${kind} (${said})`, { cause: e });
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var client_iam_dist_cjs = __webpack_require__(6764);
;// CONCATENATED MODULE: ./src/aws/credential-report.ts
/**
 * Fetching the IAM credential report: GenerateCredentialReport, poll with
 * backoff until COMPLETE, then GetCredentialReport. Two kinds of API call
 * whatever the number of users, every one of them bounded by the deadline.
 */




/**
 * An IAM client with adaptive retry (throttling and 5xx are retried by the
 * SDK) and bounded HTTP attempts. The endpoint is the SDK's own choice, so
 * `AWS_ENDPOINT_URL_IAM` / `AWS_ENDPOINT_URL` are honoured.
 */
function createIamClient(options) {
    return new client_iam_dist_cjs/* IAMClient */.h8v({
        region: options.region,
        ...(options.credentials ? { credentials: options.credentials } : {}),
        ...retryOptions(options.maxAttempts ?? 5, options.timeScale, 'adaptive'),
        requestHandler: requestHandlerOptions(options)
    });
}
const INITIAL_POLL_DELAY_MS = 1_000;
const MAX_POLL_DELAY_MS = 8_000;
const GENERATE = 'GenerateCredentialReport';
const GET = 'GetCredentialReport';
const REPORT_PERMISSIONS = 'iam:GenerateCredentialReport and iam:GetCredentialReport';
async function fetchCredentialReport(client, options) {
    const clock = sdk_scaledClock(options.timeScale);
    const sleep = options.sleep ?? clock.sleep;
    const now = options.now ?? clock.now;
    const { signal, timeScale } = options;
    const log = options.log ?? (() => undefined);
    const timeoutMs = Math.max(0, options.timeoutSeconds * 1000);
    const start = now();
    const deadline = start + timeoutMs;
    let calls = 0;
    let delay = INITIAL_POLL_DELAY_MS;
    let lastState = 'no answer yet';
    let regenerations = 0;
    /**
     * The state the last wait was for (throttling, a 5xx, INPROGRESS): what a
     * timeout names, since the deadline can fall on any call after it.
     */
    let waitedFor;
    // Thrown at the deadline or just after it (a late timer): the budget is what ran out.
    const timeout = () => new errors/* AccessError */.Zz(`credential report not ready after ${Math.round(Math.min(now() - start, timeoutMs) / 1000)} s (last state: ${waitedFor ?? lastState}); ` +
        `IAM can take a while for large accounts, raise the timeout or run again later`);
    /** Sleeps the current backoff step, never past the deadline. */
    const wait = async () => {
        waitedFor = lastState;
        const remaining = deadline - now();
        if (remaining <= 0)
            throw timeout();
        const ms = Math.min(delay, remaining);
        log(`credential report: ${lastState}; waiting ${(ms / 1000).toFixed(1)} s`);
        await sleep(ms);
        signal?.throwIfAborted();
        delay = Math.min(delay * 2, MAX_POLL_DELAY_MS);
        // A wait cut at the deadline ends the fetch, whatever a timer's rounding says.
        if (ms === remaining || now() >= deadline)
            throw timeout();
    };
    const call = async (name, run) => {
        const remaining = deadline - now();
        if (remaining <= 0)
            throw timeout();
        calls++;
        try {
            return await sdk_withDeadline(remaining, run, { signal, timeScale });
        }
        catch (e) {
            if (e instanceof sdk_DeadlineError) {
                // The deadline came during this call: a hang, unless there was a wait
                // before it (what was waited for explains the timeout better).
                lastState = `no answer to ${name}`;
                throw timeout();
            }
            throw e;
        }
    };
    const fail = (e, action) => {
        if (isPermissionError(e)) {
            return new errors/* AccessError */.Zz(`access denied to iam:${action}: ${errorMessage(e)}. ` +
                `The audit needs ${REPORT_PERMISSIONS} on the credentials it runs with`, { cause: e });
        }
        if (isCredentialError(e)) {
            return new errors/* AccessError */.Zz(`${action} failed: ${credentialProblem(e)}`, { cause: e });
        }
        return new errors/* AccessError */.Zz(`${action} failed: ${errorCode(e)}: ${errorMessage(e)}`, { cause: e });
    };
    for (;;) {
        // 1. Ask for a report (or learn the state of the one being generated).
        let state;
        try {
            const out = await call(GENERATE, abortSignal => client.send(new client_iam_dist_cjs/* GenerateCredentialReportCommand */.seh({}), { abortSignal }));
            state = out.State ?? 'UNKNOWN';
            lastState = `${state} from ${GENERATE}`;
        }
        catch (e) {
            if (e instanceof errors/* AccessError */.Zz || signal?.aborted)
                throw e;
            if (hasCode(e, 'LimitExceeded', 'LimitExceededException', 'ReportGenerationLimitExceeded') ||
                isTransientError(e) ||
                isMalformedResponse(e) ||
                isAbortOrTimeout(e)) {
                lastState = stateOf(e, GENERATE);
                await wait();
                continue;
            }
            throw fail(e, GENERATE);
        }
        if (state !== 'COMPLETE') {
            await wait();
            continue;
        }
        // 2. Download it.
        try {
            const out = await call(GET, abortSignal => client.send(new client_iam_dist_cjs/* GetCredentialReportCommand */.DBo({}), { abortSignal }));
            if (out.ReportFormat && out.ReportFormat !== 'text/csv') {
                throw new errors/* AccessError */.Zz(`${GET} returned an unsupported report format ${out.ReportFormat}`);
            }
            const generatedAt = out.GeneratedTime?.getTime();
            if (!out.Content || generatedAt === undefined || Number.isNaN(generatedAt)) {
                // A body cut short: as transient as a 500.
                lastState = `an answer from ${GET} without ${out.Content ? 'GeneratedTime' : 'Content'}`;
                await wait();
                continue;
            }
            log(`credential report generated at ${new Date(generatedAt).toISOString()} (${calls} calls)`);
            return { content: out.Content, generatedAt, calls };
        }
        catch (e) {
            if (e instanceof errors/* AccessError */.Zz || signal?.aborted)
                throw e;
            if (hasCode(e, 'ReportInProgress', 'CredentialReportNotReadyException') ||
                isTransientError(e) ||
                isMalformedResponse(e) ||
                isAbortOrTimeout(e)) {
                lastState = stateOf(e, GET);
                await wait();
                continue;
            }
            if (hasCode(e, 'ReportNotPresent', 'ReportExpired', 'CredentialReportNotPresentException', 'CredentialReportExpiredException')) {
                lastState = `${errorCode(e)} from ${GET}`;
                // Generate again at once the first time; back off if it keeps happening.
                if (regenerations++ > 0)
                    await wait();
                continue;
            }
            throw fail(e, GET);
        }
    }
}
/** The last state a timeout names, for an error worth another try. */
function stateOf(e, action) {
    return isMalformedResponse(e)
        ? `an unreadable answer from ${action} (${errorMessage(e)})`
        : `${errorCode(e)} from ${action}`;
}

// EXTERNAL MODULE: ./src/account/types.ts
var types = __webpack_require__(7270);
;// CONCATENATED MODULE: ./src/aws/account-facts.ts
/**
 * Account-level facts from three cheap IAM calls, made concurrently. A refused
 * or failed call makes that fact `unavailable`; this never throws.
 */




const SUMMARY_KEYS = [
    'AccountMFAEnabled',
    'AccountAccessKeysPresent',
    'AccountPasswordPresent',
    'AccountSigningCertificatesPresent'
];
/** Why a call failed, in the words the "not evaluated" notes use. */
function unavailableReason(e, action) {
    if (isPermissionError(e))
        return `missing permission ${action}`;
    if (e instanceof sdk_DeadlineError)
        return `${action} did not answer in time`;
    return `${action} failed: ${errorCode(e)}: ${errorMessage(e)}`;
}
async function fact(action, timeoutMs, deadline, read) {
    try {
        return { status: 'known', value: await sdk_withDeadline(timeoutMs, read, deadline) };
    }
    catch (e) {
        return { status: 'unavailable', reason: unavailableReason(e, action) };
    }
}
async function readAccountFacts(client, options = {}) {
    const timeoutMs = (options.timeoutSeconds ?? 60) * 1000;
    const deadline = { signal: options.signal, timeScale: options.timeScale };
    const summary = fact(types/* FACT_ACTIONS */.z.summary, timeoutMs, deadline, async (signal) => {
        const out = await client.send(new client_iam_dist_cjs/* GetAccountSummaryCommand */.zod({}), { abortSignal: signal });
        const map = out.SummaryMap ?? {};
        const missing = SUMMARY_KEYS.filter(k => typeof map[k] !== 'number');
        if (missing.length > 0) {
            throw new Error(`SummaryMap lacks ${missing.join(', ')}`);
        }
        return {
            mfaEnabled: map.AccountMFAEnabled === 1,
            accessKeysPresent: map.AccountAccessKeysPresent === 1,
            passwordPresent: map.AccountPasswordPresent === 1,
            signingCertificatesPresent: map.AccountSigningCertificatesPresent === 1
        };
    });
    const virtualMfaDevices = fact(types/* FACT_ACTIONS */.z.virtualMfaDevices, timeoutMs, deadline, async (signal) => {
        const devices = [];
        // Pages walked by hand: the generated paginator takes no abort signal.
        let marker;
        do {
            const out = await client.send(new client_iam_dist_cjs/* ListVirtualMFADevicesCommand */.oQ_({ AssignmentStatus: 'Assigned', Marker: marker }), { abortSignal: signal });
            for (const d of out.VirtualMFADevices ?? []) {
                devices.push({ serialNumber: d.SerialNumber ?? '', userArn: d.User?.Arn ?? null });
            }
            marker = out.IsTruncated ? out.Marker : undefined;
        } while (marker);
        return devices;
    });
    const passwordPolicy = fact(types/* FACT_ACTIONS */.z.passwordPolicy, timeoutMs, deadline, async (signal) => {
        try {
            const out = await client.send(new client_iam_dist_cjs/* GetAccountPasswordPolicyCommand */.sed({}), {
                abortSignal: signal
            });
            const p = out.PasswordPolicy;
            if (!p)
                return null;
            return {
                minimumPasswordLength: p.MinimumPasswordLength ?? null,
                passwordReusePrevention: p.PasswordReusePrevention ?? null,
                requireUppercaseCharacters: p.RequireUppercaseCharacters === true,
                requireLowercaseCharacters: p.RequireLowercaseCharacters === true,
                requireNumbers: p.RequireNumbers === true,
                requireSymbols: p.RequireSymbols === true,
                expirePasswords: p.ExpirePasswords === true,
                // IAM answers 0 or nothing when passwords never expire.
                maxPasswordAge: p.MaxPasswordAge ? p.MaxPasswordAge : null,
                hardExpiry: p.HardExpiry === true
            };
        }
        catch (e) {
            // The documented answer for "this account has no password policy".
            if (hasCode(e, 'NoSuchEntity', 'NoSuchEntityException'))
                return null;
            throw e;
        }
    });
    const [s, v, p] = await Promise.all([summary, virtualMfaDevices, passwordPolicy]);
    return { summary: s, virtualMfaDevices: v, passwordPolicy: p };
}

;// CONCATENATED MODULE: ./src/text.ts
/** Plain-text pieces of messages, shared by every layer. */
/**
 * "alice, bob and 3 more": the items shown, and how many of `total` are not.
 * Callers pick (and format) the items shown, so a long list is never
 * formatted whole.
 */
function listAndMore(shown, total) {
    const rest = total - shown.length;
    return `${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
}

;// CONCATENATED MODULE: ./src/aws/key-ids.ts
/**
 * Access key ids for report slots. The credential report names keys only by
 * slot (`access_key_1`, `access_key_2`); `ListAccessKeys` gives ids and
 * creation dates. A key's `CreateDate` equals the slot's `last_rotated` (to
 * the second), which pairs them; when dates do not match, creation order
 * (older = slot 1) decides.
 */




const keyIdKey = (user, credential) => `${user}/${credential}`;
const toSecond = (ms) => Math.floor(ms / 1000);
/** Pairs listed keys with the report's slots. Exported for unit tests. */
function matchKeysToSlots(slots, listed) {
    const result = new Map();
    const unused = [...listed];
    const unmatched = [];
    // Exact creation-date matches first.
    for (const slot of [...slots].sort((a, b) => a.credential.localeCompare(b.credential))) {
        const i = slot.lastRotated === null
            ? -1
            : unused.findIndex(k => k.created !== null && toSecond(k.created) === toSecond(slot.lastRotated));
        if (i >= 0) {
            result.set(slot.credential, unused[i].id);
            unused.splice(i, 1);
        }
        else {
            unmatched.push(slot);
        }
    }
    // Then creation order: the older remaining key takes the lower remaining slot.
    unused.sort((a, b) => (a.created ?? Infinity) - (b.created ?? Infinity));
    for (const slot of unmatched) {
        const key = unused.shift();
        if (!key)
            break;
        result.set(slot.credential, key.id);
    }
    return result;
}
async function resolveKeyIds(client, users, options = {}) {
    const keyIds = new Map();
    const denied = [];
    const failed = [];
    const outOfTime = [];
    const timeoutMs = (options.timeoutSeconds ?? 30) * 1000;
    const totalMs = (options.totalTimeoutSeconds ?? 120) * 1000;
    const { now } = sdk_scaledClock(options.timeScale);
    const deadline = now() + totalMs;
    const wanted = users.filter(u => u.keys.length > 0);
    await mapLimit(wanted, options.concurrency ?? 4, async ({ user, keys }) => {
        const left = deadline - now();
        if (left <= 0) {
            outOfTime.push(user);
            return;
        }
        // The user's own budget, cut short by what is left of the whole lookup's.
        const budget = Math.min(timeoutMs, left);
        try {
            const listed = await sdk_withDeadline(budget, async (signal) => {
                const out = [];
                let marker;
                do {
                    const page = await client.send(new client_iam_dist_cjs/* ListAccessKeysCommand */.Qxm({ UserName: user, Marker: marker }), { abortSignal: signal });
                    for (const k of page.AccessKeyMetadata ?? []) {
                        if (k.AccessKeyId) {
                            out.push({ id: k.AccessKeyId, created: k.CreateDate?.getTime() ?? null });
                        }
                    }
                    marker = page.IsTruncated ? page.Marker : undefined;
                } while (marker);
                return out;
            }, { timeScale: options.timeScale });
            for (const [credential, id] of matchKeysToSlots(keys, listed)) {
                keyIds.set(keyIdKey(user, credential), id);
            }
        }
        catch (e) {
            if (isPermissionError(e))
                denied.push(user);
            else if (e instanceof sdk_DeadlineError && budget < timeoutMs)
                outOfTime.push(user);
            else
                failed.push({
                    user,
                    reason: e instanceof sdk_DeadlineError ? 'no answer in time' : `${errorCode(e)}: ${errorMessage(e)}`
                });
        }
    });
    const warnings = [];
    if (denied.length > 0) {
        warnings.push(`missing permission iam:ListAccessKeys: access key ids unknown for ${listAndMore(denied.slice(0, 5), denied.length)}`);
    }
    if (failed.length > 0) {
        const shown = failed.slice(0, 5).map(f => `${f.user} (${f.reason})`);
        warnings.push(`iam:ListAccessKeys failed: access key ids unknown for ${listAndMore(shown, failed.length)}`);
    }
    if (outOfTime.length > 0) {
        warnings.push(`iam:ListAccessKeys took longer than the lookup's ${totalMs / 1000} s in all: access key ids unknown for ${listAndMore(outOfTime.slice(0, 5), outOfTime.length)}`);
    }
    return { keyIds, warnings };
}

;// CONCATENATED MODULE: ./src/aws/index.ts







// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
;// CONCATENATED MODULE: ./src/action/github-oidc.ts
/**
 * The runner's OIDC token service, asked the way `core.getIDToken` asks it
 * (same endpoint, bearer token, user agent and proxy handling through
 * `@actions/http-client`), but abandoned when the caller's deadline passes:
 * `core.getIDToken` takes no timeout, and a service that accepts the
 * connection and never answers held it for three minutes per attempt.
 */

/** An answer from the token service that is not a token; `status` when it said one. */
class IdTokenRequestError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'IdTokenRequestError';
    }
}
/** Requests tokens from `ACTIONS_ID_TOKEN_REQUEST_URL` with `ACTIONS_ID_TOKEN_REQUEST_TOKEN`. */
function github_oidc_githubIdTokenRequest(env = process.env) {
    return async (audience, { signal, timeoutMs }) => {
        const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
        const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
        if (!url || !bearer) {
            throw new IdTokenRequestError('ACTIONS_ID_TOKEN_REQUEST_URL or _TOKEN is not set');
        }
        signal.throwIfAborted();
        const client = new HttpClient('actions/oidc-client', [], {
            socketTimeout: Math.max(1, timeoutMs)
        });
        // Destroys the socket of a request under way.
        const abandon = () => client.dispose();
        signal.addEventListener('abort', abandon, { once: true });
        try {
            const res = await client.getJson(`${url}&audience=${encodeURIComponent(audience)}`, { authorization: `Bearer ${bearer}` });
            const token = res.result?.value;
            if (typeof token !== 'string' || token === '') {
                throw new IdTokenRequestError(`the answer (HTTP ${res.statusCode}) carries no token`, res.statusCode === 404 ? 404 : undefined);
            }
            return token;
        }
        catch (e) {
            signal.throwIfAborted();
            if (e instanceof HttpClientError) {
                throw new IdTokenRequestError(`HTTP ${e.statusCode}: ${e.message}`, e.statusCode);
            }
            throw e;
        }
        finally {
            signal.removeEventListener('abort', abandon);
            client.dispose();
        }
    };
}

;// CONCATENATED MODULE: ./src/action/report-source.ts




/** The report file when `report-file` is set (no AWS call at all), else the live account. */
function getReportSource(inputs) {
    if (!inputs.reportFile)
        return reportFromAws(inputs);
    const unused = [
        ...(inputs.roleToAssume ? ['role-to-assume'] : []),
        ...(inputs.accounts?.length ? ['accounts'] : [])
    ];
    if (unused.length > 0) {
        core.info(`report-file is set: auditing ${inputs.reportFile} without calling AWS (${unused.join(' and ')} ${unused.length > 1 ? 'are' : 'is'} not used)`);
    }
    return reportFromFile(inputs.reportFile);
}
async function reportFromFile(path) {
    const content = await readInputFile(path, 'credential report', MAX_REPORT_BYTES);
    return { content, name: path, generatedAt: null, kind: { kind: 'file', path }, close() { } };
}
/** Most time STS may take to answer AssumeRoleWithWebIdentity (and GitHub to give a token). */
const STS_TIMEOUT_SECONDS = 60;
/**
 * FOR TESTS ONLY, not an input: real time per nominal millisecond, a number
 * in (0, 1]. The action's tests set it to run every wait, deadline and
 * retry back-off of the AWS and OIDC calls at a fraction of its real
 * length (report-timeout-seconds 20 at 0.05 waits one second), with the
 * same behaviour and messages. Unset (or anything else) in use: 1.
 */
const TEST_TIME_SCALE_VARIABLE = 'IAM_CREDENTIAL_GATE_TEST_TIME_SCALE';
function testTimeScale(env = process.env) {
    const scale = Number(env[TEST_TIME_SCALE_VARIABLE]);
    return scale > 0 && scale <= 1 ? scale : 1;
}
/** The job's OIDC tokens, each bounded by `timeoutSeconds` (retries included). */
function githubOidcTokens(audience, timeoutSeconds, log, env = process.env) {
    return createOidcTokenSource({
        audience,
        request: githubIdTokenRequest(env),
        mask: secret => core.setSecret(secret),
        timeoutSeconds,
        log,
        timeScale: testTimeScale(env)
    });
}
/**
 * Credentials (OIDC role or the default chain), then the report and the
 * account facts concurrently. Every AWS call is bounded by
 * `report-timeout-seconds`, so an optional check (or STS) that hangs cannot
 * hold the run longer than the report itself may take.
 */
async function reportFromAws(inputs) {
    const { credentials } = await firstRoleCredentials(inputs, message => core.info(message));
    return reportWithCredentials(credentials, inputs);
}
/**
 * The credentials of `role-to-assume`, assumed with the job's OIDC token
 * (or the default chain without it); STS and the token request are bounded
 * by `report-timeout-seconds` (at most 60 s), the session's keys masked.
 */
function firstRoleCredentials(inputs, log) {
    const timeoutSeconds = Math.min(STS_TIMEOUT_SECONDS, inputs.reportTimeoutSeconds);
    return resolveCredentials({
        roleToAssume: inputs.roleToAssume,
        audience: inputs.audience,
        roleSessionName: inputs.roleSessionName,
        roleDurationSeconds: inputs.roleDurationSeconds,
        region: inputs.awsRegion,
        timeoutSeconds,
        log,
        mask: secret => core.setSecret(secret),
        idToken: githubOidcTokens(inputs.audience, timeoutSeconds, log),
        timeScale: testTimeScale()
    });
}
/**
 * The report and the account facts of the account `credentials` belong to
 * (`undefined`: the SDK's default chain), concurrently. When the report
 * fails, the calls still under way are aborted (not left running, nor
 * retried by the SDK when the client closes) and settle before this
 * rejects: an account that failed holds no request.
 */
async function reportWithCredentials(credentials, inputs, log = message => lib_core/* info */.pq(message), env = process.env) {
    const timeScale = testTimeScale(env);
    const client = createIamClient({ region: inputs.awsRegion, credentials, timeScale });
    const close = () => client.destroy();
    const abandon = new AbortController();
    const options = { timeoutSeconds: inputs.reportTimeoutSeconds, signal: abandon.signal, timeScale };
    const calls = [
        fetchCredentialReport(client, { ...options, log }),
        readAccountFacts(client, options)
    ];
    try {
        const [report, facts] = await Promise.all(calls);
        return {
            content: report.content,
            name: 'credential report',
            generatedAt: report.generatedAt,
            kind: { kind: 'aws' },
            facts,
            keyIds: requests => lookUpKeyIds(client, requests, inputs.reportTimeoutSeconds, timeScale),
            close
        };
    }
    catch (error) {
        abandon.abort(error);
        await Promise.allSettled(calls);
        close();
        throw error;
    }
}
function lookUpKeyIds(client, requests, timeoutSeconds, timeScale) {
    return resolveKeyIds(client, requests, {
        timeoutSeconds: Math.min(30, timeoutSeconds),
        totalTimeoutSeconds: timeoutSeconds,
        timeScale
    });
}

;// CONCATENATED MODULE: ./src/cli-live.ts
/**
 * The CLI's live audit (no `--report`): the account of the default AWS
 * credential chain (environment, shared config and SSO profiles, container
 * and instance roles), of `--profile`, or of a role assumed from them
 * (`--role-arn`). The same report fetching, polling, account checks and
 * timeouts as the action. Loaded only for a live audit.
 */





/** Credentials, then the report and the account facts, then the evaluation. */
async function auditLiveAccount(policy, options) {
    const principal = options.profile ? `the AWS profile ${options.profile}` : DEFAULT_CHAIN_PRINCIPAL;
    const base = await baseCredentials(options.profile, principal);
    let credentials = base;
    if (options.roleArn) {
        try {
            validateRoleInputs({
                roleToAssume: options.roleArn,
                roleSessionName: options.roleSessionName,
                roleDurationSeconds: options.roleDurationSeconds,
                audience: 'sts.amazonaws.com'
            });
        }
        catch (error) {
            // The action's input names, as the CLI's flags.
            if (error instanceof errors/* InputError */.dz)
                throw new errors/* InputError */.dz(`--${error.message.replace(/^role-to-assume/, 'role-arn')}`);
            throw error;
        }
        const assumed = await credentials_resolveCredentials({
            roleToAssume: options.roleArn,
            chainFrom: { credentials: base, principal },
            audience: 'sts.amazonaws.com',
            roleSessionName: options.roleSessionName,
            roleDurationSeconds: options.roleDurationSeconds,
            region: options.region,
            timeoutSeconds: Math.min(STS_TIMEOUT_SECONDS, options.reportTimeoutSeconds),
            log: options.log,
            // A terminal has no log to mask secrets in.
            mask: () => { }
        });
        credentials = assumed.credentials ?? base;
    }
    const source = await reportWithCredentials(credentials, { awsRegion: options.region, reportTimeoutSeconds: options.reportTimeoutSeconds }, options.log);
    try {
        return await auditAccount(source, policy, {
            resolveKeyIds: false,
            maxReportAgeHours: options.maxReportAgeHours,
            now: () => options.now,
            log: options.log
        });
    }
    finally {
        source.close();
    }
}
/** The chain's credentials, resolved once up front so that "none found" says how to get some. */
async function baseCredentials(profile, principal) {
    const provider = (0,dist_cjs/* fromNodeProviderChain */.br)(profile ? { profile } : {});
    try {
        const identity = await provider();
        return async () => identity;
    }
    catch (error) {
        const reason = error.message.split('\n')[0];
        throw new errors/* AccessError */.Zz(`no AWS credentials from ${principal}: ${reason}. Sign in first (aws sso login${profile ? ` --profile ${profile}` : ''}), ` +
            'set AWS_PROFILE or --profile, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; ' +
            'or audit a report file with --report FILE', { cause: error });
    }
}


/***/ })

};
