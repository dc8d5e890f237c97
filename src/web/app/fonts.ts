// Noto Sans JP (OFL) from npm, so Japanese renders and prints on machines without a Japanese
// font. Listed after the platform's own Japanese fonts: browsers only fetch it when those are missing.
import notoSansJpUrl from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf?url';

const face = new FontFace(
  'iotcheck Noto Sans JP',
  `local('Noto Sans JP'), local('NotoSansJP-Regular'), url(${notoSansJpUrl}) format('truetype')`,
  {
    display: 'swap',
    // One regular face serves every weight (bold is synthesised), so bold Japanese never falls back to boxes.
    weight: '100 900',
  },
);
document.fonts.add(face);
