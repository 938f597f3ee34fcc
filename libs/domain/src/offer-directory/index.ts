// Reference data of the offer directory (the Tilbudsportalen role in specialty planning).
export * from './offer-legal-bases';
export * from './socialtilsyn';
