// Splits the release wasm into a main module and lazily fetched chunks, in place of the single
// module Trunk wrote into dist/. Usage: node scripts/split-bundle.mjs <dist> <cargo's raw .wasm>
//
// Why here and not in Trunk: wasm-split must run between cargo and wasm-bindgen (it reads the
// linker's relocations, which wasm-bindgen drops), and Trunk has no step there (trunk-rs/trunk's
// open "Support wasm splitting" issue). cargo-leptos runs the same three steps: wasm-split-cli,
// then wasm-bindgen with --keep-lld-exports (the chunks import the main module's exports), then
// wasm-opt on every module. Trunk's own module is then replaced, and index.html points at ours.
//
// Every file gets a name from its content, as Trunk names its own, so a browser never mixes a
// cached chunk with a newer main module.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { join, sep } from 'node:path';

const [dist, rawWasm] = process.argv.slice(2);
const work = join('target', 'split');
const hex = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const run = (tool, args) => execFileSync(tool, args, { stdio: ['ignore', 'inherit', 'inherit'] });

// Trunk's module, to be replaced: <stem>-<hash>.js and <stem>-<hash>_bg.wasm.
const trunkWasm = readdirSync(dist).find((f) => f.endsWith('_bg.wasm'));
if (!trunkWasm) throw new Error(`${dist}: no _bg.wasm from Trunk`);
const trunkStem = trunkWasm.slice(0, -'_bg.wasm'.length);
// Trunk writes its hash without leading zeros, so it has 1 to 16 hex digits.
const stem = trunkStem.replace(/-[0-9a-f]{1,16}$/, '');

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
// 1. Split. The link module imports initSync from "./<stem>.js"; renamed below.
run('wasm-split-cli', [rawWasm, work, '--target', 'web', '--out-name', stem]);
const chunks = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
if (chunks.length === 0) throw new Error('wasm-split found no split point (is the wasm_split cfg on?)');
// 2. Bind the main module; --keep-lld-exports keeps what the chunks import from it.
const bound = join(work, 'bound');
run('wasm-bindgen', [
  '--target', 'web', '--no-typescript', '--keep-lld-exports',
  '--out-dir', bound, '--out-name', stem, join(work, `${stem}.wasm`),
]);
// 3. Optimize every module as Trunk did its one (-Oz, names and producers stripped).
// wasm-opt warns once per module about the name section's subsection 3 (label names, from the
// extended name section binaryen 132 does not read), which it strips anyway; the rest is shown.
const optimize = (from, to) => {
  const out = spawnSync('wasm-opt', ['-Oz', '--strip-debug', '--strip-producers', from, '-o', to], { encoding: 'utf8' });
  const shown = `${out.stdout}${out.stderr}`.split('\n').filter((l) => l && !/unknown name subsection with id 3/.test(l));
  if (shown.length) console.error(shown.join('\n'));
  if (out.status !== 0) throw new Error(`wasm-opt failed on ${from}`);
};
optimize(join(bound, `${stem}_bg.wasm`), join(bound, `${stem}_bg.wasm`));
const chunkNames = {};
const chunkSri = {};
for (const chunk of chunks) {
  const to = join(bound, chunk);
  optimize(join(work, chunk), to);
  const bytes = readFileSync(to);
  const named = `${chunk.slice(0, -'.wasm'.length)}-${hex(bytes)}.wasm`;
  writeFileSync(join(dist, named), bytes);
  chunkNames[chunk] = named;
  chunkSri[named] = sri(bytes);
}

// 4. Name the main module and the link module from everything they hold. Each chunk is fetched
// with its integrity: the link module is itself checked (its modulepreload below carries its
// hash), so a chunk altered on the host fails to load, as an unreachable one does, and never runs.
let link = readFileSync(join(work, '__wasm_split.js'), 'utf8');
for (const [plain, named] of Object.entries(chunkNames)) {
  const fetchOf = (file) => `fetch(new URL("./${file}", import.meta.url))`;
  if (!link.includes(fetchOf(plain))) throw new Error(`link module: no fetch of ${plain}`);
  link = link.replaceAll(fetchOf(plain),
    `fetch(new URL("./${named}", import.meta.url), { integrity: "${chunkSri[named]}" })`);
  link = link.replaceAll(`"./${plain}"`, `"./${named}"`);
}
let mainJs = readFileSync(join(bound, `${stem}.js`), 'utf8');
const mainWasm = readFileSync(join(bound, `${stem}_bg.wasm`));
const id = hex(mainWasm, mainJs, link);
const newStem = `${stem}-${id}`;
const linkName = `__wasm_split-${id}.js`;
link = link.replaceAll(`"./${stem}.js"`, `"./${newStem}.js"`);
// Only the module specifiers: the import object's keys name the wasm's import module and stay.
if (!mainJs.includes('from "./__wasm_split.js"')) throw new Error('main module does not import the link module');
mainJs = mainJs.replaceAll('from "./__wasm_split.js"', `from "./${linkName}"`);
mainJs = mainJs.replaceAll(`${stem}_bg.wasm`, `${newStem}_bg.wasm`);

rmSync(join(dist, `${trunkStem}.js`));
rmSync(join(dist, trunkWasm));
writeFileSync(join(dist, `${newStem}.js`), mainJs);
writeFileSync(join(dist, `${newStem}_bg.wasm`), mainWasm);
writeFileSync(join(dist, linkName), link);
rmSync(join(dist, 'snippets'), { recursive: true, force: true });
cpSync(join(bound, 'snippets'), join(dist, 'snippets'), { recursive: true });

// 5. index.html: Trunk's preload links (with their integrity) now name our files; the link
// module is preloaded too, so it is not a round trip after the main module's.
const page = join(dist, 'index.html');
let html = readFileSync(page, 'utf8');
const relink = (href, bytes) => {
  const tag = new RegExp(`(<link [^>]*href="/${href.replace(/[.]/g, '[.]')}"[^>]*integrity=")[^"]*(")`);
  if (!tag.test(html)) throw new Error(`index.html: no preload link for ${href}`);
  html = html.replace(tag, `$1${sri(bytes)}$2`);
};
html = html.replaceAll(trunkStem, newStem);
relink(`${newStem}.js`, mainJs);
relink(`${newStem}_bg.wasm`, mainWasm);
html = html.replace(
  '</head>',
  `<link rel="modulepreload" href="/${linkName}" crossorigin="anonymous" integrity="${sri(link)}"></head>`,
);
// The snippets: Trunk preloads every file in its own wasm-bindgen folder, which keeps the
// snippets of earlier builds (a renamed one stayed there, and the page then asked for it: a 404
// in the console). Link exactly the snippets shipped, those our wasm-bindgen run wrote.
html = html.replace(/<link rel="modulepreload" href="\/snippets\/[^"]*"[^>]*>\n?/g, '');
const snippets = join(bound, 'snippets');
for (const file of readdirSync(snippets, { recursive: true }).filter((f) => f.endsWith('.js')).sort()) {
  const href = `/snippets/${file.split(sep).join('/')}`;
  html = html.replace('</head>',
    `<link rel="modulepreload" href="${href}" crossorigin="anonymous" integrity="${sri(readFileSync(join(snippets, file)))}"></head>`);
}
// Azure mode's files (its part and the chunks it needs), each with its integrity, named for
// js/config_file.js: that snippet reads config.json before the wasm has arrived and, for an Azure
// deployment, preloads them beside the main module rather than after it has started. A preload
// is used only by a fetch with the same integrity, so the preload carries it too.
const azureList = azureFiles().map((file) => `/${file} ${chunkSri[file]}`).join(' ');
html = html.replace('</head>', `<meta name="aks-azure-part" content="${azureList}"></head>`);
writeFileSync(page, html);

/** The Azure part's file and its chunks' files, as its loader in the link module lists them. */
function azureFiles() {
  const part = link.match(/export const __wasm_split_load_azure_app = [\s\S]*?\n, \[([^\]]*)\]\)\);/);
  if (!part) throw new Error('link module: no loader for the azure_app part');
  // `__chunk_6` loads chunk_6.wasm.
  const deps = part[1].split(',').map((d) => d.trim()).filter(Boolean).map((d) => `${d.replace(/^__/, '')}.wasm`);
  return ['split_azure_app.wasm', ...deps].map((plain) => {
    if (!chunkNames[plain]) throw new Error(`link module: ${plain} is not a chunk of this build`);
    return chunkNames[plain];
  });
}

const gz = (bytes) => execFileSync('gzip', ['-9', '-c'], { input: bytes }).length;
console.log(`wasm split: main ${newStem}_bg.wasm ${mainWasm.length} B (gzip ${gz(mainWasm)})`);
for (const named of Object.values(chunkNames)) {
  const bytes = readFileSync(join(dist, named));
  console.log(`wasm split: chunk ${named} ${bytes.length} B (gzip ${gz(bytes)})`);
}
