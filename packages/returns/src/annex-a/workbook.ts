import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { AnnexList, AnnexPeriod } from './lists'
import { ukDate } from './lists'

/**
 * The Annex A workbook: one sheet per list, its columns as Ofsted names them, written as a stream
 * (rows are committed as they go, so a large council's lists are never all held as cells).
 */
export async function annexWorkbook(lists: AnnexList[], p: AnnexPeriod, councilName: string): Promise<Buffer> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', () => resolve())
    out.on('error', reject)
  })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true })
  wb.creator = 'Hearth'
  const about = wb.addWorksheet('About')
  about.addRow([`${councilName}: Ofsted Annex A`]).commit()
  about.addRow([`Period: ${ukDate(p.from)} to ${ukDate(p.to)}`]).commit()
  about
    .addRow([
      'Made by Hearth from its own records. Dates are dd/mm/yyyy; ages are whole years (−1 for an unborn child).',
    ])
    .commit()
  for (const l of lists) about.addRow([`List ${l.number}, ${l.name}: ${l.note ?? `${l.rows.length} rows`}`]).commit()
  about.commit()
  for (const l of lists) {
    const ws = wb.addWorksheet(`List ${l.number}`)
    if (l.note) ws.addRow([l.note]).commit()
    if (l.columns.length) {
      const head = ws.addRow(l.columns)
      head.font = { bold: true }
      head.commit()
      for (const r of l.rows) ws.addRow(r).commit()
    }
    ws.commit()
  }
  await wb.commit()
  await done
  return Buffer.concat(chunks)
}
