export const byDue = <T extends { dueDate: string }>(list: T[]) =>
  list.sort((a, b) => a.dueDate.localeCompare(b.dueDate))
