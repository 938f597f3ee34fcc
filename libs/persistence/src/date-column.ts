/**
 * A DATE column reads as midnight UTC of its day (see PgDatabase's type parser, and Prisma does the same);
 * these turn it into the calendar day `YYYY-MM-DD` and back.
 */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
export const dateOf = (day: string): Date => new Date(`${day}T00:00:00Z`);
