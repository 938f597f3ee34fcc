/** @asymmetrik/fhir-json-schema-validator ships no types: the part the FHIR export test uses. */
declare module '@asymmetrik/fhir-json-schema-validator' {
  export default class JSONSchemaValidator {
    validate(resource: unknown, verbose?: boolean): unknown[];
  }
}
