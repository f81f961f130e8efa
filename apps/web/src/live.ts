import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'

/**
 * Listens to the server's live events and refreshes what they touch. Events carry ids only;
 * the data is re-read through the API with the person's own access.
 */
export function useLiveEvents(onEvent?: (type: string, data: Record<string, unknown>) => void) {
  const queryClient = useQueryClient()
  useEffect(() => {
    const source = new EventSource('/api/events')
    const handle = (type: string) => (e: MessageEvent) => {
      void queryClient.invalidateQueries({ queryKey: ['offers'] })
      void queryClient.invalidateQueries({ queryKey: ['referrals'] })
      void queryClient.invalidateQueries({ queryKey: ['board'] })
      void queryClient.invalidateQueries({ queryKey: ['my-day'] })
      void queryClient.invalidateQueries({ queryKey: ['tasks'] })
      void queryClient.invalidateQueries({ queryKey: ['insight'] })
      void queryClient.invalidateQueries({ queryKey: ['chronology'] })
      void queryClient.invalidateQueries({ queryKey: ['notes'] })
      void queryClient.invalidateQueries({ queryKey: ['plan'] })
      void queryClient.invalidateQueries({ queryKey: ['case-process'] })
      void queryClient.invalidateQueries({ queryKey: ['family-voice'] })
      void queryClient.invalidateQueries({ queryKey: ['family-messages'] })
      onEvent?.(type, JSON.parse(e.data))
    }
    const types = [
      'offer.created',
      'referral.open_case',
      'referral.unroutable',
      'board.changed',
      'tasks.changed',
      'insight.changed',
      'note.finalised',
      'plan.changed',
      'clocks.alerted',
      'family.said',
    ]
    // The server ended the stream: signed out, or this person's roles or teams changed.
    // Who they are now is read again (a signed-out page goes to sign-in).
    const sessionChanged = () => void queryClient.invalidateQueries({ queryKey: ['me'] })
    const listeners = [...types.map((t) => [t, handle(t)] as const), ['session.changed', sessionChanged] as const]
    for (const [t, l] of listeners) source.addEventListener(t, l)
    return () => {
      for (const [t, l] of listeners) source.removeEventListener(t, l)
      source.close()
    }
  }, [queryClient, onEvent])
}
