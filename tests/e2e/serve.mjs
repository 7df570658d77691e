// A static server for dist/ on 127.0.0.1 (the release build, as a deployment would serve it).
// With a third argument, `/__host/<file>` serves that folder's host pages that frame the app.
// With GZIP=1 it compresses responses (gzip -9) for clients that accept it, as a production
// server would, so the benchmark's Resource Timing transfer sizes are the real ones.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const [root = 'dist', port = '4173', hostPages] = process.argv.slice(2);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
};

const compressed = new Map();

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
    if (process.env.GZIP === '1' && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
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
