// `npm start`: launches the built app in Electron. Electron ≥ 42 installs without its binary and
// fetches it on first launch; where that cannot happen (offline, or ELECTRON_SKIP_BINARY_DOWNLOAD)
// this prints one clear line and exits 1 instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const HOW_TO =
  '未找到 Electron 可执行文件，无法启动桌面程序。请在能联网的电脑上运行 npx install-electron，或设置 ELECTRON_OVERRIDE_DIST_PATH 指向已安装的 Electron。 / ' +
  'No Electron binary is installed, so the desktop app cannot start. Run `npx install-electron` on a machine with internet access, or set ELECTRON_OVERRIDE_DIST_PATH to an installed Electron.';

function electronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron');
    return existsSync(binary) ? binary : undefined;
  }
  if (relative && existsSync(join(packageDir, 'dist', relative))) return join(packageDir, 'dist', relative);
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return undefined;
  // First launch: let Electron's own installer fetch the binary, quietly.
  const install = spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'pipe', timeout: 10 * 60_000 });
  if (install.status !== 0) return undefined;
  const fetched = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  return fetched && existsSync(join(packageDir, 'dist', fetched)) ? join(packageDir, 'dist', fetched) : undefined;
}

const binary = electronBinary();
if (!binary) {
  console.error(HOW_TO);
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
