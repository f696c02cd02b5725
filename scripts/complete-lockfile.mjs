#!/usr/bin/env node
// Adds lock entries for platform-specific optional packages that `npm install` left out.
//
// Why: the registry mirror our machines use carries only the Linux builds of packages such as
// @rollup/rollup-* and @turbo/*, so `npm install` cannot resolve the other platforms and drops
// them from package-lock.json, while `npm ci` (npm 11) insists that every name in a parent's
// optionalDependencies has a lock entry ("Missing: @rollup/rollup-darwin-x64@ from lock file").
// See npm/cli#4828 and npm/cli#9083. Each added entry carries os/cpu/libc read from the package
// name, so npm skips it on this platform without fetching anything.
//
// Run after any dependency change: `npm install && node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = {
  android: 'android',
  darwin: 'darwin',
  freebsd: 'freebsd',
  linux: 'linux',
  openbsd: 'openbsd',
  openharmony: 'openharmony',
  win32: 'win32',
  windows: 'win32',
  netbsd: 'netbsd',
  sunos: 'sunos',
  aix: 'aix',
};
const CPU = {
  arm: 'arm',
  arm64: 'arm64',
  x64: 'x64',
  64: 'x64',
  ia32: 'ia32',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
};
const LIBC = { gnu: 'glibc', gnueabihf: 'glibc', musl: 'musl', musleabihf: 'musl' };

/** Reads os, cpu and libc from a name such as `@rollup/rollup-linux-arm-musleabihf`. */
function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = tokens.find((t) => t in OS);
  const cpu = tokens.find((t) => t in CPU && t !== os);
  if (os === undefined || cpu === undefined) return undefined;
  const libcToken = tokens.find((t) => t in LIBC);
  return { os: [OS[os]], cpu: [CPU[cpu]], ...(libcToken ? { libc: [LIBC[libcToken]] } : {}) };
}

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
const added = [];
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    // Resolution walks up node_modules folders, as Node does.
    const parts = location.split('node_modules/');
    let found = false;
    for (let i = parts.length; i >= 1 && !found; i--) {
      const base = parts.slice(0, i).join('node_modules/');
      found =
        `${base}${base === '' || base.endsWith('/') ? '' : '/'}node_modules/${name}` in packages;
    }
    if (found || !/^\d+\.\d+\.\d+$/.test(spec)) continue;
    const platform = platformOf(name);
    if (platform === undefined) continue;
    const key = `node_modules/${name}`;
    packages[key] = {
      version: spec,
      ...platform,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
    };
    added.push(key);
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  ),
);
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  `complete-lockfile: added ${added.length} platform entries${added.length ? `:\n  ${added.join('\n  ')}` : ''}`,
);
