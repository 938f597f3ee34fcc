/**
 * The Prisma `where` and `orderBy` of one page of a newest-first list (by `createdAt`, then `id`, both
 * descending): the rows after the cursor's row, the last row of the previous page.
 */
export function newestFirst(after: { at: Date; id: string } | undefined) {
  return {
    where: after
      ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }
      : {},
    orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }],
  };
}
