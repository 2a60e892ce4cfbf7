import { escapeHtml } from './escape';

/**
 * "How to embed" in Share / embed: the HTML that shows the ticked goals on the user's own page, as the
 * widgets actually work (components/widgets/elements): the widgets script loaded as a module, and one
 * `<pacer-goal>` per goal naming its id and the snapshot file (`src`, same site as the page: a file on
 * another site loads only with `allow-cross-origin`, snapshot-source.ts). Both files come from the
 * dialog: the snapshot JSON and the widgets script (the single-file build the extension ships).
 */
export const WIDGETS_SCRIPT_FILE = 'pacer-widgets.js';

export function embedSnippet(goalIds: readonly string[], snapshotFile: string): string {
  const src = escapeHtml(snapshotFile);
  return [
    `<script type="module" src="${WIDGETS_SCRIPT_FILE}"></script>`,
    ...goalIds.map((id) => `<pacer-goal goal-id="${escapeHtml(id)}" src="${src}"></pacer-goal>`),
  ].join('\n');
}
