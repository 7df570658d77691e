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
  // "file integrity file integrity …", written by scripts/split-bundle.mjs; a build without
  // splitting has none.
  const list = document.querySelector('meta[name="aks-azure-part"]')?.content.split(' ') ?? [];
  const preload = (href, as, integrity) => {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = as;
    link.href = href;
    // As the chunk loader fetches: same-origin credentials, CORS mode, the file's integrity
    // (a preload is used only by a request that matches it).
    if (as === 'fetch') link.crossOrigin = 'anonymous';
    if (integrity) link.integrity = integrity;
    document.head.append(link);
  };
  for (let i = 0; i + 1 < list.length; i += 2) preload(list[i], 'fetch', list[i + 1]);
  preload('msal-browser.min.js', 'script');
});

export function configFile() {
  return read;
}
