// Reads config.json as soon as the page's modules load (this runs when wasm-bindgen's glue
// imports it, before the wasm has downloaded), so the app finds the file already read when it
// starts. Measured: the app's own fetch, started from the wasm, took 17–50 ms more on the demo's
// first load, though index.html preloads the file (this fetch reuses that preload).
// The app reads the outcome (src/browser/config_file.rs): { status, text } or { error }.
const read = fetch('config.json').then(
  (response) => response.ok
    ? response.text().then((text) => ({ status: response.status, text }), (e) => ({ error: String(e) }))
    : { status: response.status },
  (e) => ({ error: String(e) }),
);

// An Azure deployment then needs Azure mode's chunks and MSAL, which the app would request only
// once its main module runs: preloading them here lets them download beside it. This only guesses
// the mode (the app decides it, src/config.rs); a wrong guess costs a download, nothing else.
read.then(({ text }) => {
  if (!text || new URLSearchParams(location.search).has('demo')) return;
  let config;
  try { config = JSON.parse(text); } catch { return; }
  if (!config || config.demo === true || typeof config.clientId !== 'string') return;
  // The files are named by scripts/split-bundle.mjs; a build without splitting has none.
  const parts = document.querySelector('meta[name="aks-azure-part"]')?.content.split(' ') ?? [];
  const preload = (href, as) => {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = as;
    link.href = href;
    // As the chunk loader fetches: same-origin credentials, CORS mode.
    if (as === 'fetch') link.crossOrigin = 'anonymous';
    document.head.append(link);
  };
  for (const href of parts.filter(Boolean)) preload(href, 'fetch');
  preload('msal-browser.min.js', 'script');
});

export function configFile() {
  return read;
}
