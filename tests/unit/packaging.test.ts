// What an installed package must contain, checked here because the Electron download
// (and so `npm run dist` itself) fails on these machines: electron-builder's own loader
// and validator read electron-builder.yml; the built out/ (npm test builds it first) is
// scanned for every module it loads at run time, each of which must be a production
// dependency (devDependencies are not packaged) or a Node built-in; every native file
// and executable those dependencies hold must be unpacked from the asar archive.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, matchesGlob, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../src/main/app-menu';
import { ROOT } from '../helpers/child-process';

const requireHere = createRequire(join(ROOT, 'package.json'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string>; scripts: Record<string, string> };

interface BuilderConfig {
  readonly files: readonly string[];
  readonly asar: boolean;
  readonly asarUnpack: readonly string[];
  readonly electronFuses: Record<string, boolean>;
  readonly linux: { readonly target: readonly string[] };
  readonly win: { readonly target: readonly string[] };
  readonly mac: { readonly target: readonly string[] };
}

async function builderConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = requireHere('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, path: string | null, options: null): Promise<BuilderConfig>;
    validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = requireHere('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const OUT = join(ROOT, 'out');

/** Bare module names the built main process and engine worker load, by any road. */
function modulesLoadedByOut(): Set<string> {
  const names = new Set<string>();
  const roads = /(?:\bfrom\s*|\bimport\(\s*|\brequire\(\s*|\.resolve\(\s*)"([^"./][^"]*)"/g;
  for (const file of filesUnder(join(OUT, 'main')).filter((f) => f.endsWith('.js'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(roads)) names.add(match[1] ?? '');
  }
  return names;
}

function packageOf(name: string): string {
  const parts = name.split('/');
  return name.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? name);
}

const unpacked = (config: BuilderConfig, path: string): boolean => config.asarUnpack.some((glob) => matchesGlob(path, glob));

describe('the packaging config', () => {
  it('is valid for electron-builder and builds AppImage, deb, NSIS and dmg', async () => {
    const config = await builderConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.asar).toBe(true);
    expect(pkg.scripts['dist']).toMatch(/electron-builder/);
  });

  it('sets every fuse that keeps the packaged app from being turned into something else', async () => {
    expect((await builderConfig()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('unpacks every native binding, sharp’s libvips and the ffmpeg executable from the asar archive', async () => {
    const config = await builderConfig();
    const natives: string[] = [];
    for (const dep of Object.keys(pkg.dependencies)) {
      const dir = join(ROOT, 'node_modules', dep);
      natives.push(...filesUnder(dir).filter((f) => f.endsWith('.node')));
    }
    for (const dir of ['@img', '@ffmpeg-installer'].map((d) => join(ROOT, 'node_modules', d)).filter(existsSync)) {
      natives.push(...filesUnder(dir).filter((f) => /\.(node|so(\.\d+)*|dylib|dll)$|\/ffmpeg(\.exe)?$/.test(f)));
    }
    const ffmpeg = (requireHere('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    natives.push(ffmpeg);
    // ExifTool's Perl program (and its library) is run from the file system, never from the archive.
    natives.push(...filesUnder(join(ROOT, 'node_modules', 'exiftool-vendored.pl', 'bin')).filter((f) => /\/exiftool$|\.pm$/.test(f)).slice(0, 50));
    expect(natives.some((f) => f.includes('better_sqlite3') || f.includes('better-sqlite3'))).toBe(true);
    expect(natives.some((f) => f.includes('libvips'))).toBe(true);
    for (const file of natives) expect(unpacked(config, relative(ROOT, file)), relative(ROOT, file)).toBe(true);
    // And plain JavaScript stays in the archive (the integrity fuse covers only the archive).
    expect(unpacked(config, 'node_modules/exifr/dist/full.umd.js')).toBe(false);
  });
});

describe('the built app', () => {
  it('has the four parts the package runs, named where package.json and the main process look', () => {
    expect(existsSync(OUT), 'out/ is missing: run `npm run build` first (npm test does)').toBe(true);
    expect(pkg.main).toBe('./out/main/index.js');
    for (const part of ['main/index.js', 'main/engine-worker.js', 'preload/index.cjs', 'renderer/index.html']) {
      expect(existsSync(join(OUT, part)), part).toBe(true);
    }
  });

  it('loads at run time only production dependencies and Node built-ins (devDependencies are not packaged)', () => {
    const loaded = modulesLoadedByOut();
    expect(loaded.has('better-sqlite3-multiple-ciphers')).toBe(true);
    for (const name of loaded) {
      if (name === 'electron' || name.startsWith('node:') || builtinModules.includes(name)) continue;
      expect(pkg.dependencies, `out/main loads ${name}`).toHaveProperty([packageOf(name)]);
    }
  });

  it('has a preload that requires nothing but electron', () => {
    const preload = readFileSync(join(OUT, 'preload', 'index.cjs'), 'utf8');
    expect([...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
  });
});

describe('the packaged menu', () => {
  const roles = (template: ReturnType<typeof appMenuTemplate>): string[] =>
    Array.isArray(template) ? template.flatMap((m) => [m.role ?? '', ...(Array.isArray(m.submenu) ? m.submenu.map((s) => s.role ?? s.type ?? '') : [])]) : [];

  it('has no developer tools or reload when packaged, and no menu bar on Windows and Linux', () => {
    expect(appMenuTemplate('linux', true)).toBeNull();
    expect(appMenuTemplate('win32', true)).toBeNull();
    const mac = roles(appMenuTemplate('darwin', true));
    expect(mac).toEqual(expect.arrayContaining(['appMenu', 'editMenu', 'copy', 'paste', 'quit']));
    for (const unwanted of ['toggleDevTools', 'reload', 'forceReload', 'viewMenu']) expect(mac).not.toContain(unwanted);
    expect(appMenuTemplate('linux', false)).toBe('default');
  });
});
