/**
 * The data.go.kr source: the weather at each station's forecast grid point (초단기실황 and
 * 초단기예보), fetched or saved, as each station's sky and temperature.
 */
import { fetchDatagokrWeather, gridKey, type DatagokrResult } from './datagokr.js';
import { readDatagokrInput } from './datagokr-input.js';
import { FeedError } from './errors.js';
import type { GridPoint } from './grid.js';
import {
  INPUT_MAX_BYTES,
  SOURCE_DEFAULTS,
  type SavedInput,
  type Source,
  type SourceQuery,
  type SourceReading,
  type StationWeather,
  type SourceSettings,
} from './source.js';
import type { ResolvedStation } from './station-query.js';

const LABEL = 'data.go.kr';

/** The grid points of the stations; a station outside the table has none and is refused. */
function gridPoints(stations: readonly ResolvedStation[]): GridPoint[] {
  const outside = stations.filter((station) => station.nx === null || station.ny === null);
  if (outside.length > 0) {
    const names = outside.map((s) => `${s.id} ${s.ko}`).join(', ');
    throw new FeedError(
      'usage',
      `--stations: ${names} ${outside.length > 1 ? 'are' : 'is'} not in the built-in table of ASOS stations, so data.go.kr has no forecast grid point for ${outside.length > 1 ? 'them' : 'it'}`,
      'Choose stations of the table (numbers or names, as 140 or 군산), or read ASOS numbers outside it with --source apihub',
    );
  }
  return stations.map(({ nx, ny }) => ({ nx: nx!, ny: ny! }));
}

/** Each station's weather from its grid point's; a point without data is a gap, with the reason. */
function reading(
  result: DatagokrResult,
  stations: readonly ResolvedStation[],
  from: { readonly label: string; readonly requests: number },
): SourceReading {
  const weather = new Map<number, StationWeather>();
  const gaps = new Map<number, string>();
  for (const station of stations) {
    const point = result.points.get(gridKey({ nx: station.nx!, ny: station.ny! }));
    if (point && (point.temp !== null || point.sky !== null)) {
      weather.set(station.id, { sky: point.sky, temp: point.temp });
    } else {
      gaps.set(station.id, point?.problem ?? `no data at grid ${station.nx},${station.ny}`);
    }
  }
  return { hour: result.hour, ...from, weather, gaps };
}

/** The data.go.kr source. `settings.key` is the service key, in either of the portal's forms. */
export function datagokrSource(settings: SourceSettings): Source {
  async function fetchWeather(query: SourceQuery): Promise<SourceReading> {
    const points = gridPoints(query.stations);
    const result = await fetchDatagokrWeather({
      ...SOURCE_DEFAULTS,
      ...settings,
      points,
      serviceKey: settings.key ?? '',
      time: query.time,
      now: query.now,
      onRequest: () => settings.onRequest?.(),
    });
    return reading(result, query.stations, { label: LABEL, requests: result.requests });
  }

  async function readSaved(input: SavedInput, query: SourceQuery): Promise<SourceReading> {
    const points = gridPoints(query.stations);
    const decoder = new TextDecoder('utf-8');
    const files = input.files.map((file) => {
      if (file.bytes.length > INPUT_MAX_BYTES) {
        throw new FeedError(
          'file',
          `--input ${file.name} is larger than a data.go.kr answer can be`,
          'Save each answer of getUltraSrtNcst or getUltraSrtFcst as its own .json file',
        );
      }
      return { name: file.name, text: decoder.decode(file.bytes) };
    });
    const result = await readDatagokrInput(files, { points, time: query.time, log: settings.log });
    // Saved answers are read through the same code as fetched ones, but reach no portal.
    return reading(result, query.stations, { label: input.name, requests: 0 });
  }

  return { name: 'datagokr', label: LABEL, fetch: fetchWeather, read: readSaved };
}
