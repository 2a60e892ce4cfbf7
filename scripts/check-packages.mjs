// `npm run check:packages [chrome|firefox] [--zip]`: the store checks we can run here, on the built
// folders (npm test) or on the zips `npm run zip` / `zip:firefox` wrote (--zip).
// - Firefox: Mozilla's add-on linter (what `web-ext lint` runs, and addons.mozilla.org on upload); any
//   error, warning or notice fails.
// - Chrome: the Web Store's manifest rules we know of (MV3, name/short_name/description lengths, version
//   format, a 128 px icon and every declared icon a PNG of its declared size, default_locale present),
//   and the zip's size.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './browser.mjs';

const OUTPUT = path.join(REPO_ROOT, '.output');
const args = process.argv.slice(2);
const fromZip = args.includes('--zip');
const targets = args.filter((a) => !a.startsWith('--'));
const which = targets.length > 0 ? targets : ['chrome', 'firefox'];

/** PNG width and height from its IHDR chunk, or null when the file is no PNG. */
export function pngSize(bytes) {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function newestZip(suffix) {
  const zips = existsSync(OUTPUT) ? readdirSync(OUTPUT).filter((f) => f.endsWith(`-${suffix}.zip`)) : [];
  zips.sort((a, b) => statSync(path.join(OUTPUT, b)).mtimeMs - statSync(path.join(OUTPUT, a)).mtimeMs);
  if (zips.length === 0) throw new Error(`no .output/*-${suffix}.zip: run the zip script first`);
  return path.join(OUTPUT, zips[0]);
}

function checkChrome() {
  const dir = path.join(OUTPUT, 'chrome-mv3');
  const problems = [];
  const manifestPath = path.join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return [`${manifestPath} missing: run \`npm run build\` first`];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const localeDir = path.join(dir, '_locales', manifest.default_locale ?? 'en');
  const messages = existsSync(path.join(localeDir, 'messages.json'))
    ? JSON.parse(readFileSync(path.join(localeDir, 'messages.json'), 'utf8'))
    : {};
  // A __MSG_name__ value counts at its English length.
  const text = (value) =>
    String(value ?? '').replace(
      /__MSG_(\w+)__/g,
      (_, key) => messages[key]?.message ?? messages[key.toLowerCase()]?.message ?? '',
    );
  if (manifest.manifest_version !== 3) problems.push('manifest_version must be 3');
  if (!text(manifest.name) || text(manifest.name).length > 75) problems.push('name: 1–75 characters');
  if (manifest.short_name && text(manifest.short_name).length > 12)
    problems.push('short_name: at most 12 characters');
  if (!text(manifest.description) || text(manifest.description).length > 132)
    problems.push('description: 1–132 characters');
  if (!/^\d+(\.\d+){0,3}$/.test(manifest.version ?? ''))
    problems.push(`version "${manifest.version}": 1–4 dot-separated integers`);
  if (manifest.default_locale && !existsSync(path.join(localeDir, 'messages.json')))
    problems.push(
      `default_locale ${manifest.default_locale} has no _locales/${manifest.default_locale}/messages.json`,
    );
  const icons = manifest.icons ?? {};
  if (!icons['128']) problems.push('icons: a 128 px icon is required');
  for (const [size, file] of Object.entries(icons)) {
    const iconPath = path.join(dir, file);
    const png = existsSync(iconPath) ? pngSize(readFileSync(iconPath)) : null;
    if (!png) problems.push(`icons.${size}: ${file} is missing or not a PNG`);
    else if (png.width !== Number(size) || png.height !== Number(size))
      problems.push(`icons.${size}: ${file} is ${png.width}×${png.height}`);
  }
  if (fromZip) {
    const zip = newestZip('chrome');
    const mb = statSync(zip).size / 2 ** 20;
    if (mb > 100)
      problems.push(`${path.basename(zip)}: ${mb.toFixed(1)} MB (store limit 100 MB for this check)`);
    console.log(`chrome: ${path.relative(REPO_ROOT, zip)}, ${mb.toFixed(2)} MB`);
  }
  return problems;
}

async function checkFirefox() {
  const target = fromZip ? newestZip('firefox') : path.join(OUTPUT, 'firefox-mv3');
  if (!existsSync(target)) return [`${target} missing: run \`npm run build:firefox\` first`];
  const { default: linter } = await import('addons-linter');
  const instance = linter.createInstance({
    config: {
      _: [target],
      logLevel: 'fatal',
      stack: false,
      pretty: false,
      warningsAsErrors: false,
      metadata: false,
      output: 'none',
      boring: false,
      selfHosted: false,
    },
    runAsBinary: false,
  });
  const result = await instance.run();
  console.log(
    `firefox: addons-linter on ${path.relative(REPO_ROOT, target)}: ${JSON.stringify(result.summary)}`,
  );
  return ['errors', 'warnings', 'notices'].flatMap((kind) =>
    result[kind].map(
      (m) =>
        `${kind.slice(0, -1)} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}: ${m.message}. ${m.description ?? ''}`,
    ),
  );
}

let failed = false;
for (const target of which) {
  const problems = target === 'chrome' ? checkChrome() : await checkFirefox();
  if (problems.length === 0) console.log(`${target}: store checks passed`);
  else {
    failed = true;
    console.error(`${target}: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
process.exit(failed ? 1 : 0);
