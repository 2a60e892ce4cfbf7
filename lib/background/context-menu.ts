import type { Translator } from '../i18n/translate';
import { numberInSelection } from '../popup/selection-parse';

export const LOG_SELECTION_MENU = 'pacer:log-selection';

/** The part of `browser.contextMenus` Pacer uses. */
export interface ContextMenusApi {
  create(props: { id: string; title: string; contexts: ['selection'] }): unknown;
  removeAll(): Promise<void>;
}

/** (Re)creates the one menu entry; run on install and when the UI language changes. */
export async function createLogSelectionMenu(api: ContextMenusApi, t: Translator): Promise<void> {
  await api.removeAll();
  api.create({ id: LOG_SELECTION_MENU, title: t('contextMenu.logSelectedNumber'), contexts: ['selection'] });
}

/**
 * The popup page to open for a selection: prefilled with the number found in it (the user then picks
 * the KPI and confirms), or null when the selection holds no number the parser accepts.
 */
export function pathForSelection(
  menuItemId: string | number,
  selectionText: string | undefined,
  t: Translator,
): string | null {
  if (menuItemId !== LOG_SELECTION_MENU || !selectionText) return null;
  const raw = numberInSelection(selectionText, t.locale);
  if (raw === null) return null;
  return `popup.html?${new URLSearchParams({ value: raw, from: 'selection' })}`;
}
