import { defineConfig } from 'wxt';

// Pacer asks for as little as it can: storage for its own data, alarms and
// notifications for reminders, contextMenus for "Log selected number".
// CRM hosts are optional host permissions, requested when the user enables a CRM.
export default defineConfig({
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
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'contextMenus'],
    optional_host_permissions: [
      'https://*.hubspot.com/*',
      'https://*.lightning.force.com/*',
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
            gecko: { id: 'pacer@pacer.local', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { target: 'es2022' },
  }),
});
