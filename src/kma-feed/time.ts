/** KST (UTC+9, no daylight saving) times as KMA writes them: `YYYYMMDDHHmm`. */

const KST_OFFSET_MS = 9 * 3600_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A KST wall time held in a Date's UTC fields → `YYYYMMDDHHmm`. */
function format(kstAsUtc: Date): string {
  return (
    pad(kstAsUtc.getUTCFullYear(), 4) +
    pad(kstAsUtc.getUTCMonth() + 1) +
    pad(kstAsUtc.getUTCDate()) +
    pad(kstAsUtc.getUTCHours()) +
    pad(kstAsUtc.getUTCMinutes())
  );
}

function parse(time: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(time);
  if (!match) return undefined;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return format(date) === time ? date : undefined;
}

/** Whether a string is a real `YYYYMMDDHHmm` time. */
export function isKstTime(time: string): boolean {
  return parse(time) !== undefined;
}

/** The current hour in KST, `YYYYMMDDHH00`. */
export function latestHour(now: Date): string {
  const kst = new Date(now.getTime() + KST_OFFSET_MS);
  kst.setUTCMinutes(0, 0, 0);
  return format(kst);
}

/** A `YYYYMMDDHHmm` time moved by whole hours. */
export function shiftHours(time: string, hours: number): string {
  const date = parse(time);
  if (!date) throw new RangeError(`not a YYYYMMDDHHmm time: ${time}`);
  return format(new Date(date.getTime() + hours * 3600_000));
}

/** The hour before a `YYYYMMDDHHmm` time. */
export function previousHour(time: string): string {
  return shiftHours(time, -1);
}

/** `202508011500` → `2025-08-01 15:00 KST`, for messages. */
export function describeKst(time: string): string {
  return `${time.slice(0, 4)}-${time.slice(4, 6)}-${time.slice(6, 8)} ${time.slice(8, 10)}:${time.slice(10, 12)} KST`;
}

/** `YYYYMMDDHHmm` (KST) → ISO 8601 with the +09:00 offset: a feed's `observedAt`. */
export function kstToIso(time: string): string {
  const [, y, mo, d, h, mi] = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(time) ?? [];
  if (y === undefined) throw new RangeError(`not a YYYYMMDDHHmm time: ${time}`);
  return `${y}-${mo}-${d}T${h}:${mi}:00+09:00`;
}
