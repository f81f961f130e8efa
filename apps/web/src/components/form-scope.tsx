import { createContext, type ReactNode, useContext } from 'react'
import { fieldId as baseId } from './errors'

/** Where two forms on a page share field names, each wraps itself in a scope to keep ids unique. */
export const Scope = createContext('')
export function FormScope({ name, children }: { name: string; children: ReactNode }) {
  return <Scope.Provider value={name}>{children}</Scope.Provider>
}
export function useFieldId(apiField: string) {
  const scope = useContext(Scope)
  return scope ? `${scope}-${baseId(apiField)}` : baseId(apiField)
}
