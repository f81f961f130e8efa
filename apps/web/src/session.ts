import { useQuery } from '@tanstack/react-query'
import type { Me } from '@hearth/contracts/auth'
import type { Role } from '@hearth/domain/roles'
import { fetchMe } from './api'

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: fetchMe, staleTime: 60_000 })
}

export function hasRole(me: Me | null | undefined, ...roles: Role[]) {
  return !!me && roles.some((r) => me.roles.includes(r))
}
