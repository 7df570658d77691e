// A static server for dist/ on 127.0.0.1 (the release build, as a deployment would serve it).
// With a third argument, `/__host/<file>` serves that folder's host pages that frame the app.
// It serves the bundle's precompressed copies (`x.br`, `x.gz`, scripts/precompress.mjs) to clients
// that accept them, as nginx's brotli_static and gzip_static do, so the e2e suite runs the page as
// a host sends it and the benchmark's Resource Timing transfer sizes are the real ones.
// With GZIP=1 it also compresses (gzip -9) the files that have no copy. With ENCODINGS=gzip it
// offers gzip only (a host without Brotli), for the benchmark's second figure.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { access, readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const [root = 'dist', port = '4173', hostPages] = process.argv.slice(2);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
};

const compressed = new Map();
const offered = (process.env.ENCODINGS ?? 'br,gzip').split(',');
const exists = (file) => access(file).then(() => true, () => false);
// The first precompressed copy the client accepts, in the server's order of preference.
const precompressed = async (file, accepted) => {
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (offered.includes(encoding) && new RegExp(`\\b${encoding}\\b`).test(accepted)
      && await exists(file + suffix)) return [encoding, file + suffix];
  }
  return null;
};

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = hostPages && path.startsWith('/__host/')
    ? join(hostPages, path.slice('/__host/'.length))
    : join(root, path.endsWith('/') ? 'index.html' : path);
  try {
    const body = await readFile(file);
    const type = types[extname(file)] ?? 'application/octet-stream';
    // Resource Timing reports sizes to the page only with this header (the bench reads them).
    const headers = { 'content-type': type, 'timing-allow-origin': '*' };
    const accepted = req.headers['accept-encoding'] ?? '';
    const copy = await precompressed(file, accepted);
    if (copy) {
      res.writeHead(200, { ...headers, 'content-encoding': copy[0], vary: 'accept-encoding' });
      res.end(await readFile(copy[1]));
    } else if (process.env.GZIP === '1' && /\bgzip\b/.test(accepted)) {
      // Compressed once per file, as a deployment precompresses: timings then measure the page,
      // not this server's gzip -9.
      if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 9 }));
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      res.end(compressed.get(file));
    } else {
      res.writeHead(200, headers);
      res.end(body);
    }
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
}).listen(Number(port), '127.0.0.1');
