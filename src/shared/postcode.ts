// One normaliser for UK postcodes, used by forms, files and the job board's distance search
// (shared/reference/recruitment-training.md §9).

/** A full postcode: outward code (area, district, optional letter) and inward code (sector, unit). */
const FULL = /^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9][A-Z]{2})$/;
/** An outward code on its own ("WA7"), which the distance search also takes. */
const OUTWARD = /^[A-Z]{1,2}[0-9][0-9A-Z]?$/;

/** "wa7 1ab" → "WA7 1AB"; null when it is not the shape of a UK postcode. */
export function normalisePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  const m = FULL.exec(compact);
  return m ? `${m[1]} ${m[2]}` : null;
}

/** The outward code (postcode district) of a full postcode or of an outward code typed alone. */
export function outwardCode(input: string): string | null {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  const m = FULL.exec(compact);
  if (m) return m[1];
  return OUTWARD.test(compact) ? compact : null;
}

/** Miles between two points on the Earth (haversine): close enough for "within 10 miles". */
export function milesBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 3958.8 * Math.asin(Math.sqrt(h));
}
