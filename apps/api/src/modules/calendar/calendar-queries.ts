export { councilHolidays } from '@hearth/db/case-process'
