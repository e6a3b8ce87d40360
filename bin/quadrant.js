#!/usr/bin/env node
'use strict';
// The CLI is compiled by `npm ci` (prepare script); point people at the fix if it was skipped.
try {
  require.resolve('../dist/src/cli/main.js');
} catch {
  process.stderr.write('quadrant: not built yet. Run `npm ci` (or `npm run build`) in the project folder first.\n');
  process.exit(1);
}
require('../dist/src/cli/main.js').main(process.argv.slice(2));
