/** Limits enforced by the server and shown by the web forms. */
export const LIMITS = {
  unitCode: 32,
  unitName: 200,
  shortName: 80,
  address: 300,
  reason: 1000,
  personName: 120,
  pageSizeMax: 100,
  pageSizeDefault: 20,
  importRowsMax: 20000,
  searchQueryMax: 100,
  passwordMin: 10,
  passwordMax: 200,
} as const;
