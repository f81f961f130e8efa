import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** The text of a PDF, page after page (pdf.js, as a reader would see it), spaces made single. */
export async function pdfText(pdf: Uint8Array | Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise
  const pages: string[] = []
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent()
      pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '))
    }
  } finally {
    await doc.destroy()
  }
  return pages.join('\n').replace(/[ \t]+/g, ' ')
}
