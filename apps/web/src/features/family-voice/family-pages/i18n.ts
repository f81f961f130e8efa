import i18next, { type BackendModule } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { LINK_LANGUAGES, type LinkLanguage } from '@hearth/domain/family-voice'

/**
 * The family's pages in their language. Each language is its own small bundle, loaded only when
 * chosen; staff screens stay English and never load these.
 */
const lazyBundles: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load: Record<LinkLanguage, () => Promise<{ default: object }>> = {
      en: () => import('./locales/en'),
      pl: () => import('./locales/pl'),
      ur: () => import('./locales/ur'),
    }
    const chosen = load[language as LinkLanguage] ?? load.en
    chosen().then(
      (m) => callback(null, m.default as never),
      (err: Error) => callback(err, false),
    )
  },
}

let ready: Promise<unknown> | null = null

/** Starts i18next once, in the given language; later calls change the language. */
export function startLanguage(language: LinkLanguage) {
  if (!ready) {
    ready = i18next
      .use(lazyBundles)
      .use(initReactI18next)
      .init({
        lng: language,
        fallbackLng: 'en',
        supportedLngs: Object.keys(LINK_LANGUAGES),
        interpolation: { escapeValue: false }, // React escapes
        react: { useSuspense: false },
      })
    return ready
  }
  return ready.then(() => i18next.changeLanguage(language))
}

/** Sets the page's language and direction (right to left for Urdu) on the document. */
export function applyDirection(language: LinkLanguage, root: HTMLElement = document.documentElement) {
  root.lang = language === 'en' ? 'en-GB' : language
  root.dir = LINK_LANGUAGES[language].dir
}

export const LOCALE: Record<LinkLanguage, string> = { en: 'en-GB', pl: 'pl-PL', ur: 'ur-PK' }
