// Shared by the popup's first-paint shell and the full popup; no imports, so the popup entrypoint
// can read them without loading anything else.

/** Set on the popup's root (`data-shell-painted`) once the first-paint shell shows cached goals. */
export const SHELL_PAINTED = 'shellPainted';
/** The element the shell renders into; the full popup removes it when it mounts. */
export const SHELL_HOST_CLASS = 'pp-shell-host';
/**
 * In the built popup.html, `<meta name=… content="/chunks/popup-….js">` names the popup's module: the
 * build (scripts/vite-first-paint-page.ts) takes its `<script type="module">` out of the page so the first
 * frame fetches nothing but the shell, which starts the module once that frame is out.
 */
export const DEFERRED_MODULE_META = 'pacer-deferred-module';
