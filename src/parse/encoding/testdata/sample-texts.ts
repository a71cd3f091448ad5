/**
 * Realistic news text for encoding tests: detection needs real language statistics,
 * not lorem ipsum. Invented wording in the style of wire-service copy.
 */

/** Simplified Chinese news paragraph (GBK/GB18030 fixtures). */
export const SIMPLIFIED_CHINESE =
  '新华社北京十一月二日电 国务院新闻办公室今天举行新闻发布会，介绍今年前三季度经济运行情况。' +
  '国家统计局有关负责人表示，前三季度国民经济持续恢复向好，就业形势总体稳定，居民消费价格温和上涨。' +
  '发布会上，记者就房地产市场、外贸出口和城乡居民收入等问题提问，有关部门负责人逐一作了回答。';

/** Traditional Chinese news paragraph (Big5 fixtures). */
export const TRADITIONAL_CHINESE =
  '中央社記者台北二日電 行政院今天召開院會，通過明年度中央政府總預算案，並將送請立法院審議。' +
  '主計總處表示，明年度歲出規模較今年增加，主要用於國防、社會福利及公共建設等項目。' +
  '院長在會中指示各部會，應加強與地方政府溝通，確保各項政策順利推動。';

/** Japanese news paragraph (Shift_JIS / EUC-JP fixtures). */
export const JAPANESE =
  '政府は二日の閣議で、今年度の補正予算案を決定した。物価高騰への対策として、' +
  '低所得世帯への給付金や電気料金の負担軽減策などを盛り込んだ。首相は記者会見で、' +
  '国民生活を守るために全力を尽くすと述べ、国会での早期成立を目指す考えを示した。';

/** Korean news paragraph (EUC-KR fixtures). */
export const KOREAN =
  '정부는 2일 국무회의를 열고 내년도 예산안을 의결했다. 기획재정부는 경제 회복을 위해 ' +
  '일자리 창출과 민생 안정에 예산을 집중 배정했다고 밝혔다. 국회는 다음 달 본회의에서 ' +
  '예산안을 심의할 예정이며, 여야는 세부 항목을 두고 협상을 이어갈 계획이다.';

/** Russian news paragraph (windows-1251 / KOI8-R fixtures). */
export const RUSSIAN =
  'Правительство Российской Федерации утвердило проект федерального бюджета на следующий год. ' +
  'Министр финансов заявил, что расходы на социальную поддержку граждан будут увеличены, ' +
  'а дефицит бюджета останется в пределах, установленных законом.';

/** French news paragraph with typographic quotes and accents (windows-1252 fixtures). */
export const FRENCH =
  'Le gouvernement a présenté mercredi son projet de loi de finances pour l’année prochaine. ' +
  '« Nous voulons réduire le déficit tout en protégeant le pouvoir d’achat », a déclaré le ministre, ' +
  'qui prévoit une croissance de 1,4 % et une inflation ramenée à 2,6 % — un objectif jugé ambitieux.';

/** Czech news paragraph (ISO-8859-2 fixtures). */
export const CZECH =
  'Vláda ve středu schválila návrh státního rozpočtu na příští rok. Ministr financí uvedl, ' +
  'že schodek bude nižší než letos a že výdaje na důchody a zdravotnictví porostou. ' +
  'Opozice návrh kritizovala a žádá, aby sněmovna o rozpočtu jednala co nejdříve.';

/** Returns a small RSS document around `text`, with an optional XML encoding declaration. */
export function rssDocument(text: string, declared?: string): string {
  const decl = declared === undefined ? '<?xml version="1.0"?>' : `<?xml version="1.0" encoding="${declared}"?>`;
  return (
    `${decl}\n<rss version="2.0"><channel><title>News</title><link>https://news.example/</link>\n` +
    `<item><title>${text.slice(0, 20)}</title><description>${text}</description></item>\n` +
    `<item><title>${text.slice(20, 40)}</title><description>${text}</description></item>\n` +
    '</channel></rss>\n'
  );
}
