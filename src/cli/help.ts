import { EXIT } from './errors.js';

/** The `--help` text. */
export const HELP = `weather-strip-feed — KMA observations into a <weather-strip> feed (JSON, version 1)

Runs on your server (cron, CI), so that no API key ever reaches a reader's browser: the
strip loads the file this command writes.

Usage:
  weather-strip-feed --source apihub --auth-key KEY [options]
  weather-strip-feed --source apihub --input saved-response.txt [options]

Source:
  --source apihub       KMA API Hub hourly surface observations (kma_sfctm2.php); the default
  --auth-key KEY        API Hub key (apihub.kma.go.kr); or set WEATHER_STRIP_AUTH_KEY, which
                        keeps the key out of the process list and crontab
  --time YYYYMMDDHHmm   the hour to fetch, KST (default: the latest hour; when KMA has not
                        published it yet, the hour before); with --input, the hour to read
  --input FILE          read a saved kma_sfctm2 response instead of fetching ("-" = stdin);
                        UTF-8 or EUC-KR
  --timeout SECONDS     time allowed per request (default 20)
  --retries N           retries after a network failure, timeout or server error (default 2)
  --retry-delay SECONDS wait before the first retry, doubled each time (default 2)

Feed:
  --stations LIST       stations and their order, comma-separated ASOS numbers or names
                        (default: the 16 built-in stations: 98,105,108,…,294); a station
                        outside the built-in table needs its name: 90=속초
  --allow-partial       write the feed even when a station is absent from the response
                        (its sky and temp are null) instead of failing
  --out FILE            write the feed to FILE atomically (temporary file + rename: a failed
                        run leaves the previous file untouched); a symbolic link is followed
                        and kept, an existing file keeps its mode; "-" or none: standard output
  --verbose             progress on standard error (requests, retries, fallback) and what the
                        parser noticed (columns read by position, values dropped)
  -h, --help            this text

Sky: the present weather (WMO 4677) when it reports precipitation, thunder, fog, mist, haze
or dust at the hour; codes 20–29 (ended within the past hour) are not current weather. Otherwise
the total cloud amount in tenths (맑음 0–2, 구름조금 3–5, 구름많음 6–8, 흐림 9–10); null when
the station reports neither.
Missing values, by column: -9 (integers, codes), -9.0 (wind, precipitation, snow), -99.0 or
lower (temperatures: a TA of -9.0 is -9.0 ℃), - (text). A TA outside −60…60 ℃ is missing.
Rows of KMA's 46 (or older 45) fields are read by position when there is no header line or its
names are not KMA's. A response cut short (#START7777 without #7777END, a row with fewer
fields than its header) or larger than 8 MB is refused.

Exit codes (one line on standard error says the cause and the fix):
  ${EXIT.ok}   the feed was written
  ${EXIT.internal}   unexpected error (a bug: please report it)
  ${EXIT.usage}   bad options
  ${EXIT.auth}   the API key was rejected (API Hub's 401/403, SERVICE_KEY_IS_NOT_REGISTERED_ERROR)
  ${EXIT.rateLimit}   the key's request limit is used up (LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR, HTTP 429)
  ${EXIT.network}   no answer: connection failed or timed out, after the retries
  ${EXIT.http}   an HTML error page or an HTTP error status instead of observations
  ${EXIT.empty}   an empty response, no observations for the hour, or none with a sky or temperature
  ${EXIT.missingStation}   a station is absent from the response (see --allow-partial)
  ${EXIT.badResponse}   not kma_sfctm2 text that can be read whole (cut short, over 8 MB, unknown
      columns, a data.go.kr answer), or another gateway error
  ${EXIT.file}  --input cannot be read or --out cannot be written

Examples:
  # The 16 stations, latest hour, to a file the web server serves
  WEATHER_STRIP_AUTH_KEY=… weather-strip-feed --source apihub --out /var/www/html/weather.json

  # Seoul, Busan and Sokcho at a given hour, to standard output
  weather-strip-feed --source apihub --auth-key KEY --time 202508011500 --stations 108,159,90=속초

  # A saved response, keeping going when a station is missing
  weather-strip-feed --source apihub --input kma_sfctm2.txt --allow-partial --out weather.json

Cron (KMA publishes each hour a few minutes after it; run at minute 12, log failures):
  12 * * * * cd /srv/site && WEATHER_STRIP_AUTH_KEY=KEY npx --no-install weather-strip-feed --source apihub --out public/weather.json 2>>/var/log/weather-strip-feed.log

Serving: any static file server will do; let browsers and CDNs keep the file a few minutes
(the strip re-fetches every 600 s by default). nginx:
  location = /weather.json {
    add_header Cache-Control "public, max-age=300, stale-while-revalidate=600";
    default_type application/json;
  }
Apache (.htaccess): <Files "weather.json"> Header set Cache-Control "public, max-age=300" </Files>
Then: <weather-strip src="/weather.json"></weather-strip>
`;
