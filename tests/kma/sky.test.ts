import { expect } from '@open-wc/testing';
import { SKY_CODES, SKY_LABELS, isSkyCode, skyFromText, type SkyCode } from '../../src/kma/sky.js';

// Every present-weather text in the KMA samples (weather.go.kr city observations, the legacy
// sfc_web_now/sfc_web_map XML, the kma_sfctm2 code descriptions) and in API.md, plus the other
// texts KMA publishes for the same phenomena, in spaced and spaceless forms. A text naming an
// ended phenomenon (weather.go.kr's 비 끝남) maps to that phenomenon, the nearest code; the feed
// command itself leaves WMO codes 20–29 to the cloud amount and writes no such label.
const TEXTS: readonly (readonly [string, SkyCode])[] = [
  ['약한비단속', 'rain'],
  ['약한 비 단속적', 'rain'],
  ['약한 비 연속적', 'rain'],
  ['약한비계속', 'rain'],
  ['보통 비 단속적', 'rain'],
  ['보통 비 연속적', 'rain'],
  ['강한 비 연속적', 'rain'],
  ['강한비계속', 'rain'],
  ['비', 'rain'],
  ['빗방울', 'rain'],
  ['어는비', 'rain'],
  ['시계내 강수', 'rain'],
  ['비 끝남', 'rain'],
  ['비끝남', 'rain'],
  ['비끝', 'rain'],
  ['약한비끝남', 'rain'],
  ['눈 끝남', 'snow'],
  ['뇌전끝', 'thunderstorm'],
  ['뇌전 끝남 약한 비 단속적', 'thunderstorm'],
  ['안개 끝남', 'fog'],
  ['소나기 끝남', 'shower'],
  ['가랑비', 'drizzle'],
  ['이슬비', 'drizzle'],
  ['약한 이슬비 연속적', 'drizzle'],
  ['어는 이슬비', 'drizzle'],
  ['안개비', 'drizzle'],
  ['소나기', 'shower'],
  ['약한 소나기', 'shower'],
  ['소낙비', 'shower'],
  ['눈', 'snow'],
  ['약한눈단속', 'snow'],
  ['약한 눈 연속적', 'snow'],
  ['싸락눈', 'snow'],
  ['눈날림', 'snow'],
  ['소낙눈', 'snow'],
  ['비/눈', 'sleet'],
  ['비 또는 눈', 'sleet'],
  // data.go.kr's precipitation types (PTY 5, 6, 7): rain, rain and snow, snow, under 0.1 mm an hour.
  ['빗방울눈날림', 'sleet'],
  ['빗방울/눈날림', 'sleet'],
  ['빗방울 눈날림', 'sleet'],
  ['진눈깨비', 'sleet'],
  ['얼음싸라기', 'sleet'],
  ['뇌우', 'thunderstorm'],
  ['뇌전', 'thunderstorm'],
  ['천둥', 'thunderstorm'],
  ['번개', 'thunderstorm'],
  ['우박', 'thunderstorm'],
  ['뇌우 약한 비', 'thunderstorm'],
  ['안개', 'fog'],
  ['땅안개', 'fog'],
  ['얼음안개', 'fog'],
  ['박무', 'mist'],
  ['연무', 'haze'],
  ['연기', 'haze'],
  ['황사', 'dust'],
  ['먼지보라', 'dust'],
  ['모래먼지', 'dust'],
  ['맑음', 'clear'],
  ['구름조금', 'partly-cloudy'],
  ['구름 조금', 'partly-cloudy'],
  ['구름많음', 'mostly-cloudy'],
  ['구름 많음', 'mostly-cloudy'],
  ['흐림', 'overcast'],
  ['흐리고 비', 'rain'],
  ['강수없음', 'unknown'],
  ['무강수', 'unknown'],
  ['흐림 강수없음', 'overcast'],
];

describe('skyFromText', () => {
  for (const [text, code] of TEXTS) {
    it(`maps ${text} to ${code}`, () => {
      expect(skyFromText(text)).to.equal(code);
    });
  }

  it('maps every canonical code to itself, in any case and with spaces around', () => {
    for (const code of SKY_CODES) {
      expect(skyFromText(code)).to.equal(code);
      expect(skyFromText(` ${code.toUpperCase()} `)).to.equal(code);
    }
  });

  it('maps every Korean label of a code back to that code', () => {
    for (const code of SKY_CODES) {
      if (code !== 'unknown') expect(skyFromText(SKY_LABELS[code].ko), SKY_LABELS[code].ko).to.equal(code);
    }
  });

  it('maps what it does not know to unknown, never throwing', () => {
    for (const text of [
      '',
      '   ',
      '-',
      '정보 없음',
      'sunny',
      '<b>맑</b>',
      '\u0000',
      '🌧',
      'x'.repeat(10_000),
    ]) {
      expect(skyFromText(text), JSON.stringify(text.slice(0, 20))).to.equal('unknown');
    }
  });

  it('tells codes from other strings', () => {
    expect(isSkyCode('rain')).to.equal(true);
    expect(isSkyCode('Rain')).to.equal(false);
    expect(isSkyCode('비')).to.equal(false);
  });
});
