/**
 * The header-based table reader: any list a CRM shows as a table or grid, read by what its column
 * headers say ("Deal name", "Số tiền", "Betrag", "フェーズ"…) instead of by CRM-specific hooks.
 * It finds `<table>`s, ARIA grids (role=grid|treegrid|table with role=row / columnheader), and
 * CSS-grid lists whose header row names the columns. It is what Pacer falls back on when a built-in
 * adapter reads nothing on a list page (table-reader-fallback.ts), and the first suggestion when a
 * user maps a custom CRM (`findHeaderTables`).
 *
 * Pure DOM reading, no page writes. Only tables with a recognised name column count: a table of
 * settings or a calendar never reads as leads.
 */
import {
  deepQueryAll,
  deepText,
  displayedValue,
  present,
  type QueryRoot,
  safeQueryAll,
  shownByMarkup,
} from './dom';
import { fieldForHeader, TABLE_FIELDS, type TableField } from './table-reader-headers';

export type { TableField } from './table-reader-headers';

export type HeaderTableKind = 'table' | 'aria' | 'css-grid';

export interface HeaderTable {
  kind: HeaderTableKind;
  /** The table, grid or list element. */
  container: Element;
  /** The row holding the column headers. */
  headerRow: Element;
  /** Column index of each recognised field; `name` is always there. */
  columns: Partial<Record<TableField, number>> & { name: number };
  /** The data rows shown, in order: header rows, hidden rows and rows without a name left out. */
  rows: Element[];
}

/** Where tables and grids are looked for; each candidate is checked for a recognised header row. */
const TABLE_SELECTOR = 'table, [role="grid"], [role="treegrid"], [role="table"]';
/** Header rows of CSS-grid lists: an ARIA row or anything its CSS names a header. */
const GRID_HEADER_SELECTOR = '[role="row"], [role="rowgroup"] > *, [class*="header" i]';
const HEADER_CELL_SELECTOR = '[role="columnheader"], [class*="header" i]';
const CELL_ROLES = new Set(['gridcell', 'cell', 'rowheader', 'columnheader']);

/** The cells of a row, in column order, as the table's kind lays them out. */
export function cellsOf(kind: HeaderTableKind, row: Element): Element[] {
  if (kind === 'table' && row instanceof HTMLTableRowElement) return Array.from(row.cells);
  if (kind === 'css-grid') return Array.from(row.children);
  // ARIA rows: the cells whose nearest row is this one (cells may sit in wrappers).
  return safeQueryAll(row, '[role]').filter(
    (el) =>
      CELL_ROLES.has(el.getAttribute('role') ?? '') && el.parentElement?.closest('[role="row"]') === row,
  );
}

/** Column index per field from a header row's cells; null without a name column. */
function columnsOf(headers: readonly Element[]): HeaderTable['columns'] | null {
  const best = new Map<TableField, { index: number; priority: number }>();
  headers.forEach((cell, index) => {
    const match = fieldForHeader(deepText(cell));
    if (!match) return;
    const seen = best.get(match.field);
    if (!seen || match.priority < seen.priority) best.set(match.field, { index, priority: match.priority });
  });
  // An accounts list names its records in its "Account name" column.
  if (!best.has('name') && best.has('company')) {
    best.set('name', best.get('company')!);
    best.delete('company');
  }
  const name = best.get('name');
  if (!name) return null;
  const columns: HeaderTable['columns'] = { name: name.index };
  for (const field of TABLE_FIELDS) {
    const found = best.get(field);
    if (found) columns[field] = found.index;
  }
  return columns;
}

function tableHeaderRow(table: Element): Element | null {
  if (table instanceof HTMLTableElement) {
    const head = table.tHead?.rows;
    if (head && head.length > 0) return head[head.length - 1]!;
    for (const row of Array.from(table.rows)) {
      if (row.cells.length > 0 && Array.from(row.cells).every((c) => c.tagName === 'TH')) return row;
    }
    return null;
  }
  return (
    safeQueryAll(table, '[role="row"]').find((row) => row.querySelector('[role="columnheader"]')) ?? null
  );
}

function tableRows(table: Element, headerRow: Element): Element[] {
  const rows =
    table instanceof HTMLTableElement
      ? Array.from(table.rows).filter((row) => row.parentElement?.tagName !== 'THEAD')
      : safeQueryAll(table, '[role="row"]');
  // Rows of a table nested inside a cell belong to that table, not this one.
  const own =
    table instanceof HTMLTableElement ? 'table' : '[role="grid"], [role="treegrid"], [role="table"]';
  return rows.filter((row) => row !== headerRow && row.parentElement?.closest(own) === table);
}

/**
 * A CSS-grid list's rows: the header row's next siblings shaped like it, or the rows inside the body
 * that follows it; climbing out of a header group (a "thead") when the header row is alone in it.
 */
function gridRows(headerRow: Element): Element[] {
  const width = headerRow.children.length;
  const like = (el: Element) => el !== headerRow && el.children.length >= Math.max(2, width - 1);
  let start: Element | null = headerRow;
  for (let depth = 0; start && depth < 3; depth++, start = start.parentElement) {
    const rows: Element[] = [];
    for (let el = start.nextElementSibling; el; el = el.nextElementSibling) {
      // A body whose children are rows, or (beside the header row itself) a row.
      const inner = Array.from(el.children).filter(like);
      if (inner.length > 0 && inner.every((child) => child.children.length > 0)) rows.push(...inner);
      else if (like(el) && start === headerRow) rows.push(el);
    }
    if (rows.length > 0) return rows;
  }
  return [];
}

/** Rows a CRM hides by class (Zoho's cruxHideRow, slds-hide, d-none…): its CSS is not consulted. */
const HIDING_CLASS = /hide|hidden|^d-none$/i;

function hiddenByClass(row: Element): boolean {
  for (const token of Array.from(row.classList)) if (HIDING_CLASS.test(token)) return true;
  return false;
}

function withNames(kind: HeaderTableKind, rows: Element[], nameIndex: number): Element[] {
  return shownByMarkup(rows).filter(
    (row) => !hiddenByClass(row) && present(deepText(cellsOf(kind, row)[nameIndex])) !== undefined,
  );
}

function fromTable(container: Element): HeaderTable | null {
  const headerRow = tableHeaderRow(container);
  if (!headerRow) return null;
  const kind: HeaderTableKind = container instanceof HTMLTableElement ? 'table' : 'aria';
  const columns = columnsOf(cellsOf(kind, headerRow));
  if (!columns) return null;
  return {
    kind,
    container,
    headerRow,
    columns,
    rows: withNames(kind, tableRows(container, headerRow), columns.name),
  };
}

function fromGridHeader(headerRow: Element): HeaderTable | null {
  const headers = Array.from(headerRow.children);
  if (headers.length < 2) return null;
  const columns = columnsOf(headers);
  // A list with only a name column is any list: a grid needs one more field to be a CRM list.
  if (!columns || Object.keys(columns).length < 2) return null;
  const rows = withNames('css-grid', gridRows(headerRow), columns.name);
  if (rows.length === 0) return null;
  return { kind: 'css-grid', container: headerRow.parentElement ?? headerRow, headerRow, columns, rows };
}

/**
 * Every table, grid or CSS-grid list under `root` whose header names a record column, largest first.
 * Looks in the light DOM first and through open shadow roots only when that finds nothing (the deep
 * walk visits every element).
 */
export function findHeaderTables(
  root: QueryRoot,
  options: { isActive?: (container: Element) => boolean } = {},
): HeaderTable[] {
  const found: HeaderTable[] = [];
  const inFound = (el: Element) => found.some((t) => t.container.contains(el));
  const scan = (query: (selector: string) => Element[]) => {
    for (const container of query(TABLE_SELECTOR)) {
      if (inFound(container)) continue;
      if (options.isActive && !options.isActive(container)) continue;
      const table = fromTable(container);
      if (table) found.push(table);
    }
    const headerRows = new Set(query(GRID_HEADER_SELECTOR));
    // A header row may carry no hook of its own, only its cells ("lyteExpTableHeader", columnheader).
    for (const cell of query(HEADER_CELL_SELECTOR))
      if (cell.parentElement) headerRows.add(cell.parentElement);
    for (const headerRow of headerRows) {
      if (inFound(headerRow) || headerRow.closest(TABLE_SELECTOR)) continue;
      if (options.isActive && !options.isActive(headerRow)) continue;
      const grid = fromGridHeader(headerRow);
      if (grid) found.push(grid);
    }
  };
  scan((selector) => safeQueryAll(root, selector));
  if (found.length === 0) scan((selector) => deepQueryAll(root, selector));
  return found.sort((a, b) => b.rows.length - a.rows.length);
}

/** One row's texts by field (placeholders such as "--" left out), and its name cell. */
export interface HeaderRowValues {
  nameCell: Element | null;
  values: Partial<Record<TableField, string>>;
}

/**
 * A row's name cell alone: the badge's anchor, asked for on every placement, where reading the
 * whole row again (every value's text) cost a full read per badge.
 */
export function headerNameCell(table: HeaderTable, row: Element): Element | null {
  if (table.kind === 'table' && row instanceof HTMLTableRowElement)
    return row.cells[table.columns.name] ?? null;
  return cellsOf(table.kind, row)[table.columns.name] ?? null;
}

export function readHeaderRow(table: HeaderTable, row: Element): HeaderRowValues {
  const cells = cellsOf(table.kind, row);
  const values: Partial<Record<TableField, string>> = {};
  for (const field of TABLE_FIELDS) {
    const index = table.columns[field];
    const text = index === undefined ? undefined : present(displayedValue(cells[index]));
    if (text !== undefined) values[field] = text;
  }
  const nameCell = cells[table.columns.name] ?? null;
  // A name cell often holds an avatar or a "Preview" button beside the link: the link is the name.
  const link = nameCell?.querySelector('a[href]');
  const name = link ? present(deepText(link)) : present(textWithoutControls(nameCell));
  if (name) values.name = name;
  return { nameCell, values };
}

const CONTROL_TAGS = new Set(['BUTTON', 'INPUT', 'SELECT']);

/** A cell's text without its buttons and inputs ("Preview", row checkboxes). */
function textWithoutControls(el: Element | null): string {
  if (!el) return '';
  if (CONTROL_TAGS.has(el.tagName)) return '';
  if (el.children.length === 0) return deepText(el);
  let text = '';
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
    else if (child.nodeType === 1) text += ` ${textWithoutControls(child as Element)} `;
  }
  return text.replace(/\s+/g, ' ').trim();
}
