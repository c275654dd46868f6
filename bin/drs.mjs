#!/usr/bin/env node
// The `drs` command: runs the compiled CLI. `npm install` builds it (the "prepare" script).
import { existsSync } from 'node:fs';
import module from 'node:module';

// V8's compile cache (Node 22.1+) lets later runs skip compiling the CLI's modules; older Node has none.
module.enableCompileCache?.();

// The bundled CLI (vite.cli.config.ts): a few files load much faster than the compiled module tree.
const entry = new URL('../dist/src-main/cli-bundle/drs.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('drs: 程序尚未构建，请先在项目目录运行 npm install。 / drs is not built yet: run npm install in the project folder first.');
  process.exit(2);
}
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
