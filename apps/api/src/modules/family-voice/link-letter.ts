import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { LinkLanguage } from '@hearth/domain/family-voice'
import { pdfOf } from '@hearth/records'

/**
 * The letter that sends a family their link, in their language: plain words, the address and
 * a QR code to scan. Urdu is set right to left in Noto Naskh Arabic; names, the address and the
 * web address stay on lines of their own (left to right), so no line mixes the two directions.
 */
const WORDS: Record<LinkLanguage, { hello: string; lines: string[]; scan: string; code: string; bye: string }> = {
  en: {
    hello: 'Dear',
    lines: [
      'This letter gives you your own private link to Hearth.',
      'With it you can see who your workers are, when we will see you next, and your plan.',
      'You can tell us how things are going, ask to move a visit, or tell us about a worry or a complaint.',
      'The link is only for you. Please do not share it. You do not need a password.',
      'Scan the square with your phone camera, or type the address below.',
    ],
    scan: 'Your link:',
    code: 'We will give you a short code separately. You will need it the first time you open the link.',
    bye: 'With best wishes,',
  },
  pl: {
    hello: 'Szanowni Państwo,',
    lines: [
      'W tym liście jest Państwa prywatny link do Hearth.',
      'Dzięki niemu zobaczą Państwo, kto z Wami pracuje, kiedy jest następna wizyta i jaki jest Wasz plan.',
      'Mogą Państwo napisać, jak idą sprawy, poprosić o zmianę terminu wizyty albo zgłosić obawę lub skargę.',
      'Link jest tylko dla Państwa. Prosimy nikomu go nie dawać. Hasło nie jest potrzebne.',
      'Proszę zeskanować kwadrat aparatem w telefonie albo wpisać adres poniżej.',
    ],
    scan: 'Państwa link:',
    code: 'Krótki kod przekażemy osobno. Będzie potrzebny przy pierwszym otwarciu linku.',
    bye: 'Z wyrazami szacunku,',
  },
  ur: {
    hello: 'محترم',
    lines: [
      'اس خط میں آپ کا اپنا نجی لنک ہے۔',
      'اس سے آپ دیکھ سکتے ہیں کہ آپ کے کارکن کون ہیں، ہم آپ سے اگلی بار کب ملیں گے، اور آپ کا منصوبہ کیا ہے۔',
      'آپ ہمیں بتا سکتے ہیں کہ حالات کیسے ہیں، ملاقات کا وقت بدلنے کا کہہ سکتے ہیں، یا کوئی فکر یا شکایت بتا سکتے ہیں۔',
      'یہ لنک صرف آپ کے لیے ہے۔ براہ کرم اسے کسی کو نہ دیں۔ پاس ورڈ کی ضرورت نہیں ہے۔',
      'اپنے فون کے کیمرے سے چوکور نشان کو اسکین کریں، یا نیچے دیا گیا پتہ لکھیں۔',
    ],
    scan: 'آپ کا لنک:',
    code: 'ہم آپ کو ایک مختصر کوڈ الگ سے دیں گے۔ پہلی بار لنک کھولنے پر اس کی ضرورت ہوگی۔',
    bye: 'نیک خواہشات کے ساتھ،',
  },
}

export interface LinkLetter {
  councilName: string
  language: LinkLanguage
  toName: string
  address: string[]
  url: string
  withCode: boolean
  teamLine: string
}

export function renderLinkLetter(d: LinkLetter): Promise<Buffer> {
  const w = WORDS[d.language]
  const rtl = d.language === 'ur'
  const say = (text: string, margin: [number, number, number, number] = [0, 0, 0, 10]): Content =>
    rtl ? { text, font: 'Naskh', alignment: 'right', margin } : { text, margin }
  const date = new Date().toLocaleDateString('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
  const doc: TDocumentDefinitions = {
    info: { title: `${d.councilName}: your link`, creator: 'Hearth' },
    defaultStyle: { font: 'Roboto', fontSize: 12, lineHeight: 1.3 },
    content: [
      { text: d.councilName, bold: true, fontSize: 14, margin: [0, 0, 0, 20] },
      ...d.address.map((l) => ({ text: l })),
      { text: date, margin: [0, 20, 0, 20] },
      say(w.hello, [0, 0, 0, 2]),
      { text: `${d.toName},`, margin: [0, 0, 0, 12], alignment: rtl ? 'right' : 'left' },
      ...w.lines.map((l) => say(l)),
      say(w.scan, [0, 6, 0, 6]),
      { qr: d.url, fit: 150, margin: [0, 0, 0, 8], alignment: rtl ? 'right' : 'left' },
      { text: d.url, fontSize: 10, margin: [0, 0, 0, 12], alignment: rtl ? 'right' : 'left' },
      ...(d.withCode ? [say(w.code)] : []),
      { text: d.teamLine, margin: [0, 0, 0, 10] },
      say(w.bye, [0, 10, 0, 0]),
      { text: `${d.councilName}, children and families`, alignment: rtl ? 'right' : 'left' },
    ],
  }
  return pdfOf(doc)
}
