import { NotFoundError } from '../errors/domain-error';

export class UnknownMunicipalityError extends NotFoundError {
  constructor(readonly municipalityCode: string) {
    super('MUNICIPALITY_UNKNOWN', `no municipality has code ${JSON.stringify(municipalityCode)}`);
  }
}

export class UnknownRegionError extends NotFoundError {
  constructor(readonly regionCode: string) {
    super('REGION_UNKNOWN', `no region has code ${JSON.stringify(regionCode)}`);
  }
}

/** The municipality exists but belonged to no region on that date (e.g. before the 2007 reform). */
export class NoRegionOnDateError extends NotFoundError {
  constructor(
    readonly municipalityCode: string,
    readonly date: string,
  ) {
    super(
      'REGION_NOT_FOUND_ON_DATE',
      `municipality ${municipalityCode} belonged to no known region on ${date}`,
    );
  }
}
