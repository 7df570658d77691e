// Parses and analyses every KQL text the app can send (JSON on stdin, from
// `cargo run --example kql_queries`) with Microsoft's own Kusto parser
// (npm @kusto/language-service-next: Kusto.Language.KustoCode.ParseAndAnalyze), against the
// Resource Graph tables the queries read, each with ARG's standard columns and
// `properties: dynamic`. Every query must have 0 error diagnostics. The check proves it can fail:
// two deliberately broken queries must each give errors.
const { join } = require('node:path');
const pkg = join(__dirname, '../../node_modules/@kusto/language-service-next');
require(join(pkg, 'bridge.js'));
require(join(pkg, 'Kusto.Language.Bridge.js'));
const K = globalThis.Kusto.Language;

// Azure Resource Graph's table schema (the columns every ARG table has; `properties` and the
// other bags are dynamic). ARG resolves table names case-insensitively; Kusto does not, so the
// spellings Microsoft's docs use are declared too. `kind` is a Kusto keyword: quoted, or the
// schema parser stops there (measured: 4 columns instead of 16).
const COLUMNS = "(id:string, name:string, type:string, tenantId:string, ['kind']:string, location:string, resourceGroup:string, " +
  'subscriptionId:string, managedBy:string, sku:dynamic, plan:dynamic, properties:dynamic, tags:dynamic, identity:dynamic, ' +
  'zones:dynamic, extendedLocation:dynamic)';
const TABLES = ['securityresources', 'SecurityResources', 'resources', 'Resources', 'policyresources', 'PolicyResources',
  'resourcecontainers', 'ResourceContainers'];
const tables = TABLES.map((t) => new K.Symbols.TableSymbol.$ctor7(t, COLUMNS, null));
if (tables[0].Columns.Count !== 16) throw new Error(`the schema declares ${tables[0].Columns.Count} columns, not 16`);
const db = new K.Symbols.DatabaseSymbol.$ctor3('arg', null, System.Array.init(tables, K.Symbols.Symbol), false);
const globals = K.GlobalState.Default.WithDatabase(db);

function errors(text) {
  const diagnostics = K.KustoCode.ParseAndAnalyze(text, globals).GetDiagnostics();
  const out = [];
  for (let i = 0; i < diagnostics.Count; i++) {
    const d = diagnostics.getItem(i);
    if (String(d.Severity) === 'Error') out.push(`${d.Message} (at ${d.Start}: ${JSON.stringify(text.slice(d.Start, d.Start + 40))})`);
  }
  return out;
}

let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const queries = JSON.parse(input);
  let passed = 0;
  let failed = 0;
  for (const q of queries) {
    const found = errors(q.text);
    if (found.length === 0) {
      passed++;
      console.log(`ok   ${q.name}: 0 error diagnostics`);
    } else {
      failed++;
      console.log(`FAIL ${q.name}: ${found.length} error diagnostics\n  ${found.join('\n  ')}\n${q.text}`);
    }
  }
  // The check itself must be able to fail: a syntax error and an unknown column.
  for (const broken of ['securityresources | where type =~ "x" | project id,, name', 'securityresources | where typo == 1 | project id']) {
    if (errors(broken).length > 0) {
      passed++;
      console.log(`ok   a broken query is caught: ${broken}`);
    } else {
      failed++;
      console.log(`FAIL a broken query passed the parser: ${broken}`);
    }
  }
  if (queries.length < 10) {
    failed++;
    console.log(`FAIL expected every query the app sends, got ${queries.length}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
});
