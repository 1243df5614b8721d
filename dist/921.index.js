export const id = 921;
export const ids = [921];
export const modules = {

/***/ 4921:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOrganizationsClient: () => (/* binding */ createOrganizationsClient),
/* harmony export */   listOrganizationAccounts: () => (/* binding */ listOrganizationAccounts)
/* harmony export */ });
/* unused harmony export DISCOVERY_PERMISSIONS */
/* harmony import */ var _aws_sdk_client_organizations__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2503);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8098);
/* harmony import */ var _sdk_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5857);
/**
 * The accounts of an AWS organization to audit: every account
 * (`ListAccounts`), or those under chosen organizational units or the root
 * (`ListAccountsForParent` on each, `ListOrganizationalUnitsForParent`
 * walked recursively). Only ACTIVE accounts are audited; the others
 * (suspended, pending closure, ...) and the excluded ones are returned by
 * name so the run can say what it did not audit. Only the management
 * account or a delegated administrator may list an organization's accounts.
 */




/**
 * An Organizations client with adaptive retry (the service's request rate
 * limits are low) and bounded HTTP attempts. The endpoint is the SDK's
 * choice, so `AWS_ENDPOINT_URL_ORGANIZATIONS` / `AWS_ENDPOINT_URL` are honoured.
 */
function createOrganizationsClient(options) {
    return new _aws_sdk_client_organizations__WEBPACK_IMPORTED_MODULE_2__/* .OrganizationsClient */ .gnq({
        region: options.region,
        ...(options.credentials ? { credentials: options.credentials } : {}),
        maxAttempts: options.maxAttempts ?? 5,
        retryMode: 'adaptive',
        requestHandler: (0,_sdk_js__WEBPACK_IMPORTED_MODULE_1__/* .requestHandlerOptions */ .eS)(options)
    });
}
/** The Organizations permissions discovery needs. */
const DISCOVERY_PERMISSIONS = {
    organization: ['organizations:ListAccounts'],
    units: ['organizations:ListAccountsForParent', 'organizations:ListOrganizationalUnitsForParent']
};
const DEFAULT_TIMEOUT_SECONDS = 60;
/**
 * The organization's accounts to audit. Throws `InputError` for an OU that
 * does not exist and for nothing to audit, `AccessError` when the caller
 * may not list the organization (or it has none).
 */
async function listOrganizationAccounts(client, options = {}) {
    const units = [...new Set(options.organizationalUnits ?? [])];
    const budgetMs = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
    const principal = options.principal ?? 'the caller';
    let current;
    let found;
    try {
        found = await (0,_sdk_js__WEBPACK_IMPORTED_MODULE_1__/* .withDeadline */ .NE)(budgetMs, signal => units.length === 0
            ? listAll(client, signal)
            : listUnder(client, units, signal, unit => (current = unit)));
    }
    catch (e) {
        throw discoveryError(e, { units, current, principal, budgetMs });
    }
    return classify(found, units, options.excludeAccounts ?? []);
}
/** Every account of the organization, page by page. */
async function listAll(client, signal) {
    const accounts = [];
    // Pages walked by hand: the generated paginator takes no abort signal.
    let next;
    do {
        const out = await client.send(new _aws_sdk_client_organizations__WEBPACK_IMPORTED_MODULE_2__/* .ListAccountsCommand */ .Q0l({ NextToken: next }), {
            abortSignal: signal
        });
        accounts.push(...(out.Accounts ?? []));
        next = out.NextToken;
    } while (next);
    return accounts;
}
/** The accounts under each of `units`, at any depth: depth first, each parent's own accounts first. */
async function listUnder(client, units, signal, visiting) {
    const accounts = [];
    const seen = new Set();
    const walk = async (parent) => {
        if (seen.has(parent))
            return;
        seen.add(parent);
        visiting(parent);
        let next;
        do {
            const out = await client.send(new _aws_sdk_client_organizations__WEBPACK_IMPORTED_MODULE_2__/* .ListAccountsForParentCommand */ .Jgz({ ParentId: parent, NextToken: next }), { abortSignal: signal });
            accounts.push(...(out.Accounts ?? []));
            next = out.NextToken;
        } while (next);
        const children = [];
        do {
            const out = await client.send(new _aws_sdk_client_organizations__WEBPACK_IMPORTED_MODULE_2__/* .ListOrganizationalUnitsForParentCommand */ .sUM({ ParentId: parent, NextToken: next }), { abortSignal: signal });
            for (const ou of out.OrganizationalUnits ?? [])
                if (ou.Id)
                    children.push(ou.Id);
            next = out.NextToken;
        } while (next);
        for (const child of children)
            await walk(child);
    };
    for (const unit of units)
        await walk(unit);
    return accounts;
}
/** `State` (current API), else `Status` (retired in September 2026). */
const stateOf = (a) => a.State ?? a.Status ?? 'UNKNOWN';
function classify(found, units, exclude) {
    const excluded = new Set(exclude);
    const matched = new Set();
    const active = [];
    const skipped = [];
    const seen = new Set();
    for (const a of found) {
        const id = a.Id;
        if (!id || seen.has(id))
            continue;
        seen.add(id);
        const account = { id, name: a.Name ?? '' };
        const state = stateOf(a);
        if (excluded.has(id)) {
            matched.add(id);
            skipped.push({ ...account, status: 'EXCLUDED' });
        }
        else if (state === 'ACTIVE') {
            active.push(account);
        }
        else {
            skipped.push({ ...account, status: state });
        }
    }
    const where = units.length === 0 ? 'the organization' : `organizational units ${units.join(', ')}`;
    if (seen.size === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where} ${units.length === 0 ? 'lists' : 'list'} no account: there is nothing to audit`);
    }
    if (active.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`no active account to audit in ${where}: ${skipped.map(s => `${s.id} (${s.status.toLowerCase()})`).join(', ')}`);
    }
    return { active, skipped, unmatchedExclusions: exclude.filter(id => !matched.has(id)) };
}
function discoveryError(e, where) {
    const said = `${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(e)}: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e)}`;
    const { units, principal } = where;
    const permissions = units.length === 0
        ? DISCOVERY_PERMISSIONS.organization.join(', ')
        : DISCOVERY_PERMISSIONS.units.join(' and ');
    if (e instanceof _sdk_js__WEBPACK_IMPORTED_MODULE_1__/* .DeadlineError */ .j3) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AccessError */ .Zz(`AWS Organizations did not list the accounts within ${Math.round(where.budgetMs / 1000)} s`);
    }
    if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .hasCode */ .up)(e, 'ParentNotFoundException', 'ChildNotFoundException')) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`organizational unit ${where.current ?? units.join(', ')} does not exist in the organization ` +
            `(Organizations said ${said}); give OU ids (ou-…) or the root id (r-…) as the AWS Organizations console shows them`);
    }
    if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .hasCode */ .up)(e, 'InvalidInputException')) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`AWS Organizations refused ${where.current ? `the id ${where.current}` : 'the request'} (${said}); ` +
            'organizational units are OU ids (ou-…) or the root id (r-…)');
    }
    const needs = `${principal} needs ${permissions}, and must belong to the organization's management ` +
        'account or to an account registered as its delegated administrator';
    if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .hasCode */ .up)(e, 'AWSOrganizationsNotInUseException')) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AccessError */ .Zz(`the account of ${principal} is not in an AWS organization (Organizations said ${said}); ` +
            `to discover the accounts, ${needs}`, { cause: e });
    }
    if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isPermissionError */ .gj)(e)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AccessError */ .Zz(`not authorized to list the organization's accounts (Organizations said ${said}): ${needs}`, { cause: e });
    }
    if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isCredentialError */ ._j)(e)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AccessError */ .Zz(`listing the organization's accounts failed: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .credentialProblem */ .FL)(e)}`, {
            cause: e
        });
    }
    const kind = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isTransientError */ .bV)(e) ? 'kept failing' : 'failed';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AccessError */ .Zz(`listing the organization's accounts ${kind} (${said})`, { cause: e });
}


/***/ })

};
