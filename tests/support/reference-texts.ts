// Shared by browser and Node tests: no imports.

/** The reference page's 16 stations as it prints them. */
export const REFERENCE_TEXTS = [
  '흐림 동두천 29.3℃',
  '흐림 강릉 30.6℃',
  '흐림 서울 32.3℃',
  '구름많음 대전 30.7℃',
  '구름조금 대구 32.7℃',
  '구름많음 울산 30.7℃',
  '구름조금 광주 31.8℃',
  '맑음 부산 32.0℃',
  '구름조금 고창 32.7℃',
  '구름조금 제주 31.6℃',
  '흐림 강화 30.0℃',
  '흐림 보은 29.2℃',
  '구름많음 금산 31.4℃',
  '구름조금 강진군 31.5℃',
  '맑음 경주시 32.0℃',
  '맑음 거제 31.0℃',
];
