import { StrictMode } from 'react'
import type { Root } from 'react-dom/client'
import { FamilyApp } from './FamilyApp'

/** The family's pages on their own: no staff app, no session, no menu. */
export function mount(root: Root) {
  root.render(
    <StrictMode>
      <FamilyApp />
    </StrictMode>,
  )
}
