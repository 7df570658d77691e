// Moves Trunk's inline module bootstrap out of dist/index.html into a hashed file with a
// Subresource Integrity hash, so the page runs under `script-src 'self'` with no inline script
// (see README, Security). Usage: node scripts/externalize-bootstrap.mjs <dist dir>
// Why: Trunk writes its bootstrap inline. CSP support was asked for in trunk-rs/trunk#288; the
// answer (#809, Trunk 0.20.2) was a `nonce` fixed at build time, which trunk-rs/trunk#853 notes
// is no protection in a static file served to everyone. A file of our own needs neither.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2];
const file = join(dist, 'index.html');
const html = readFileSync(file, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length === 0) {
  console.log('index.html: no inline module script');
  process.exit(0);
}
let out = html;
for (const [tag, code] of found) {
  const name = `start-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dist, name), code);
  const sri = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  out = out.replace(tag, `<script type="module" src="/${name}" integrity="${sri}"></script>`);
  console.log(`index.html: inline bootstrap moved to ${name}`);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(out)) throw new Error('index.html still has an inline script');
writeFileSync(file, out);
