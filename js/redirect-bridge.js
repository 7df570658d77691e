// Runs in redirect.html (popup and hidden-iframe returns): passes Entra's response to the
// dashboard window. A file, not an inline script, so the page runs under a strict CSP.
globalThis.msalRedirectBridge?.broadcastResponseToMainFrame();
