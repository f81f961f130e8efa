/**
 * A table marked `hearth-stack` becomes stacked rows on a phone (hearth.css): each cell on its own
 * line, named by its column. The names come from the table's own headings, here, so a page only
 * marks its table; a cell that names itself (`data-label`) keeps its own.
 */
export function labelStackedCells(root: ParentNode) {
  for (const table of root.querySelectorAll<HTMLTableElement>('table.hearth-stack')) {
    const heads = [...table.querySelectorAll('thead th')].map((th) =>
      (th.textContent ?? '').replace(/\s+/g, ' ').trim(),
    )
    for (const row of table.tBodies[0]?.rows ?? []) {
      let column = 0
      for (const cell of row.cells) {
        const label = heads[column]
        column += cell.colSpan || 1
        if (cell.tagName !== 'TD' || cell.hasAttribute('data-label') || !label) continue
        cell.setAttribute('data-label', label)
      }
    }
  }
}
