import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { NetworkView } from '@hearth/contracts/network'
import { api } from '../../api'

export type Network = z.infer<typeof NetworkView>
export type Person = Network['people'][number]
export type Link = Network['links'][number]

export const useNetwork = (familyId: string) =>
  useQuery({
    queryKey: ['network', familyId],
    queryFn: () => api<Network>('GET', `/api/families/${familyId}/network`),
  })

/** A change to the network: the answer is the whole network as it now stands. */
export function useNetworkChange(familyId: string, method: string, path: string, onDone?: () => void) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: unknown) => api<Network>(method, `/api/families/${familyId}/network${path}`, body),
    onSuccess: (n) => {
      queryClient.setQueryData(['network', familyId], n)
      void queryClient.invalidateQueries({ queryKey: ['chronology', familyId] })
      onDone?.()
    },
    // someone else changed it: show it as it now is
    onError: () => void queryClient.invalidateQueries({ queryKey: ['network', familyId] }),
  })
}

/** "Nan Quillby (Mum’s mum), born 1958, lives with the family". */
export function personWords(p: Person): string {
  const parts = [p.role ? `${p.name} (${p.role})` : p.name]
  if (p.expected) parts.push('expected')
  if (p.bornYear) parts.push(`born ${p.bornYear}`)
  if (p.diedYear) parts.push(`died ${p.diedYear}`)
  if (p.inHousehold) parts.push('lives with the family')
  return parts.join(', ')
}
