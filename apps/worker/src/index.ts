export * from './worker'
export * from './handlers'
