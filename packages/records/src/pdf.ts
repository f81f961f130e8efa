import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import PdfPrinter from 'pdfmake'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'

/**
 * Roboto (Apache 2.0, shipped inside pdfmake), embedded in every document: PDF's built-in
 * Helvetica is not embedded, and some viewers then run the words together. Noto Naskh Arabic
 * (OFL) for Urdu.
 */
const require = createRequire(import.meta.url)
const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>
const font = (file: string) => Buffer.from(vfs[file]!, 'base64')
const naskh = readFileSync(
  require.resolve('@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf'),
)
const printer = new PdfPrinter({
  Naskh: { normal: naskh, bold: naskh, italics: naskh, bolditalics: naskh },
  Roboto: {
    normal: font('Roboto-Regular.ttf'),
    bold: font('Roboto-Medium.ttf'),
    italics: font('Roboto-Italic.ttf'),
    bolditalics: font('Roboto-MediumItalic.ttf'),
  },
})

/** A document as PDF bytes. */
export function pdfOf(doc: TDocumentDefinitions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = printer.createPdfKitDocument(doc)
    const chunks: Buffer[] = []
    pdf.on('data', (c: Buffer) => chunks.push(c))
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
    pdf.end()
  })
}
