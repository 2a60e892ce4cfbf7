import { describe, expect, it } from 'vitest';
import { BINARY_MESSAGE, sniffBytes, sniffCsv, sniffText } from '../../../lib/import/sniff';
import { fixtureBytes, fixtureFile, fixtureText } from './fixtures';

describe('sniffCsv on the sample files', () => {
  it.each([
    ['kpi-series-en.csv', ',', '\n', false, 5],
    ['kpi-series-vi-semicolon.csv', ';', '\r\n', true, 5],
    ['hubspot-contacts-export.csv', ',', '\n', false, 11],
    ['hubspot-deals-export.csv', ',', '\n', false, 10],
    ['salesforce-opportunities-report.csv', ',', '\n', false, 12],
    ['pipedrive-deals-export.csv', ',', '\n', false, 13],
    ['zoho-leads-export.csv', ',', '\n', false, 10],
    ['channel-spend.csv', ',', '\n', false, 6],
  ])('%s: delimiter %j, newline %j, BOM %s, %d columns', async (name, delimiter, newline, bom, columns) => {
    const r = await sniffCsv(fixtureFile(name));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r).toMatchObject({ delimiter, newline, hadBom: bom, hasHeader: true, columnCount: columns });
    expect(r.delimiterConfident).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('strips the BOM from the first header and reads Vietnamese headers', async () => {
    const r = await sniffCsv(fixtureFile('kpi-series-vi-semicolon.csv'));
    if (!r.ok) throw new Error(r.message);
    expect(r.headers).toEqual(['Ngày', 'Giá trị', 'Kênh', 'Phân khúc', 'Ghi chú']);
    expect(r.rows[0]).toEqual(['01/01/2024', '1.234,5', 'Facebook', 'SME', '']);
    expect(r.rows).toHaveLength(6);
  });

  it('gives the same answer for the text as for the file', async () => {
    const fromFile = await sniffCsv(fixtureFile('kpi-series-vi-semicolon.csv'));
    const fromText = await sniffCsv(fixtureText('kpi-series-vi-semicolon.csv'));
    expect(fromText).toEqual(fromFile);
  });

  it('keeps quoted line breaks inside a preview cell', async () => {
    const r = await sniffCsv(fixtureFile('embedded-quotes-newlines.csv'));
    if (!r.ok) throw new Error(r.message);
    expect(r.rows[1]).toEqual(['2024-01-02', '95', 'google', 'Line one\nline two']);
    expect(r.rows[2]?.[2]).toBe('facebook, paid');
  });

  it('wrong-delimiter.csv: picks ";" from the data rows but is not confident and says why', async () => {
    const r = await sniffCsv(fixtureFile('wrong-delimiter.csv'));
    if (!r.ok) throw new Error(r.message);
    expect(r.delimiter).toBe(';');
    expect(r.delimiterConfident).toBe(false);
    expect(r.warnings).toEqual(['Rows have different numbers of columns: check the delimiter.']);
  });

  it('salesforce report footers do not shake the delimiter guess', async () => {
    const r = await sniffCsv(fixtureFile('salesforce-opportunities-report.csv'));
    if (!r.ok) throw new Error(r.message);
    expect(r.delimiterConfident).toBe(true);
  });

  it('empty.csv is refused as empty, and so is a file of blank lines', async () => {
    expect(await sniffCsv(fixtureFile('empty.csv'))).toEqual({
      ok: false,
      reason: 'empty',
      message: 'This file is empty',
    });
    expect(sniffText('\uFEFF\n\n  \n')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('binary-renamed.csv is refused as binary with a clear message', async () => {
    expect(fixtureBytes('binary-renamed.csv').slice(0, 4)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect(await sniffCsv(fixtureFile('binary-renamed.csv'))).toEqual({
      ok: false,
      reason: 'binary',
      message: BINARY_MESSAGE,
    });
    expect(BINARY_MESSAGE).toBe('This file is not text (it looks binary)');
  });

  it('refuses text full of control characters, but not tabs', () => {
    expect(sniffText('a\u0001b\u0002c\u0003,d\u0004e\n')).toMatchObject({ ok: false, reason: 'binary' });
    expect(sniffText('date\tvalue\n2024-01-01\t5\n')).toMatchObject({ ok: true, delimiter: '\t' });
  });
});

describe('sniffBytes', () => {
  it('reads UTF-16LE with a BOM (Excel "Unicode text") despite its NUL bytes', () => {
    const text = 'Ngày\tGiá trị\n2024-01-01\t5\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const r = sniffBytes(bytes);
    expect(r).toMatchObject({ ok: true, encoding: 'utf-16le', hadBom: true, delimiter: '\t' });
    if (r.ok) expect(r.headers).toEqual(['Ngày', 'Giá trị']);
  });

  it('warns about Windows-1258/1252 bytes that are not UTF-8', () => {
    // "Kênh" in Windows-1252: ê = 0xEA, not valid UTF-8 on its own.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('K'),
      0xea,
      ...new TextEncoder().encode('nh,value\nfb,1\n'),
    ]);
    const r = sniffBytes(bytes);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings[0]).toMatch(/not UTF-8/);
  });

  it('drops the cut-off last line of a truncated sample', () => {
    const r = sniffBytes(new TextEncoder().encode('a,b\n1,2\n3,4\n5,'), true);
    expect(r.ok && r.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});

describe('header detection', () => {
  it('treats a first row of dates and numbers as data and names the columns', () => {
    const r = sniffText('2024-01-01,120\n2024-01-02,95\n');
    expect(r).toMatchObject({ ok: true, hasHeader: false, headers: ['Column 1', 'Column 2'] });
    if (r.ok) expect(r.rows).toHaveLength(2);
  });

  it('pipe-delimited files are recognised', () => {
    expect(sniffText('date|value\n2024-01-01|1\n2024-01-02|2\n')).toMatchObject({ ok: true, delimiter: '|' });
  });
});

describe('sampling a large file', () => {
  it('does not mistake a character cut by the sample edge for a non-UTF-8 byte', async () => {
    const line = 'Ngày,Giá trị\n';
    const body = Array.from({ length: 4000 }, (_, i) => `2024-01-01,${i} đồng\n`).join('');
    const file = new File([line + body], 'big.csv');
    // 'đ' is two bytes in UTF-8: try every cut position around one of them.
    for (let cut = 1000; cut < 1020; cut++) {
      const r = await sniffCsv(file, cut);
      expect(r.ok && r.warnings).toEqual([]);
    }
  });
});
