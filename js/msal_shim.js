// The app's only contact with MSAL.js (@azure/msal-browser, pinned in package-lock.json and
// shipped in dist/ as msal-browser.min.js). The app loads MSAL before the first call
// (src/browser/script.rs), so demo mode never downloads it. Every function returns plain
// values; tokens are handed to Rust and never logged, stored outside MSAL's sessionStorage
// cache, or put in a URL.
let app = null;

// A frame cannot navigate the top window to Entra: it signs in with a popup instead.
function framed() {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

function accountOf(a) {
  return a ? { id: a.homeAccountId, username: a.username || "", name: a.name || a.username || "" } : null;
}

function describe(error) {
  // MSAL errors carry errorCode and errorMessage; neither contains a token.
  const code = error && error.errorCode ? `${error.errorCode}: ` : "";
  const message = (error && (error.errorMessage || error.message)) || String(error);
  return new Error(`${code}${message}`.split("\n")[0]);
}

// Creates the client and finishes a redirect sign-in if the page is its return.
// Returns { active, accounts, framed }.
export async function msalInit(clientId, authority, redirectUri, popupRedirectUri) {
  try {
    const msal = globalThis.msal;
    if (!msal) throw new Error("MSAL is not loaded");
    app = new msal.PublicClientApplication({
      auth: { clientId, authority, redirectUri, postLogoutRedirectUri: redirectUri },
      cache: { cacheLocation: "sessionStorage" },
      system: { loggerOptions: { piiLoggingEnabled: false, logLevel: msal.LogLevel.Error, loggerCallback: () => {} } },
    });
    app.popupRedirectUri = popupRedirectUri;
    await app.initialize();
    const result = await app.handleRedirectPromise();
    if (result && result.account) app.setActiveAccount(result.account);
    const accounts = app.getAllAccounts();
    if (!app.getActiveAccount() && accounts.length === 1) app.setActiveAccount(accounts[0]);
    return { active: accountOf(app.getActiveAccount()), accounts: accounts.map(accountOf), framed: framed() };
  } catch (e) {
    throw describe(e);
  }
}

// Starts sign-in: a redirect at top level (the promise never settles: the page leaves), a popup
// in a frame (resolves with the account).
export async function msalLogin(scope) {
  const request = { scopes: [scope], prompt: "select_account" };
  try {
    if (framed()) {
      const result = await app.loginPopup({ ...request, redirectUri: app.popupRedirectUri });
      app.setActiveAccount(result.account);
      return accountOf(result.account);
    }
    await app.loginRedirect(request);
    return new Promise(() => {});
  } catch (e) {
    throw describe(e);
  }
}

// Makes one of the cached accounts the active one (account picker).
export function msalSelect(id) {
  const account = app.getAllAccounts().find((a) => a.homeAccountId === id);
  if (account) app.setActiveAccount(account);
  return accountOf(account);
}

// An error only the user can fix by signing in again; Rust tells it apart by its name.
function signInRequired(message) {
  const error = new Error(message);
  error.name = "SignInRequired";
  return error;
}

// An access token for `scope`, silently only: from the cache or a refresh token. When Entra wants
// interaction this throws SignInRequired instead of navigating away (the user would lose what
// they typed) or opening a popup nobody clicked for (browsers block those); the page then offers
// "Sign in again" (msalReauth).
// `forceRefresh` skips the cached access token (ARM answered 401 with it).
export async function msalToken(scope, forceRefresh) {
  const account = app && app.getActiveAccount();
  if (!account) throw signInRequired("Not signed in");
  const request = { scopes: [scope], account, forceRefresh: Boolean(forceRefresh) };
  try {
    return (await app.acquireTokenSilent(request)).accessToken;
  } catch (e) {
    if (e instanceof globalThis.msal.InteractionRequiredAuthError) throw signInRequired(describe(e).message);
    throw describe(e);
  }
}

// Signs the same account in again, in a popup even at top level, so the page and everything on
// it stay as they are. Returns the account. Called from a click (popups need one).
export async function msalReauth(scope) {
  const account = app && app.getActiveAccount();
  const request = { scopes: [scope], redirectUri: app.popupRedirectUri, ...(account ? { account, loginHint: account.username } : { prompt: "select_account" }) };
  try {
    const result = await app.acquireTokenPopup(request);
    app.setActiveAccount(result.account);
    return accountOf(result.account);
  } catch (e) {
    throw describe(e);
  }
}

// Signs out and clears MSAL's cache for the account.
export async function msalLogout() {
  const account = app && app.getActiveAccount();
  try {
    if (framed()) {
      await app.logoutPopup({ account, redirectUri: app.popupRedirectUri, mainWindowRedirectUri: window.location.href });
    } else {
      await app.logoutRedirect({ account });
    }
  } catch (e) {
    throw describe(e);
  }
}
