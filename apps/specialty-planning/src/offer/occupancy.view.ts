import { namedSchema } from '@platform/http';
import { z } from 'zod';

const isoDate = z.string().meta({ format: 'date', example: '2026-11-30' });

/** An offer's occupancy per day: counts only, never the citizens. */
export const occupancyHistorySchema = namedSchema(
  'OfferOccupancyHistory',
  z
    .object({
      offerId: z.string().meta({ format: 'uuid' }),
      from: isoDate,
      to: isoDate.meta({
        description: 'The last day shown: the `to` asked for, or today if that is earlier',
      }),
      days: z.array(
        z.object({
          day: isoDate,
          occupied: z.number().int().meta({ description: 'Places taken at the end of the day (belægning)' }),
          places: z.number().int().meta({ description: 'Places (pladser) at the end of the day' }),
        }),
      ),
    })
    .meta({
      description:
        'One entry per day of the period since the history of the offer began (days before it are left out)',
    }),
);
export type OccupancyHistoryView = z.infer<typeof occupancyHistorySchema>;

export const OCCUPANCY_HISTORY_EXAMPLE: OccupancyHistoryView = {
  offerId: '6f1c2a9e-3b7d-4c21-9a51-0d2e8b7f4a10',
  from: '2026-11-28',
  to: '2026-11-30',
  days: [
    { day: '2026-11-28', occupied: 9, places: 12 },
    { day: '2026-11-29', occupied: 10, places: 12 },
    { day: '2026-11-30', occupied: 10, places: 14 },
  ],
};
