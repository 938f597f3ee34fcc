import { dailyOccupancy, InvalidOccupancyPeriod, occupancyPeriod } from './occupancy-history';

describe('occupancy over time', () => {
  describe('the period asked for', () => {
    it('defaults to the 90 days up to today', () => {
      expect(occupancyPeriod({}, '2026-11-30')).toEqual({ from: '2026-09-02', to: '2026-11-30' });
    });

    it('counts 90 days back from a given end', () => {
      expect(occupancyPeriod({ to: '2026-03-31' }, '2026-11-30')).toEqual({
        from: '2026-01-01',
        to: '2026-03-31',
      });
    });

    it('ends today when asked for days to come', () => {
      expect(occupancyPeriod({ from: '2026-11-01', to: '2026-12-31' }, '2026-11-30')).toEqual({
        from: '2026-11-01',
        to: '2026-11-30',
      });
    });

    it('refuses an end before the start, and more than 366 days, naming `to`', () => {
      const refused = (q: { from?: string; to?: string }) => {
        try {
          occupancyPeriod(q, '2026-11-30');
        } catch (e) {
          return e;
        }
        return undefined;
      };
      expect(refused({ from: '2026-05-02', to: '2026-05-01' })).toBeInstanceOf(InvalidOccupancyPeriod);
      expect(refused({ from: '2025-01-01', to: '2026-01-02' })).toMatchObject({ pointers: ['query:to'] });
      expect(refused({ from: '2025-01-01', to: '2026-01-01' })).toBeUndefined(); // 366 days
    });
  });

  describe('one entry per day', () => {
    const recorded = [
      { day: '2026-10-28', occupied: 2, places: 5 },
      { day: '2026-11-02', occupied: 3, places: 5 },
      { day: '2026-11-04', occupied: 3, places: 6 },
    ];

    it('carries the latest earlier record into the days without one', () => {
      expect(dailyOccupancy(recorded, '2026-11-01', '2026-11-05')).toEqual([
        { day: '2026-11-01', occupied: 2, places: 5 },
        { day: '2026-11-02', occupied: 3, places: 5 },
        { day: '2026-11-03', occupied: 3, places: 5 },
        { day: '2026-11-04', occupied: 3, places: 6 },
        { day: '2026-11-05', occupied: 3, places: 6 },
      ]);
    });

    it('leaves out the days before the history began', () => {
      expect(dailyOccupancy(recorded.slice(1), '2026-11-01', '2026-11-03').map((d) => d.day)).toEqual([
        '2026-11-02',
        '2026-11-03',
      ]);
      expect(dailyOccupancy([], '2026-11-01', '2026-11-03')).toEqual([]);
    });
  });
});
