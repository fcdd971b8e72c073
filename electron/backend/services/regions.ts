import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { Area } from '../../../shared/contract/regions.ts';
import { titleCaseRegion } from '../../../shared/domain/names.ts';
import type { Handlers } from './handlers.ts';

// The Kemendagri lists ship with the app (idn-area-data), read once and kept in memory.
let cache: Promise<{ provinces: Area[]; regencies: Map<string, Area[]>; districts: Map<string, Area[]> }> | undefined;
let villageCache: Promise<Map<string, Area[]>> | undefined;

function groupBy<T>(rows: T[], key: (row: T) => string, toArea: (row: T) => Area): Map<string, Area[]> {
  const map = new Map<string, Area[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k) ?? [];
    list.push(toArea(row));
    map.set(k, list);
  }
  return map;
}

function loadAreas() {
  cache ??= (async () => {
    const [provinces, regencies, districts] = await Promise.all([getProvinces(), getRegencies(), getDistricts()]);
    return {
      provinces: provinces.map((p) => ({ code: p.code, name: titleCaseRegion(p.name) })),
      regencies: groupBy(regencies, (r) => r.province_code, (r) => ({ code: r.code, name: titleCaseRegion(r.name) })),
      districts: groupBy(districts, (d) => d.regency_code, (d) => ({ code: d.code, name: d.name })),
    };
  })();
  return cache;
}

function loadVillages() {
  villageCache ??= getVillages().then((rows) => groupBy(rows, (v) => v.district_code, (v) => ({ code: v.code, name: v.name })));
  return villageCache;
}

export async function provinces(): Promise<Area[]> {
  return (await loadAreas()).provinces;
}
export async function regencies(provinceCode: string): Promise<Area[]> {
  return (await loadAreas()).regencies.get(provinceCode) ?? [];
}
export async function districts(regencyCode: string): Promise<Area[]> {
  return (await loadAreas()).districts.get(regencyCode) ?? [];
}
export async function villages(districtCode: string): Promise<Area[]> {
  return (await loadVillages()).get(districtCode) ?? [];
}

/** The names along a kecamatan's code, or null when the code is not in the list. */
export async function lookupDistrict(code: string): Promise<{ province: Area; regency: Area; district: Area } | null> {
  const [p, r] = [code.slice(0, 2), code.slice(0, 5)];
  const province = (await provinces()).find((a) => a.code === p);
  const regency = (await regencies(p)).find((a) => a.code === r);
  const district = (await districts(r)).find((a) => a.code === code);
  return province && regency && district ? { province, regency, district } : null;
}

/** The names along a kota/kabupaten's code (`16.71`), or null when the code is not in the list. */
export async function lookupRegency(code: string): Promise<{ province: Area; regency: Area } | null> {
  const p = code.slice(0, 2);
  const province = (await provinces()).find((a) => a.code === p);
  const regency = (await regencies(p)).find((a) => a.code === code);
  return province && regency ? { province, regency } : null;
}

export const regionHandlers = {
  'regions.provinces': () => provinces(),
  'regions.regencies': ({ provinceCode }) => regencies(provinceCode),
  'regions.districts': ({ regencyCode }) => districts(regencyCode),
  'regions.villages': ({ districtCode }) => villages(districtCode),
} satisfies Partial<Handlers>;
