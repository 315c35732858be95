// Sample data for the checks designers must make. The reference weather and the sample article
// are the defaults; these stress the layout and are made-up values, labelled as such on the page.
import type { ArticleFeed } from '../../src/feed/article-feed.js';
import type { WeatherFeed } from '../../src/feed/weather-feed.js';
import reference from '../data/reference-weather.json';
import sampleArticle from '../data/sample-article.json';

/** The reference page's weather: 2025-08-01 15:00 KST, 16 stations (KMA observations). */
export const REFERENCE_WEATHER = reference as WeatherFeed;

/** The project's sample article, in the shape of the reference page's. */
export const SAMPLE_ARTICLE = sampleArticle as ArticleFeed;

// More KMA ASOS stations, outside the built-in table: the feed names them itself.
const MORE_STATIONS: readonly [number, string][] = [
  [90, '속초'],
  [93, '북춘천'],
  [95, '철원'],
  [99, '파주'],
  [100, '대관령'],
  [101, '춘천'],
  [102, '백령도'],
  [104, '북강릉'],
  [106, '동해'],
  [112, '인천'],
  [114, '원주'],
  [115, '울릉도'],
  [119, '수원'],
  [121, '영월'],
  [127, '충주'],
  [129, '서산'],
  [130, '울진'],
  [131, '청주'],
  [135, '추풍령'],
  [136, '안동'],
  [137, '상주'],
  [138, '포항'],
  [140, '군산'],
  [146, '전주'],
  [155, '창원'],
  [162, '통영'],
  [165, '목포'],
  [168, '여수'],
  [169, '흑산도'],
  [170, '완도'],
  [185, '고산'],
  [189, '서귀포'],
  [192, '진주'],
];
const SKIES = ['맑음', '구름조금', '구름많음', '흐림', '약한비단속', '소나기', '박무'];

/** 49 stations: the reference 16, then 33 more with made-up values (one temperature missing). */
export const LONG_WEATHER: WeatherFeed = {
  ...REFERENCE_WEATHER,
  stations: [
    ...REFERENCE_WEATHER.stations,
    ...MORE_STATIONS.map(([id, name], i) => ({
      id,
      name,
      sky: SKIES[i % SKIES.length]!,
      temp: name === '흑산도' ? null : Math.round((24 + ((i * 37) % 90) / 10) * 10) / 10,
    })),
  ],
};

/** The sample article with a long headline, deck and category, to check wrapping. */
export const LONG_ARTICLE: ArticleFeed = {
  ...SAMPLE_ARTICLE,
  category: '장애인·노인·돌봄 정책',
  headline:
    "점자·큰글자·음성 도서를 한곳에서 빌리는 구립도서관 '모두의 서가', 올해 하반기 스무 곳으로 늘리고 상호대차와 집까지 가져다주는 책 배달 서비스도 함께 넓힌다",
  deck: '시각장애인과 저시력 주민, 외출이 어려운 어르신이 집 가까운 도서관에서 원하는 형식으로 책을 빌리고 돌려줄 수 있도록 자치구와 도서관이 함께 운영 방식을 바꾼다',
};
