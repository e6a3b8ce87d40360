#!/usr/bin/env node
'use strict';
const path = require('node:path');
const dist = path.join(__dirname, '..', 'dist');
// The CLI is compiled by `npm ci` (prepare script); point people at the fix if it was skipped.
try {
  require.resolve(path.join(dist, 'src/cli/main.js'));
} catch {
  process.stderr.write('quadrant: not built yet. Run `npm ci` (or `npm run build`) in the project folder first.\n');
  process.exit(1);
}
// The sandbox lives outside src/ (src never imports it); the CLI gets it through this hook.
require(path.join(dist, 'src/cli/main.js')).main(process.argv.slice(2), {
  sandbox: () => require(path.join(dist, 'sandbox/main.js')),
});
