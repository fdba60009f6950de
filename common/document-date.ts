/**
 * The date line of a Vietnamese administrative document: "Tây Ninh, ngày 05 tháng 02 năm 2026".
 * As Decree 30/2020/NĐ-CP asks, days below 10 and the months January and February take a leading
 * zero (so that nothing can be written in front of them); other months do not.
 */
export function documentDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

export function documentDateLine(place: string, iso: string): string {
  return `${place}, ${documentDate(iso)}`;
}
