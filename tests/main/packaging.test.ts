import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

interface Target {
  target: string;
  arch?: string[];
}
interface BuilderConfig {
  files: string[];
  extraResources?: { from: string; to: string }[];
  fileAssociations: { ext: string; role: string }[];
  win: { target: Target[] };
  nsis: Record<string, unknown>;
  linux: { target: Target[] };
  mac: { target: string[] };
  electronFuses?: Record<string, boolean>;
  asar?: boolean;
}
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };

describe('electron-builder.yml', () => {
  it('builds the Windows installer per user, in Chinese, with the Chinese shortcut name, and a portable exe', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ perMachine: false, oneClick: false, installerLanguages: ['zh_CN'], shortcutName: '公开年报工作台' });
  });

  it('builds AppImage and deb for x64 and arm64 (UOS, Kylin), and a macOS dmg', () => {
    for (const target of config.linux.target) expect(target.arch).toEqual(['x64', 'arm64']);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('flips the Electron fuses: no run-as-Node, NODE_OPTIONS or --inspect; only the integrity-checked app.asar loads', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // onlyLoadAppFromAsar needs the app packed into app.asar (electron-builder's default).
    expect(config.asar).not.toBe(false);
    // The names are electron-builder's own: its schema would reject a misspelt fuse.
    const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    for (const fuse of Object.keys(config.electronFuses ?? {})) expect(schema.definitions.FuseOptionsV1.properties, fuse).toHaveProperty(fuse);
  });

  it('associates .drs files with the app', () => {
    expect(config.fileAssociations).toContainEqual(expect.objectContaining({ ext: 'drs', role: 'Editor' }));
  });

  it('ships the open fonts for the PDF export with their licence texts, and only once', () => {
    const targets = (config.extraResources ?? []).map((r) => r.to);
    expect(targets).toEqual(expect.arrayContaining(['fonts/NotoSerifSC_400Regular.ttf', 'fonts/NotoSansSC_400Regular.ttf', 'fonts/OFL-NotoSerifSC.txt', 'fonts/OFL-NotoSansSC.txt']));
    expect(config.files).toContain('!node_modules/@expo-google-fonts/**');
    expect(readFileSync(join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/LICENSE_FONT'), 'utf8')).toContain('SIL OPEN FONT LICENSE');
  });

  it('packs files that exist after the build: main entry, preload, renderer, formats', () => {
    expect(existsSync(join(ROOT, pkg.main))).toBe(true);
    for (const built of ['dist/preload/preload.cjs', 'dist/renderer/index.html', 'templates/gov-2021.json']) expect(existsSync(join(ROOT, built)), built).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'templates/**/*', 'package.json']));
    for (const resource of config.extraResources ?? []) expect(existsSync(join(ROOT, resource.from)), resource.from).toBe(true);
  });
});
