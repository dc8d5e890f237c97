// Noto Sans JP (OFL) from npm, so Japanese renders and prints on machines without a Japanese
// font. Listed after the platform's own Japanese fonts: browsers only fetch it when those are missing.
import notoSansJpUrl from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf?url';

const face = new FontFace('iotcheck Noto Sans JP', `local('Noto Sans JP'), local('NotoSansJP-Regular'), url(${notoSansJpUrl}) format('truetype')`, {
  display: 'swap',
});
document.fonts.add(face);
