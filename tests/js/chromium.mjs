// Finds the headless Chromium the checkers drive with playwright-core, without root or a system
// package: HRPREP_CHROMIUM names a browser to use instead (launched with the flags below); otherwise
// the Chromium shipped in the npm package @sparticuz/chromium (installed by `npm ci`) is unpacked
// once per package version into the temporary directory and launched with the package's own flags.
// Unpacking goes to a fresh folder that is renamed into place when complete, so a run that is killed
// half-way, or several runs at once, never leave or use a partial browser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Flags of @sparticuz/chromium that relax the page's own security; the checks look at what the page
// may load and run, so the browser keeps its usual web security.
const relaxing = new Set(['--disable-web-security', '--allow-running-insecure-content']);

/** Returns { executablePath, args, source } for chromium.launch / launchPersistentContext. */
export async function findChromium() {
  const configured = process.env.HRPREP_CHROMIUM;
  if (configured) {
    if (!fs.existsSync(configured)) {
      throw new Error(`HRPREP_CHROMIUM=${configured}: no such file`);
    }
    return {
      executablePath: configured,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      source: `HRPREP_CHROMIUM (${configured})`,
    };
  }

  const { default: chromium } = await import('@sparticuz/chromium');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const version = JSON.parse(fs.readFileSync(path.join(here, 'node_modules', '@sparticuz', 'chromium', 'package.json'), 'utf8')).version;
  const user = typeof process.getuid === 'function' ? process.getuid() : 'user';
  const cache = path.join(os.tmpdir(), `hrprep-sparticuz-chromium-${version}-${user}`);
  const executable = path.join(cache, 'chromium');
  if (!fs.existsSync(path.join(cache, '.complete'))) {
    const stage = fs.mkdtempSync(path.join(os.tmpdir(), `hrprep-sparticuz-chromium-${version}-stage-`));
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = stage; // the package unpacks into os.tmpdir()
    try {
      const unpacked = await chromium.executablePath();
      if (path.resolve(unpacked) !== path.join(stage, 'chromium')) {
        throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, expected ${stage}`);
      }
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = tmp;
    }
    fs.writeFileSync(path.join(stage, '.complete'), `${version}\n`);
    try {
      fs.renameSync(stage, cache);
    } catch (e) {
      // Another run finished first (or a stale incomplete folder is in the way).
      fs.rmSync(stage, { recursive: true, force: true });
      if (!fs.existsSync(path.join(cache, '.complete'))) {
        throw new Error(`cannot place Chromium in ${cache}: ${e.message}; remove that folder and retry`);
      }
    }
  }
  return {
    executablePath: executable,
    args: [...chromium.args.filter((a) => !relaxing.has(a)), '--disable-background-networking'],
    source: `@sparticuz/chromium ${version} (${executable})`,
  };
}
