import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'wxt';
import { firstPaintPage } from './scripts/vite-first-paint-page';
import { noCodeEval } from './scripts/vite-no-code-eval.mjs';
import { noInnerHtml } from './scripts/vite-no-inner-html.mjs';

/**
 * The single-file widgets bundle (scripts/build-widgets.mjs, run first by `npm run build`) ships inside
 * the extension so "Share / embed" can inline it into the exported HTML file. Missing in `wxt dev` unless
 * `npm run build:widgets` ran: then it is left out and the dialog says so.
 */
const WIDGETS_INLINE = 'pacer-widgets.inline.js';

// Pacer asks for as little as it can: storage for its own data, alarms and
// notifications for reminders, contextMenus for "Log selected number".
// CRM hosts are optional host permissions, requested when the user enables a CRM; `scripting`
// registers the CRM content script for exactly the hosts the user enabled (lib/background/crm-registration.ts).
export default defineConfig({
  // MV3 for every browser, Firefox included (WXT's default for Firefox is MV2): one `action` API, and
  // `optional_host_permissions` for the CRM hosts, which WXT drops from an MV2 build. Firefox runs the
  // background as an event page (`background.scripts`), which the background code is written for.
  manifestVersion: 3,
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // Every WXT API is imported explicitly from '#imports' so a reader sees where names come from.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Pacer — goals & KPIs on pace',
    short_name: 'Pacer',
    description:
      'Keeps your goals and KPIs in every new tab: progress, pace, forecast and alerts. Local-first, no account.',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'contextMenus', 'scripting'],
    optional_host_permissions: [
      'https://*.hubspot.com/*',
      'https://*.lightning.force.com/*',
      'https://*.lightning.force.mil/*',
      'https://*.sfcrmapps.cn/*',
      'https://*.sfcrmproducts.cn/*',
      'https://*.lightning.force.com.mcas.ms/*',
      'https://*.my.salesforce.com/*',
      'https://*.pipedrive.com/*',
      'https://*.zoho.com/*',
      'https://*.zoho.eu/*',
      'https://*.zoho.in/*',
      'https://*.zoho.com.au/*',
      'http://127.0.0.1/*',
      'http://localhost/*',
      'https://*/*',
    ],
    omnibox: { keyword: 'kpi' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open the Pacer quick update',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'pacer@pacer.local',
              // 140 (an ESR): the first Firefox that reads data_collection_permissions; also has MV3
              // optional_host_permissions, storage.session and scripting.registerContentScripts.
              strict_min_version: '140.0',
              // Required of new add-ons by addons.mozilla.org: Pacer collects and sends nothing.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // PACER_NO_MINIFY=1: readable stack traces when profiling (the shipped build is always minified).
    build: { target: 'es2022', ...(process.env.PACER_NO_MINIFY ? { minify: false } : {}) },
    // The popup's first frame fetches only its shell script (see the plugin).
    plugins: [
      firstPaintPage(['entrypoints/popup/index.html']),
      // Preact's innerHTML write, which only dangerouslySetInnerHTML reaches, becomes a throw.
      noInnerHtml(),
      // PouchDB's string-filter eval becomes a throw (team sync passes functions only).
      noCodeEval(),
    ],
  }),
  hooks: {
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(WIDGETS_INLINE);
    },
    'build:publicAssets': (wxt, assets) => {
      const absoluteSrc = path.join(wxt.config.outBaseDir, 'widgets', WIDGETS_INLINE);
      if (existsSync(absoluteSrc)) assets.push({ absoluteSrc, relativeDest: WIDGETS_INLINE });
    },
  },
});
