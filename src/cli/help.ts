import {
  APIHUB_CRON,
  DATAGOKR_CRON,
  DATAGOKR_DAILY_QUOTA,
  EXIT,
  STATION_SET_NAMES,
  maxGridPoints,
  requestsPerRun,
} from '../kma-feed/index.js';

const quota = DATAGOKR_DAILY_QUOTA.toLocaleString('en');
const perDay = 24 * requestsPerRun(16);

/** The `--help` text. */
export const HELP = `weather-strip-feed — KMA weather into a <weather-strip> feed (JSON, version 1)

Runs on your server (cron, CI), so that no API key ever reaches a reader's browser: the
strip loads the file this command writes.

Usage:
  weather-strip-feed --source apihub --auth-key KEY [options]
  weather-strip-feed --source apihub --input saved-response.txt [options]
  weather-strip-feed --source datagokr --service-key KEY [options]
  weather-strip-feed --source datagokr --input saved-answers/ [options]
  weather-strip-feed --print-workflow [--out .github/workflows/weather-feed.yml]

Sources (the same feed from either):
  --source apihub       KMA API Hub hourly surface observations (kma_sfctm2.php); the default
                        (or WEATHER_STRIP_SOURCE, as the edge handler and the workflow read it)
  --auth-key KEY        API Hub key (apihub.kma.go.kr); or set WEATHER_STRIP_AUTH_KEY, which
                        keeps the key out of the process list and crontab.
                        WEATHER_STRIP_APIHUB_URL replaces the address
  --source datagokr     data.go.kr 기상청_단기예보 조회서비스: 초단기실황 (T1H, PTY) and
                        초단기예보 (SKY) at each station's 5 km forecast grid point
  --service-key KEY     data.go.kr 일반 인증키, the Encoding or the Decoding form; or set
                        WEATHER_STRIP_SERVICE_KEY. WEATHER_STRIP_DATAGOKR_URL replaces the
                        base address (…/1360000/VilageFcstInfoService_2.0)
  --time YYYYMMDDHHmm   the hour to fetch, KST (default: the latest hour; when KMA has not
                        published it yet, the hour before); with --input, the hour to read
  --input PATH          saved answers instead of fetching: apihub, a kma_sfctm2 file (UTF-8 or
                        EUC-KR; "-" = stdin); datagokr, a folder of JSON answers as the
                        service sent them (a file named getUltraSrtNcst_YYYYMMDD_HHmm_nx_ny.json
                        places an error answer)
  --timeout SECONDS     time allowed per request (default 20)
  --retries N           retries after a network failure, timeout or server error (default 2)
  --retry-delay SECONDS wait before the first retry, doubled each time (default 2)

Feed:
  --stations LIST       stations and their order, comma-separated: ASOS numbers, Korean or
                        English names of every ASOS station (140,전주,Gunsan), and sets:
                        ${STATION_SET_NAMES.slice(0, 9).join(' ')}
                        ${STATION_SET_NAMES.slice(9).join(' ')}
                        (default WEATHER_STRIP_STATIONS, else @전국: the 16 stations of the
                        reference page). A number outside the table needs its name, as
                        116=관악산 (apihub only: it has no grid point)
  --allow-partial       write the feed even when a station has no data (its sky and temp are
                        null) instead of failing
  --out FILE            write the feed to FILE atomically (temporary file + rename: a failed
                        run leaves the previous file untouched); a symbolic link is followed
                        and kept, an existing file keeps its mode; "-" or none: standard output
  --verbose             progress on standard error (requests, retries, fallback, what the
                        parser noticed), ending with the number of requests the run made
  --print-workflow      write the GitHub Actions workflow that publishes the feed to GitHub
                        Pages every hour (standard output, or --out FILE); see the README,
                        "Serving the feed"
  -h, --help            this text

Sky, apihub: the present weather (WMO 4677) when it reports precipitation, thunder, fog, mist,
haze or dust at the hour; codes 20–29 (ended within the past hour) are not current weather.
Otherwise the total cloud amount in tenths (맑음 0–2, 구름조금 3–5, 구름많음 6–8, 흐림 9–10); null
when the station reports neither.
Missing values, by column: -9 (integers, codes), -9.0 (wind, precipitation, snow), -99.0 or
lower (temperatures: a TA of -9.0 is -9.0 ℃), - (text). A TA outside −60…60 ℃ is missing.
Rows of KMA's 46 (or older 45) fields are read by position when there is no header line or its
names are not KMA's. A response cut short (#START7777 without #7777END, a row with fewer
fields than its header) or larger than 8 MB is refused.
Sky, datagokr: PTY when it reports precipitation (비, 비/눈, 눈, 빗방울, 빗방울눈날림, 눈날림),
else the next hour's SKY (맑음, 구름많음, 흐림); temperature T1H. One request per operation
and distinct grid point (stations may share one), plus one when the latest hour is not out.

Exit codes (one line on standard error says the cause and the fix):
  ${EXIT.ok}   the feed was written
  ${EXIT.internal}   unexpected error (a bug: please report it)
  ${EXIT.usage}   bad options (a station outside the table with --source datagokr included)
  ${EXIT.auth}   the key was rejected (API Hub's 401/403, SERVICE_KEY_IS_NOT_REGISTERED_ERROR, result codes 20, 21, 30–33)
  ${EXIT.rateLimit}   the key's request limit is used up (LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR, result code 22, HTTP 429)
  ${EXIT.network}   no answer: connection failed or timed out, after the retries
  ${EXIT.http}   an HTML error page or an HTTP error status instead of data
  ${EXIT.empty}   an empty response, no data for the hour (NO_DATA, result code 03), or none with a sky or temperature
  ${EXIT.missingStation}   a station has no data: absent from the response, or no data at its grid point (see --allow-partial)
  ${EXIT.badResponse}   an answer that cannot be read whole (cut short, over 8 MB, unknown columns, the other
      source's answer), or another gateway error
  ${EXIT.file}  --input cannot be read or placed, or --out cannot be written

Examples:
  # The 16 stations, latest hour, to a file the web server serves
  WEATHER_STRIP_AUTH_KEY=… weather-strip-feed --source apihub --out /var/www/html/weather.json

  # 전북 (군산, 전주 …) from data.go.kr, to standard output
  WEATHER_STRIP_SERVICE_KEY=… weather-strip-feed --source datagokr --stations @전북

  # Seoul, Gunsan and Jeonju at a given hour
  weather-strip-feed --source apihub --auth-key KEY --time 202508011500 --stations 108,군산,Jeonju

  # A saved response, keeping going when a station is missing
  weather-strip-feed --source apihub --input kma_sfctm2.txt --allow-partial --out weather.json

Cron, apihub (KMA publishes each hour a few minutes after it; run at minute 12, log failures):
  ${APIHUB_CRON} cd /srv/site && WEATHER_STRIP_AUTH_KEY=KEY npx --no-install weather-strip-feed --source apihub --out public/weather.json 2>>/var/log/weather-strip-feed.log
Cron, datagokr (실황 is out at about HH:40, 예보 at HH:45; a development key may make ${quota}
requests a day per operation: hourly, the 16 stations make ${perDay}, and up to ${maxGridPoints(24)} grid points fit):
  ${DATAGOKR_CRON} cd /srv/site && WEATHER_STRIP_SERVICE_KEY=KEY npx --no-install weather-strip-feed --source datagokr --out public/weather.json 2>>/var/log/weather-strip-feed.log

Serving: any static file server will do; let browsers and CDNs keep the file a few minutes
(the strip re-fetches every 600 s by default). nginx:
  location = /weather.json {
    add_header Cache-Control "public, max-age=300, stale-while-revalidate=600";
    default_type application/json;
  }
Apache (.htaccess): <Files "weather.json"> Header set Cache-Control "public, max-age=300" </Files>
Then: <weather-strip src="/weather.json"></weather-strip>
`;
