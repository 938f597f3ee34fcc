import { Injectable } from '@nestjs/common';
import { municipalitiesOfRegion, todayInDenmark } from '@platform/domain';
import { decodeCursor, encodeCursor, pageOf, ProblemException } from '@platform/http';
import { UnitOfWork } from '@platform/kit';
import { ActivityRepository } from '../activity/activity.repository';
import { OccupancyHistory } from '../activity/occupancy-history.repository';
import type { Tx } from '../database/prisma.service';
import { dailyOccupancy, occupancyPeriod } from './domain/occupancy-history';
import type { OccupancyQuery } from './dto/occupancy.query';
import type { SearchOffersQuery } from './dto/search-offers.query';
import type { OccupancyHistoryView } from './occupancy.view';
import { OfferQuery, type OfferDetails, type OfferFilter } from './offer-query';
import { toOfferView, type OfferPage, type OfferView } from './offer.view';

/** The public directory: one offer, or a page of a search, each with its occupancy. */
@Injectable()
export class OfferReader {
  constructor(
    private readonly query: OfferQuery,
    private readonly activity: ActivityRepository,
    private readonly history: OccupancyHistory,
    private readonly uow: UnitOfWork,
  ) {}

  async get(id: string, tx?: Tx): Promise<OfferView> {
    const offer = await this.query.one(id, tx);
    if (!offer) throw ProblemException.notFound(`offer ${id}`);
    return (await this.withOccupancy([offer], tx))[0];
  }

  /** The view of an offer a command just changed, read in the request's transaction (not yet committed). */
  current(id: string): Promise<OfferView> {
    return this.uow.run((tx: Tx) => this.get(id, tx));
  }

  async search(q: SearchOffersQuery): Promise<OfferPage> {
    // the directory's order: by name, then id
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const rows = await this.query.page(filterOf(q), q.limit + 1, after && { name: after.key, id: after.id });
    const page = pageOf(rows, q.limit, (row) => encodeCursor({ key: row.name, id: row.id }));
    return { items: await this.withOccupancy(page.items), nextCursor: page.nextCursor };
  }

  /** The offer's occupancy per day of the period (404 for an unknown offer). */
  async occupancy(id: string, q: OccupancyQuery): Promise<OccupancyHistoryView> {
    const { from, to } = occupancyPeriod(q, todayInDenmark());
    if (!(await this.query.one(id))) throw ProblemException.notFound(`offer ${id}`);
    const recorded = await this.history.between(id, from, to);
    return { offerId: id, from, to, days: dailyOccupancy(recorded, from, to) };
  }

  /** Views of offers with their occupancy, counted once per referral by the activity read model. */
  async withOccupancy(offers: OfferDetails[], tx?: Tx): Promise<OfferView[]> {
    const occupied = await this.activity.occupancy(
      offers.map((o) => o.id),
      tx,
    );
    return offers.map((o) => toOfferView(o, occupied.get(o.id) ?? 0));
  }
}

function filterOf(q: SearchOffersQuery): OfferFilter {
  const inArea = (codes: string[] | undefined, more: string[]) =>
    codes ? codes.filter((c) => more.includes(c)) : more;
  let municipalityCodes: string[] | undefined;
  if (q.region) municipalityCodes = municipalitiesOfRegion(q.region, todayInDenmark()).map((m) => m.code);
  if (q.municipality) municipalityCodes = inArea(municipalityCodes, [q.municipality]);
  return {
    targetGroup: q.targetGroup,
    level: q.level,
    municipalityCodes,
    freePlaces: q.freePlaces,
    functionType: q.function,
    operatorCode: q.operator,
    status: q.status,
  };
}
