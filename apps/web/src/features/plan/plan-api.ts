import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { PlanItemView, PlanView } from '@hearth/contracts/plan'
import { api } from '../../api'

export type Plan = z.infer<typeof PlanView>
export type PlanItem = z.infer<typeof PlanItemView>

export const usePlan = (familyId: string) =>
  useQuery({ queryKey: ['plan', familyId], queryFn: () => api<Plan>('GET', `/api/families/${familyId}/plan`) })

export const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
