import { addDays, daysBetween, isBefore, ValidationFailed, type IsoDate } from '@platform/domain';

/** The longest period one request may ask for: a year of days is a chart, more is an export. */
export const MAX_OCCUPANCY_DAYS = 366;
/** Without `from`, the chart shows the last 90 days up to `to`. */
export const DEFAULT_OCCUPANCY_DAYS = 90;

/** One day of an offer's occupancy: the counts at the end of the day. */
export interface OccupancyPoint {
  day: IsoDate;
  occupied: number;
  places: number;
}

/** A period of occupancy asked for that cannot be answered. */
export class InvalidOccupancyPeriod extends ValidationFailed {
  constructor(message: string, pointer: string) {
    super('INVALID_OCCUPANCY_PERIOD', message, [pointer]);
  }
}

/** The period asked for, defaults filled in: to = today, from = 90 days up to `to`; never beyond today. */
export function occupancyPeriod(
  query: { from?: IsoDate; to?: IsoDate },
  today: IsoDate,
): { from: IsoDate; to: IsoDate } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, 1 - DEFAULT_OCCUPANCY_DAYS);
  if (isBefore(to, from)) throw new InvalidOccupancyPeriod(`to (${to}) is before from (${from})`, 'query:to');
  if (daysBetween(from, to) + 1 > MAX_OCCUPANCY_DAYS) {
    throw new InvalidOccupancyPeriod(`at most ${MAX_OCCUPANCY_DAYS} days from ${from}`, 'query:to');
  }
  return { from, to: isBefore(today, to) ? today : to };
}

/**
 * Every day of [from, to] from the recorded days (sorted; the first may lie before `from`): a day without a record
 * keeps the latest earlier one. Days before the first record are left out: nothing is known of them.
 */
export function dailyOccupancy(
  recorded: readonly OccupancyPoint[],
  from: IsoDate,
  to: IsoDate,
): OccupancyPoint[] {
  const days: OccupancyPoint[] = [];
  let next = 0;
  let current: OccupancyPoint | undefined;
  for (let day = from; !isBefore(to, day); day = addDays(day, 1)) {
    while (next < recorded.length && !isBefore(day, recorded[next].day)) current = recorded[next++];
    if (current) days.push({ day, occupied: current.occupied, places: current.places });
  }
  return days;
}
