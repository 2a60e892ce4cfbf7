/** "Share / embed" exports, pure: the dashboard calls these with what it has on screen. */
export { buildSnapshot, type SnapshotOptions, type SnapshotSource, snapshotToJson } from './build-snapshot';
export { goalCardSvg } from './goal-card-svg';
export { parseSnapshot, type SnapshotResult, validateSnapshot } from './parse-snapshot';
export { type SnapshotHtmlOptions, type SnapshotTheme, snapshotToHtml, themeAtExport } from './snapshot-html';
