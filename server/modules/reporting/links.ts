/** Paths in the web app that notifications point to. */
export const reportLink = (reportId: string) => `/bao-cao/${reportId}`;
export const progressLink = (reportTypeId: string, periodKey: string, unitId: string) =>
  `/bao-cao/loai/${reportTypeId}?ky=${encodeURIComponent(periodKey)}&donVi=${unitId}`;
