/**
 * `near:` as SQL: a bounding box on the indexed gps_lat/gps_lon columns narrows the rows
 * cheaply, then the exact great-circle (haversine) distance decides. The box is the
 * exact one for a spherical cap (J. Matuschek, "Finding points within a distance of a
 * latitude/longitude using bounding coordinates"), split in two where it crosses the
 * antimeridian, and opened to all longitudes where it reaches a pole.
 */
import { sql, type Sql } from './sql';

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;
/** Half the Earth's circumference: every point is within this. */
export const MAX_NEAR_KM = 20_015;

const degrees = (rad: number): number => (rad * 180) / Math.PI;
const radians = (deg: number): number => (deg * Math.PI) / 180;

function longitudeBox(lon: number, delta: number): Sql {
  const min = lon - delta;
  const max = lon + delta;
  if (min < -180) return sql`(s.gps_lon >= ${min + 360} OR s.gps_lon <= ${max})`;
  if (max > 180) return sql`(s.gps_lon >= ${min} OR s.gps_lon <= ${max - 360})`;
  return sql`s.gps_lon BETWEEN ${min} AND ${max}`;
}

/** Items whose recorded position is within `km` of (lat, lon). Items without one never match. */
export function nearSql(lat: number, lon: number, km: number): Sql {
  const angular = km / EARTH_RADIUS_KM;
  const latMin = lat - degrees(angular);
  const latMax = lat + degrees(angular);
  const reachesPole = latMin <= -90 || latMax >= 90;
  const lonBox = reachesPole ? sql`s.gps_lon IS NOT NULL` : longitudeBox(lon, degrees(Math.asin(Math.sin(angular) / Math.cos(radians(lat)))));
  // min(1, …) keeps rounding from handing asin a value just above 1 for antipodal points.
  const distance = sql`2 * ${EARTH_RADIUS_KM} * asin(min(1, sqrt(
      pow(sin(radians(s.gps_lat - ${lat}) / 2), 2) +
      cos(radians(${lat})) * cos(radians(s.gps_lat)) * pow(sin(radians(s.gps_lon - ${lon}) / 2), 2))))`;
  return sql`(s.gps_lat BETWEEN ${Math.max(latMin, -90)} AND ${Math.min(latMax, 90)} AND ${lonBox} AND ${distance} <= ${km})`;
}
