#!/usr/bin/env node
// The `tamga` command. Checks the runtime first: the SQLite binding Tamga uses crashes on
// Node 20, so an old Node gets a clear sentence instead of a segfault. `npx tamga` and
// `npm run` use the Node 22 that `npm install` puts in node_modules/.bin.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `tamga: needs Node.js 22.12 or newer, this is ${process.versions.node}. ` +
      'Run it as `npx tamga` from the project folder (it uses the Node 22 installed by `npm install`).\n',
  );
  process.exit(2);
}
const { tsImport } = await import('tsx/esm/api');
const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv);
