import { expect } from '@open-wc/testing';
import { STATIONS, findStation, parseStationList, stationById } from '../../src/kma/stations.js';
import { selectReadings, toStationView } from '../../src/weather-strip/station-view.js';

describe('kma/stations', () => {
  it('holds the reference page\'s 16 stations in its order', () => {
    expect(STATIONS.map((s) => s.id)).to.deep.equal([
      98, 105, 108, 133, 143, 152, 156, 159, 172, 184, 201, 226, 238, 259, 283, 294,
    ]);
    expect(STATIONS.map((s) => s.ko).join(' ')).to.equal(
      '동두천 강릉 서울 대전 대구 울산 광주 부산 고창 제주 강화 보은 금산 강진군 경주시 거제',
    );
  });

  it('finds stations by number, Korean name or English name', () => {
    expect(stationById(108)?.en).to.equal('Seoul');
    expect(findStation('159')?.ko).to.equal('부산');
    expect(findStation(' 제주 ')?.id).to.equal(184);
    expect(findStation('gangjin-gun')?.id).to.equal(259);
    expect(findStation('999')).to.equal(undefined);
    expect(findStation('Atlantis')).to.equal(undefined);
  });

  it('splits station lists', () => {
    expect(parseStationList('108, 159,,서울 ')).to.deep.equal(['108', '159', '서울']);
    expect(parseStationList('')).to.deep.equal([]);
  });
});

describe('kma/station-view', () => {
  it('fills in names from the table in the reader\'s language', () => {
    expect(toStationView({ id: 105, temp: 30.6 }, 'ko').name).to.equal('강릉');
    expect(toStationView({ id: 105, temp: 30.6 }, 'en').name).to.equal('Gangneung');
    expect(toStationView({ id: 105, name: '강릉(관측소)', temp: 1 }, 'ko').name).to.equal('강릉(관측소)');
    expect(toStationView({ name: '울릉도', temp: 1 }, 'en').name).to.equal('울릉도');
    expect(toStationView({ name: '서울', temp: 1 }, 'en').name).to.equal('Seoul');
  });

  it('keeps the feed\'s own Korean sky text, and translates known phenomena', () => {
    const view = toStationView({ id: 108, sky: '약한 비 연속적', temp: 20 }, 'ko');
    expect(view.sky).to.equal('rain');
    expect(view.skyLabel).to.equal('약한 비 연속적');
    expect(toStationView({ id: 108, sky: '약한 비 연속적', temp: 20 }, 'en').skyLabel).to.equal('Rain');
    expect(toStationView({ id: 108, sky: 'partly-cloudy', temp: 20 }, 'ko').skyLabel).to.equal('구름조금');
    expect(toStationView({ id: 108, sky: '무지개', temp: 20 }, 'en')).to.include({ sky: 'unknown', skyLabel: '무지개' });
    expect(toStationView({ id: 108, temp: 20 }, 'ko')).to.include({ sky: 'unknown', skyLabel: '정보 없음' });
  });

  it('selects and orders readings, each once', () => {
    const readings = [
      { id: 108, temp: 1 },
      { id: 159, temp: 2 },
      { name: '울릉도', temp: 3 },
      { name: 'Busan', temp: 4 },
    ];
    expect(selectReadings(readings, '159,108,159').map((r) => r.temp)).to.deep.equal([2, 1, 4]);
    expect(selectReadings(readings, '울릉도, nowhere').map((r) => r.temp)).to.deep.equal([3]);
    const unknownId = [{ id: 90, name: '속초', temp: 5 }];
    expect(selectReadings(unknownId, '속초').map((r) => r.temp)).to.deep.equal([5]);
    expect(selectReadings(unknownId, '90').map((r) => r.temp)).to.deep.equal([5]);
    expect(selectReadings(readings, undefined)).to.have.length(4);
    expect(selectReadings(readings, ' , ')).to.have.length(4);
  });
});
