// The pages under test. Every page has the same shell: a news header (logo, a `flex: 1` menu, and
// the ticker right-aligned at the end of the row; on a phone the ticker wraps onto its own line)
// above an article. Only the ticker differs. Each is written the way its library's documentation
// shows it: vertical, one station visible, 3 s, looping, with the same 16 stations, either
// fetched from /feed.json or written into the HTML (as a CMS template pastes them).

/** Files each variant loads, served under /vendor/ (JS and CSS count towards its bytes). */
export const VENDOR_FILES = {
  'jquery.min.js': 'node_modules/jquery/dist/jquery.min.js',
  'jquery.bxslider.min.js': 'node_modules/bxslider/dist/jquery.bxslider.min.js',
  'jquery.bxslider.min.css': 'node_modules/bxslider/dist/jquery.bxslider.min.css',
  'swiper-bundle.min.js': 'node_modules/swiper/swiper-bundle.min.js',
  'swiper-bundle.min.css': 'node_modules/swiper/swiper-bundle.min.css',
  'splide.min.js': 'node_modules/@splidejs/splide/dist/js/splide.min.js',
  'splide-core.min.css': 'node_modules/@splidejs/splide/dist/css/splide-core.min.css',
};

/** The CDN bundle, served as /cdn/weather-strip.js. */
export const CDN_BUNDLE = 'dist/cdn/weather-strip.js';

/** The tickers of the phone profile: ours, the plain-DOM floor, and the two libraries news sites use most. */
export const PHONE_VARIANTS = ['ours', 'timer', 'splide', 'bxslider'];

const escapeHtml = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// One station's text, the same on both sides: in the page (hand-written variants) and here (HTML).
const stationText = (s) => `${s.sky} ${s.name} ${s.temp == null ? '-' : `${s.temp.toFixed(1)}℃`}`;

function dayHeader(iso) {
  const d = new Date(Date.parse(iso) + 9 * 36e5);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}.${p(d.getUTCMonth() + 1)}.${p(d.getUTCDate())} (${'일월화수목금토'[d.getUTCDay()]})`;
}

const isoDay = (iso) => new Date(Date.parse(iso) + 9 * 36e5).toISOString().slice(0, 10);

// Shared by the hand-written variants: the date header, one station's text, and the timer roll.
const HELPERS = `
function dayHeader(iso) {
  var d = new Date(Date.parse(iso) + 9 * 36e5);
  var p = function (n) { return (n < 10 ? '0' : '') + n; };
  return d.getUTCFullYear() + '.' + p(d.getUTCMonth() + 1) + '.' + p(d.getUTCDate()) + ' (' + '일월화수목금토'[d.getUTCDay()] + ')';
}
function stationText(s) {
  return s.sky + ' ' + s.name + ' ' + (s.temp == null ? '-' : s.temp.toFixed(1) + '℃');
}`;

const TIMER_ROLL = `
function roll(list) {
  var n = list.children.length - 1, i = 0;
  list.addEventListener('transitionend', function () {
    if (i < n) return;
    i = 0;
    list.style.transition = 'none';
    list.style.transform = '';
  });
  setInterval(function () {
    i += 1;
    list.style.transition = '';
    list.style.transform = 'translateY(' + -i * 100 + '%)';
  }, 3000);
}`;

// The ticker's frame, as a site would style it: date, one row, attribution. The date's and the
// row's widths are reserved so that the feed's arrival does not resize the ticker.
const FRAME_CSS = `
.ws { display: flex; align-items: center; gap: .75em; min-height: 2.25em; font-size: .9375rem; }
.ws-date { font-weight: 700; white-space: nowrap; min-width: 7.5em; }
.ws-view { flex: 1; min-width: 9em; height: 2.25em; overflow: hidden; }
.ws-attr { font-size: .8em; white-space: nowrap; }`;

const frame = (inner, { viewAttrs = 'class="ws-view"', date = '' } = {}) =>
  `<div class="ws"><time class="ws-date">${date}</time><div ${viewAttrs}>${inner}</div><span class="ws-attr">기상청 제공</span></div>`;

/** `<li>` items of the stations, the first marked `first`; `loopCopy` adds the first again at the end. */
const listItems = (feed, className = '', loopCopy = false) =>
  (loopCopy ? [...feed.stations, feed.stations[0]] : feed.stations)
    .map((s, i) => {
      const classes = [className, i === 0 ? 'first' : ''].filter(Boolean).join(' ');
      return `<li${classes ? ` class="${classes}"` : ''}>${escapeHtml(stationText(s))}</li>`;
    })
    .join('');

const STATIONS = 16;
const HOLD = 3;
const SLIDE = 0.4;

function keyframes() {
  // One endless animation: each station holds, then slides up; the last slides to a copy of the first.
  const step = 100 / STATIONS;
  const frames = [];
  for (let i = 0; i < STATIONS; i++) {
    const hold = (i * step + (step * (HOLD - SLIDE)) / HOLD).toFixed(3);
    frames.push(`${(i * step).toFixed(3)}%, ${hold}% { transform: translateY(-${i * 100}%); }`);
  }
  frames.push(`100% { transform: translateY(-${STATIONS * 100}%); }`);
  return `@keyframes ws-roll { ${frames.join(' ')} }`;
}

// The README's rule that reserves the strip's box before the script runs, as a site pastes it.
const STRIP_RESERVE_CSS = `weather-strip:not(:defined) {
  display: block;
  box-sizing: border-box;
  inline-size: var(--weather-strip-inline-size, 30em);
  max-inline-size: 100%;
  block-size: var(--weather-strip-row-height, 2.25rem);
  overflow: hidden;
  font-size: var(--weather-strip-font-size, 0.9375rem);
  line-height: var(--weather-strip-row-height, 2.25rem);
}
@media (max-width: 28rem) {
  weather-strip:not(:defined) {
    block-size: calc(2 * var(--weather-strip-row-height, 2.25rem));
  }
}`;

/**
 * The variants. Each page is built from a `source`: `{ feedUrl }` (the ticker fetches the feed)
 * or `{ feed }` (the stations written into the HTML). `first` is an expression, run in the page,
 * giving the elements that may show the first station (the one to wait for); `files` are served
 * files, `css` and `script(source)` the page's own code.
 */
export const VARIANTS = {
  ours: {
    label: 'weather-strip (CDN bundle, roll)',
    files: [{ type: 'js', path: CDN_BUNDLE }],
    // The embed as the README gives it: the async module script and the rule that reserves the box.
    head: () =>
      `<script type="module" async src="/cdn/weather-strip.js"></script>\n<style>\n${STRIP_RESERVE_CSS}\n</style>`,
    body: ({ feedUrl, feed }) =>
      feed
        ? `<weather-strip mode="roll" date="${isoDay(feed.observedAt)}">\n${feed.stations
            .map(
              (s) =>
                `  <weather-station station="${s.id}" name="${escapeHtml(s.name)}" sky="${escapeHtml(s.sky)}" temp="${s.temp ?? ''}">${escapeHtml(stationText(s))}</weather-station>`,
            )
            .join('\n')}\n</weather-strip>`
        : `<weather-strip mode="roll" src="${feedUrl}"></weather-strip>`,
    script: () => '',
    // The strip's own rendering of the first station, or, before the script has run, the
    // `<weather-station>` fallback text where the page shows it.
    first: `(() => { const s = document.querySelector('weather-strip'); return [s?.shadowRoot?.querySelector('[part~="station"]'), s?.querySelector('weather-station')]; })()`,
  },
  timer: {
    label: 'plain DOM + timer + CSS transition',
    baseline: true,
    files: [],
    css: `${FRAME_CSS}
.ws-list { margin: 0; padding: 0; list-style: none; height: 2.25em; transition: transform .4s ease-in-out; }
.ws-list li { height: 2.25em; line-height: 2.25em; white-space: nowrap; }`,
    body: ({ feed }) =>
      feed
        ? frame(`<ul class="ws-list">${listItems(feed, '', true)}</ul>`, { date: dayHeader(feed.observedAt) })
        : frame('<ul class="ws-list"></ul>'),
    script: ({ feedUrl, feed }) =>
      feed
        ? `${TIMER_ROLL}\nroll(document.querySelector('.ws-list'));`
        : `${HELPERS}${TIMER_ROLL}
fetch(${JSON.stringify(feedUrl)}).then(function (r) { return r.json(); }).then(function (feed) {
  var list = document.querySelector('.ws-list');
  document.querySelector('.ws-date').textContent = dayHeader(feed.observedAt);
  list.append.apply(list, feed.stations.concat(feed.stations[0]).map(function (s, i) {
    var li = document.createElement('li');
    li.textContent = stationText(s);
    if (i === 0) li.className = 'first';
    return li;
  }));
  roll(list);
});`,
    first: `[document.querySelector('.ws-list li.first')]`,
  },
  keyframes: {
    label: 'plain DOM + CSS @keyframes',
    files: [],
    css: `${FRAME_CSS}
.ws-list { margin: 0; padding: 0; list-style: none; height: 2.25em; }
.ws-list.on { animation: ws-roll ${STATIONS * HOLD}s linear infinite; }
.ws-list li { height: 2.25em; line-height: 2.25em; white-space: nowrap; }
${keyframes()}`,
    body: () => frame('<ul class="ws-list"></ul>'),
    script: ({ feedUrl }) => `${HELPERS}
fetch(${JSON.stringify(feedUrl)}).then(function (r) { return r.json(); }).then(function (feed) {
  var list = document.querySelector('.ws-list');
  document.querySelector('.ws-date').textContent = dayHeader(feed.observedAt);
  list.append.apply(list, feed.stations.concat(feed.stations[0]).map(function (s, i) {
    var li = document.createElement('li');
    li.textContent = stationText(s);
    if (i === 0) li.className = 'first';
    return li;
  }));
  list.classList.add('on');
});`,
    first: `[document.querySelector('.ws-list li.first')]`,
  },
  bxslider: {
    label: 'jQuery 3.7 + bxSlider 4.2',
    files: [
      { type: 'css', path: VENDOR_FILES['jquery.bxslider.min.css'] },
      { type: 'js', path: VENDOR_FILES['jquery.min.js'] },
      { type: 'js', path: VENDOR_FILES['jquery.bxslider.min.js'] },
    ],
    head: () => `<link rel="stylesheet" href="/vendor/jquery.bxslider.min.css">
<script src="/vendor/jquery.min.js"></script>
<script src="/vendor/jquery.bxslider.min.js"></script>`,
    css: `${FRAME_CSS}
.bx-wrapper { margin: 0; border: 0; box-shadow: none; background: none; }
.bxslider { margin: 0; padding: 0; }
.bxslider li { height: 2.25em; line-height: 2.25em; white-space: nowrap; }`,
    body: ({ feed }) =>
      feed
        ? frame(`<ul class="bxslider">${listItems(feed)}</ul>`, { date: dayHeader(feed.observedAt) })
        : frame('<ul class="bxslider"></ul>'),
    script: ({ feedUrl, feed }) => {
      const start = `$list.bxSlider({
      mode: 'vertical', auto: true, pause: 3000, speed: 400, infiniteLoop: true,
      minSlides: 1, maxSlides: 1, pager: false, controls: false, autoHover: true
    });`;
      return feed
        ? `$(function () {
  var $list = $('.bxslider');
  ${start}
});`
        : `${HELPERS}
$(function () {
  $.getJSON(${JSON.stringify(feedUrl)}, function (feed) {
    $('.ws-date').text(dayHeader(feed.observedAt));
    var $list = $('.bxslider');
    $.each(feed.stations, function (i, s) {
      $('<li>').text(stationText(s)).toggleClass('first', i === 0).appendTo($list);
    });
    ${start}
  });
});`;
    },
    first: `[document.querySelector('.bxslider li.first:not(.bx-clone)')]`,
  },
  swiper: {
    label: 'Swiper 14',
    files: [
      { type: 'css', path: VENDOR_FILES['swiper-bundle.min.css'] },
      { type: 'js', path: VENDOR_FILES['swiper-bundle.min.js'] },
    ],
    head: () => `<link rel="stylesheet" href="/vendor/swiper-bundle.min.css">
<script src="/vendor/swiper-bundle.min.js"></script>`,
    css: `${FRAME_CSS}
.swiper-slide { height: 2.25em; line-height: 2.25em; white-space: nowrap; }`,
    body: () => frame('<div class="swiper-wrapper"></div>', { viewAttrs: 'class="ws-view swiper"' }),
    script: ({ feedUrl }) => `${HELPERS}
fetch(${JSON.stringify(feedUrl)}).then(function (r) { return r.json(); }).then(function (feed) {
  document.querySelector('.ws-date').textContent = dayHeader(feed.observedAt);
  var wrapper = document.querySelector('.swiper-wrapper');
  feed.stations.forEach(function (s, i) {
    var slide = document.createElement('div');
    slide.className = i === 0 ? 'swiper-slide first' : 'swiper-slide';
    slide.textContent = stationText(s);
    wrapper.append(slide);
  });
  new Swiper('.swiper', {
    direction: 'vertical', slidesPerView: 1, loop: true, speed: 400, allowTouchMove: false,
    autoplay: { delay: 3000, disableOnInteraction: false, pauseOnMouseEnter: true }
  });
});`,
    first: `[document.querySelector('.swiper-slide.first')]`,
  },
  splide: {
    label: 'Splide 4',
    files: [
      { type: 'css', path: VENDOR_FILES['splide-core.min.css'] },
      { type: 'js', path: VENDOR_FILES['splide.min.js'] },
    ],
    head: () => `<link rel="stylesheet" href="/vendor/splide-core.min.css">
<script src="/vendor/splide.min.js"></script>`,
    css: `${FRAME_CSS}
.splide__slide { line-height: 2.25em; white-space: nowrap; }`,
    body: ({ feed }) =>
      frame(
        `<div class="splide__track"><ul class="splide__list">${feed ? listItems(feed, 'splide__slide') : ''}</ul></div>`,
        {
          viewAttrs: 'class="ws-view splide" aria-label="전국 날씨"',
          date: feed ? dayHeader(feed.observedAt) : '',
        },
      ),
    script: ({ feedUrl, feed }) => {
      const mount = `new Splide('.splide', {
    type: 'loop', direction: 'ttb', height: '2.25em', perPage: 1, speed: 400,
    autoplay: true, interval: 3000, pauseOnHover: true, arrows: false, pagination: false
  }).mount();`;
      return feed
        ? mount
        : `${HELPERS}
fetch(${JSON.stringify(feedUrl)}).then(function (r) { return r.json(); }).then(function (feed) {
  document.querySelector('.ws-date').textContent = dayHeader(feed.observedAt);
  var list = document.querySelector('.splide__list');
  feed.stations.forEach(function (s, i) {
    var li = document.createElement('li');
    li.className = i === 0 ? 'splide__slide first' : 'splide__slide';
    li.textContent = stationText(s);
    list.append(li);
  });
  ${mount}
});`;
    },
    first: `[document.querySelector('.splide__slide.first:not(.splide__slide--clone)')]`,
  },
};

/** The page's own CSS and JS for a variant (counted in its bytes). */
export function inlineCode(variant, source) {
  const code = [];
  if (variant.css) code.push({ type: 'css', code: variant.css });
  const script = variant.script(source);
  if (script) code.push({ type: 'js', code: script });
  return code;
}

const ARTICLE = Array.from(
  { length: 12 },
  (_, i) =>
    `<p>지역 혁신 사업의 ${i + 1}번째 단락입니다. 연구기관과 대학, 기업이 함께 기술을 사업화하고 지역 경제에 활력을 더하는 과정을 차례로 소개합니다. 문단은 기사 본문의 길이와 줄 바꿈을 흉내 냅니다.</p>`,
).join('\n');

// A news header: logo, a menu that takes the free room (`flex: 1`), the ticker right-aligned at
// the end. On a phone the row wraps and the ticker takes a line of its own, still at the right.
const SHELL_CSS = `
body { margin: 0; font: 16px/1.7 'Noto Sans CJK KR', system-ui, sans-serif; color: #1f2328; }
.masthead { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; padding: 8px 16px; border-bottom: 1px solid #d0d7de; }
.logo { font-size: 1.25rem; font-weight: 800; white-space: nowrap; color: inherit; text-decoration: none; }
.menu { flex: 1; display: flex; gap: 16px; white-space: nowrap; }
.menu a { color: inherit; text-decoration: none; }
.masthead > :last-child { margin-inline-start: auto; }
main { max-width: 760px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.75rem; line-height: 1.3; }
.spacer { height: 300vh; }`;

/** The whole HTML of a variant's page, from `source` (`{ feedUrl }` or `{ feed }`). */
export function pageHtml(name, source) {
  const variant = VARIANTS[name];
  const style = variant.css ? `<style>${variant.css}</style>` : '';
  const script = variant.script(source);
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${variant.label}</title>
<style>${SHELL_CSS}
</style>
${variant.head ? variant.head() : ''}
${style}
</head>
<body>
<header class="masthead">
<a class="logo" href="/">서울복지타임즈</a>
<nav class="menu" aria-label="섹션"><a href="/politics">정치</a><a href="/economy">경제</a><a href="/society">사회</a><a href="/welfare">장애인</a></nav>
${variant.body(source)}
</header>
<main>
<article>
<p>장애인</p>
<h1>지역 강소특구, 2년 연속 최우수 평가</h1>
${ARTICLE}
</article>
<div class="spacer"></div>
</main>
${script ? `<script>${script}</script>` : ''}
</body>
</html>`;
}
