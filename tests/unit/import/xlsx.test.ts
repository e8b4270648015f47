/**
 * The .xlsx reader on small hand-written workbooks, one feature each. The sheet model is the
 * one the exceljs-based reader it replaced gave (compared on these, on Excel, LibreOffice and
 * Google Sheets files, and on the examples, when it was replaced), except where noted below:
 * exceljs gave "[object Object]", dropped a cached 0 / FALSE, or failed on a part it need not read.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { RawValue, Sheet } from '../../../src/lib/spreadsheet/sheet';
import { isDateFormat, readXlsx } from '../../../src/lib/spreadsheet/xlsx';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Book {
  sheets: { name: string; data: string; rest?: string; target?: string }[];
  strings?: string[];
  /** cellXfs numFmtIds, in order (style 0 first). */
  xfs?: number[];
  formats?: Record<number, string>;
  workbookPr?: string;
  extra?: Record<string, string>;
}

function xlsx(b: Book): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?>\n<workbook ${NS}>${b.workbookPr ?? ''}<sheets>${b.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${b.sheets
        .map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${s.target ?? `worksheets/sheet${i + 1}.xml`}"/>`)
        .join('')}</Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(`<sst ${NS}>${(b.strings ?? []).join('')}</sst>`),
    'xl/styles.xml': strToU8(
      `<styleSheet ${NS}><numFmts>${Object.entries(b.formats ?? {})
        .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`)
        .join('')}</numFmts><fonts><font><sz val="11"/></font></fonts><fills><fill/></fills><borders><border/></borders>` +
        `<cellXfs>${(b.xfs ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0"/>`).join('')}</cellXfs></styleSheet>`,
    ),
  };
  b.sheets.forEach((s, i) => {
    if (s.target === undefined)
      files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<worksheet ${NS}><sheetData>${s.data}</sheetData>${s.rest ?? ''}</worksheet>`);
  });
  for (const [k, v] of Object.entries(b.extra ?? {})) files[k] = strToU8(v);
  return zipSync(files);
}

async function sheets(b: Book): Promise<Sheet[]> {
  return (await readXlsx(xlsx(b), 'test.xlsx')).sheets;
}

async function row1(data: string, more: Omit<Book, 'sheets'> = {}): Promise<RawValue[]> {
  const [s] = await sheets({ sheets: [{ name: 'S', data: `<row r="1">${data}</row>` }], ...more });
  return s!.rows[0]!.cells;
}

const utc = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));

describe('cell values', () => {
  it('reads shared strings: plain, rich text joined, entities, _x000D_ escapes; phonetic guides are left out', async () => {
    const strings = [
      '<si><t>收入</t></si>',
      '<si><r><t>鱼塘</t></r><r><rPr><b/></rPr><t xml:space="preserve">承包费 </t></r></si>',
      '<si><t>A &amp; B &lt;C&gt; &#x4E2D;&#25991; &#128512;</t></si>',
      '<si><t>行一_x000D_行二_x000a_</t></si>',
      '<si><t>汉字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><t/></si>',
      '<si/>',
    ];
    const cells = await row1(strings.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join(''), { strings });
    // An empty <si/> read as "[object Object]" with exceljs.
    expect(cells).toEqual(['收入', '鱼塘承包费 ', 'A & B <C> 中文 😀', '行一\r行二_x000a_', '汉字', '', '']);
  });

  it('reads inline strings, str cells, numbers, booleans and error cells', async () => {
    const cells = await row1(
      '<c r="A1" t="inlineStr"><is><t>文字</t></is></c><c r="B1" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c>' +
        '<c r="C1" t="str"><v>a&amp;amp;b</v></c><c r="D1"><v>1234.5</v></c><c r="E1" t="n"><v>318.6</v></c>' +
        '<c r="F1" t="b"><v>1</v></c><c r="G1" t="b"><v>0</v></c><c r="H1" t="e"><v>#N/A</v></c>',
    );
    expect(cells).toEqual(['文字', '富文本', 'a&b', 1234.5, 318.6, true, false, { error: '#N/A' }]);
  });

  it('reads date-formatted numbers as dates (UTC midnight for a plain date), others as numbers', async () => {
    const xfs = [0, 14, 22, 46, 164, 165, 166, 167, 4, 31, 57];
    const formats = {
      164: 'yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;',
      165: 'yyyy\\-mm\\-dd',
      166: '&quot;¥&quot;#,##0.00',
      167: '#,##0.00;[Red]\\-#,##0.00',
    };
    const cells = await row1(
      xfs.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i}"><v>46298</v></c>`).join('') + '<c r="L1" s="2"><v>46298.5</v></c>',
      { xfs, formats },
    );
    const d = utc(2026, 10, 3);
    // Built-in formats 27–36 and 50–58 (Chinese-locale dates) are read as numbers, as exceljs read them.
    expect(cells).toEqual([46298, d, d, d, d, d, 46298, 46298, 46298, 46298, 46298, utc(2026, 10, 3, 12)]);
  });

  it('uses the 1904 date system when the workbook says so', async () => {
    expect(await row1('<c r="A1" s="1"><v>44836</v></c>', { xfs: [0, 14], workbookPr: '<workbookPr date1904="1"/>' })).toEqual([utc(2026, 10, 3)]);
    expect(await row1('<c r="A1" s="1"><v>44836</v></c>', { xfs: [0, 14], workbookPr: '<workbookPr date1904="0"/>' })).toEqual([utc(2022, 10, 2)]);
  });

  it('recognises date formats by y, m, d, h, s outside quotes and brackets', () => {
    for (const f of ['yyyy-mm-dd', 'mm-dd-yy', 'h:mm', '[$-F800]dddd, mmmm dd, yyyy', 'yyyy"年"m"月"d"日"']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '#,##0.00', '"¥"#,##0.00', '0.00_);[Red](0.00)', '"days"0', '@', undefined]) expect(isDateFormat(f), String(f)).toBe(false);
  });
});

describe('formulas', () => {
  it('reads the cached result, or { formula } when the file has none', async () => {
    const cells = await row1(
      '<c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>SUM(1,2)</f></c><c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
        '<c r="D1" t="b"><f>TRUE()</f><v>1</v></c><c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F1" s="1"><f>DATE(2026,10,3)</f><v>46298</v></c>',
      { xfs: [0, 14] },
    );
    expect(cells).toEqual([2, { formula: 'SUM(1,2)' }, 'ab', true, { error: '#DIV/0!' }, utc(2026, 10, 3)]);
  });

  it('keeps a cached 0 or FALSE (exceljs read these as formulas with no result)', async () => {
    expect(await row1('<c r="A1"><f>B1-B1</f><v>0</v></c><c r="B1" t="b"><f>1=2</f><v>0</v></c>')).toEqual([0, false]);
  });

  it('reads shared formulas through their results; one with none names the first cell of the group', async () => {
    const [s] = await sheets({
      sheets: [
        {
          name: 'S',
          data: '<row r="1"><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row><row r="2"><c r="B2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/></c></row>',
        },
      ],
    });
    expect(s!.rows.map((r) => r.cells)).toEqual([
      [null, 2],
      [null, 4],
      [null, { formula: 'B1' }],
    ]);
  });
});

describe('rows and merged cells', () => {
  it('leaves out empty rows, keeps row numbers, and reads styled empty cells as empty', async () => {
    const [s] = await sheets({
      sheets: [
        {
          name: 'S',
          data: '<row r="1"><c r="A1" s="1"/><c r="B1"/></row><row r="3"><c r="B3"><v>1</v></c><c r="D3" s="1"/></row><row r="4"/><row r="7"><c r="A7" t="inlineStr"><is><t>x</t></is></c></row>',
        },
      ],
      xfs: [0, 4],
    });
    expect(s!.rows).toEqual([
      { row: 3, cells: [null, 1, null, null] },
      { row: 7, cells: ['x'] },
    ]);
  });

  it('reads every cell of a merged range as its top-left value, rows made only by the merge included', async () => {
    const [s] = await sheets({
      sheets: [
        {
          name: 'S',
          data: '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>收入</t></is></c><c r="B2"><v>5</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>被覆盖</t></is></c><c r="B3"><v>6</v></c></row>',
          rest: '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A2:A4"/></mergeCells>',
        },
      ],
    });
    expect(s!.rows).toEqual([
      { row: 1, cells: ['标题', '标题', '标题'] },
      { row: 2, cells: ['收入', 5] },
      { row: 3, cells: ['收入', 6] },
      { row: 4, cells: ['收入'] },
    ]);
  });

  it('refuses overlapping merged ranges', async () => {
    await expect(
      sheets({ sheets: [{ name: 'S', data: '', rest: '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>' }] }),
    ).rejects.toThrow('Cannot merge already merged cells');
  });

  it('reads a hyperlinked cell as its own value (exceljs gave "[object Object]" for a number)', async () => {
    const [s] = await sheets({
      sheets: [
        {
          name: 'S',
          data: '<row r="1"><c r="A1" t="inlineStr"><is><t>网址</t></is></c><c r="B1"><v>42</v></c></row>',
          rest: '<hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" r:id="rId1"/></hyperlinks>',
        },
      ],
      extra: {
        'xl/worksheets/_rels/sheet1.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`,
      },
    });
    expect(s!.rows[0]!.cells).toEqual(['网址', 42]);
  });
});

describe('sheets and files', () => {
  it('lists worksheets in workbook order with trimmed names; chart sheets and missing parts are left out', async () => {
    const s = await sheets({
      sheets: [
        { name: ' 收支明细 ', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: 'A&amp;B', data: '' },
        { name: '图表', data: '', target: 'chartsheets/sheet1.xml' },
        { name: '缺失', data: '', target: 'worksheets/sheet9.xml' },
      ],
    });
    expect(s.map((x) => x.name)).toEqual(['收支明细', 'A&B']);
  });

  it('throws for bytes that are not a zip, and for a worksheet that is not well-formed XML', async () => {
    await expect(readXlsx(new Uint8Array([1, 2, 3, 4]), 'x.xlsx')).rejects.toThrow();
    await expect(sheets({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></row>' }] })).rejects.toThrow(/XML/);
  });

  it('reads nothing but the parts it needs (a broken part it does not use is no problem)', async () => {
    const s = await sheets({
      sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }],
      extra: { 'docProps/core.xml': '<a><b></a>', 'xl/theme/theme1.xml': 'not xml' },
    });
    expect(s[0]!.rows).toEqual([{ row: 1, cells: [1] }]);
  });
});
