import { describe, expect, it } from 'vitest';
import type { DocumentYears, Metric } from '../src/model.js';
import { extractMetrics } from '../src/extract/metrics.js';

const NO_YEARS: DocumentYears = { year: null, review_year: null, plan_year: null };
const run = (text: string, years: DocumentYears = NO_YEARS): Metric[] => extractMetrics(text, years);
type Expected = Partial<Pick<Metric, 'raw' | 'value' | 'value_max' | 'unit' | 'subject' | 'change' | 'bound'>>;

// Real sentences from shared/corpora (seeds, state-council 2023, municipal 2024), after NFKC.
const cases: [string, string, Expected[]][] = [
  ['Arabic count with magnitude', '全年完成门急诊量282773人次,业务总收入14449.36万元。', [
    { raw: '282773人次', value: 282773, unit: '人次', subject: '门急诊量' },
    { raw: '14449.36万元', value: 144493600, unit: '元', subject: '业务总收入' },
  ]],
  ['exact decimal magnitudes', '分两期投放政策性开发性金融工具7400亿元,粮食产量1.37万亿斤。', [
    { raw: '两期', value: 2, unit: '期', subject: '投放政策性开发性金融工具' },
    { raw: '7400亿元', value: 740000000000, unit: '元' },
    { raw: '1.37万亿斤', value: 1370000000000, unit: '斤', subject: '粮食产量' },
  ]],
  ['Chinese numeral count, subject after the classifier', '医院紧急抽调八名同志连夜赶到方舱医院', [
    { raw: '八名', value: 8, unit: '名', subject: '同志', change: null, bound: null },
  ]],
  ['approximation by 多 and bound by 以上', '陆续入住480多名隔离人员。大型设备阳性率达90%以上', [
    { raw: '480多名', value: 480, unit: '名', bound: '~' },
    { raw: '90%', value: 90, unit: '%', bound: '>=', subject: '大型设备阳性率' },
  ]],
  ['percentage points apart from percent, decrease and bound <=', '次均费用增长率控制在3.2%(低于全省平均1.1个百分点)', [
    { raw: '3.2%', unit: '%', bound: '<=', change: null, subject: '次均费用增长率' },
    { raw: '1.1个百分点', value: 1.1, unit: '百分点', change: 'decrease', subject: '次均费用增长率' },
  ]],
  ['change versus level', '三级医院平均住院日同比缩短0.8天。再灌注治疗时间中位数缩短至58分钟', [
    { raw: '0.8天', change: 'decrease', subject: '三级医院平均住院日' },
    { raw: '58分钟', change: null, subject: '再灌注治疗时间中位数' },
  ]],
  ['from-to pair gives two levels', '重点部门手卫生依从率从89%提升至95%,全年未发生重大院感事件。', [
    { raw: '89%', change: null, subject: '重点部门手卫生依从率' },
    { raw: '95%', change: null, subject: '重点部门手卫生依从率' },
  ]],
  ['新增 distributes over a list', '新增国家科技型中小企业625家、高新技术企业190家,分别增长58%、34%。', [
    { raw: '625家', change: 'increase', subject: '国家科技型中小企业' },
    { raw: '190家', change: 'increase', subject: '高新技术企业' },
    { raw: '58%', change: 'increase', subject: '国家科技型中小企业' },
    { raw: '34%', change: 'increase', subject: '高新技术企业' },
  ]],
  ['分别 gives each item its figure', '全年基础设施、制造业投资分别增长9.4%、9.1%', [
    { raw: '9.4%', subject: '基础设施', change: 'increase' },
    { raw: '9.1%', subject: '制造业投资', change: 'increase' },
  ]],
  ['a rate noun given a level is no change', '居民消费价格涨幅3%左右。增速5%', [
    { raw: '3%', change: null, bound: '~', subject: '居民消费价格涨幅' },
    { raw: '5%', change: null },
  ]],
  ['bounds before the number', '全年增值税留抵退税超过2.4万亿元,缓税缓费7500多亿元。近1亿农村贫困人口实现脱贫', [
    { raw: '2.4万亿元', value: 2400000000000, bound: '>=', subject: '增值税留抵退税' },
    { raw: '7500多亿元', value: 750000000000, bound: '~', subject: '缓税缓费' },
    { raw: '1亿', value: 100000000, unit: '人', bound: '~', subject: '农村贫困人口' },
  ]],
  ['range with value_max', '力争利用2-3年时间创建国家级重点专科。基层首诊的急性胸痛患者30分钟内转诊率达90%', [
    { raw: '2-3年', value: 2, value_max: 3, unit: '年', subject: '时间' },
    { raw: '30分钟', bound: '<=' },
    { raw: '90%', subject: '转诊率' },
  ]],
  ['ranges with 至 and a unit before the dash', '年龄结构:0-6岁儿童,56至70岁以上,控制在5%-10%', [
    { raw: '0-6岁', value: 0, value_max: 6, unit: '岁' },
    { raw: '56至70岁', value: 56, value_max: 70, bound: '>=' },
    { raw: '5%-10%', value: 5, value_max: 10, unit: '%', bound: '<=' },
  ]],
  ['percent words, fractions and 成', '重污染天数下降超过五成,百分之三十的乡镇,全市三分之一的村', [
    { raw: '五成', value: 5, unit: '成', change: 'decrease', bound: '>=' },
    { raw: '百分之三十', value: 30, unit: '%' },
    { raw: '三分之一', unit: '%' },
  ]],
  ['periods carry their own phrase', '过去五年极不寻常。规上工业增加值连续6个月增长,小清河时隔26年复航', [
    { raw: '五年', value: 5, unit: '年', subject: '五年' },
    { raw: '6个月', value: 6, unit: '个月', subject: '规上工业增加值连续' },
    { raw: '26年', value: 26, unit: '年', subject: '小清河时隔' },
  ]],
  ['people counted without a classifier', '共向1000多万失业人员发放失业保险待遇,惠及2900多万家庭', [
    { raw: '1000多万', value: 10000000, unit: '人', bound: '~', subject: '失业人员' },
    { raw: '2900多万', value: 29000000, unit: '家', bound: '~' },
  ]],
  ['a unit shared by a list', '水土流失、荒漠化、沙化土地面积分别净减少10.6万、3.8万、3.3万平方公里', [
    { raw: '10.6万', value: 106000, unit: '平方公里', change: 'decrease' },
    { raw: '3.8万', value: 38000, unit: '平方公里', change: 'decrease' },
    { raw: '3.3万平方公里', value: 33000, unit: '平方公里', change: 'decrease' },
  ]],
  ['上亿 and 万亿 with no digit', '上亿人出棚进楼。税收优惠政策年度规模已超过万亿元', [
    { raw: '亿人', value: 100000000, unit: '人', bound: '>=', subject: '出棚进楼' },
    { raw: '万亿元', value: 1e12, unit: '元', bound: '>=' },
  ]],
  ['compound units stay whole', 'PM2.5平均浓度控制在40微克/立方米以内,城乡居民养老保险待遇水平207元/月', [
    { raw: '40微克/立方米', unit: '微克/立方米', bound: '<=' },
    { raw: '207元/月', unit: '元/月' },
  ]],
  // held-out documents (State Council 2010/2019, 徐州, 百色, 杭州, Hong Kong 2000), each row a case once missed
  ['Chinese decimals with 点', '上半年达百分之八点二,工业企业利润倍增。占本地生产总值的百分之四点二五。', [
    { raw: '百分之八点二', value: 8.2, unit: '%' },
    { raw: '百分之四点二五', value: 4.25, unit: '%' },
  ]],
  ['约/近 before a Chinese numeral is "about", not "at least"', '但已拨出的保证金预计有近二十亿元余额。需要因而增加经常性开支约七亿四千万元。', [
    { raw: '二十亿元', value: 2000000000, bound: '~' },
    { raw: '七亿四千万元', value: 740000000, bound: '~', change: 'increase' },
  ]],
  ['数 before a Chinese numeral is no bound', '聘用超过一百三十九万人,约占本港雇员人数六成。', [
    { raw: '一百三十九万人', value: 1390000, bound: '>=' },
    { raw: '六成', value: 6, unit: '成', bound: null, subject: '约占本港雇员人数' },
  ]],
  ['large or approximate Chinese counts with 个, 间, 块', '至今已批出二千七百多个项目,受惠的学校共约一千二百间。我们已批出五块土地兴建优质私校,也分配了九间校舍', [
    { raw: '二千七百多个', value: 2700, unit: '个', bound: '~', subject: '项目' },
    { raw: '一千二百间', value: 1200, unit: '间', bound: '~' },
    { raw: '五块', value: 5, unit: '块' },
    { raw: '九间', value: 9, unit: '间' },
  ]],
  ['一 with a bound is a figure, 成 with tenths', '令小学的师生比例提高近一成。比回归前高出四成三', [
    { raw: '一成', value: 1, unit: '成', bound: '~', change: 'increase' },
    { raw: '四成三', value: 4.3, unit: '成' },
  ]],
  ['amounts in Chinese numerals with other units', '我国国内生产总值将突破一万亿美元。总产量连续五年超百亿斤', [
    { raw: '一万亿美元', value: 1e12, unit: '美元', bound: '>=', subject: '我国国内生产总值' },
    { raw: '百亿斤', value: 1e10, unit: '斤', bound: '>=' },
  ]],
  ['people named before the number', '农村贫困人口减少1386万,易地扶贫搬迁280万人。农村贫困人口减少1000万以上', [
    { raw: '1386万', value: 13860000, unit: '人', change: 'decrease', subject: '农村贫困人口' },
    { raw: '1000万', value: 10000000, unit: '人', change: 'decrease', bound: '>=' },
  ]],
  ['a second verb in the clause ends the first one\'s change', '基本养老保险参保人数增加1.4亿、覆盖10.5亿人', [
    { raw: '1.4亿', value: 140000000, unit: '人', change: 'increase' },
    { raw: '10.5亿人', value: 1050000000, unit: '人', change: null },
  ]],
  ['trains, trips and medals are counted', '中欧班列开行370列、贸易额增长32%。开行跨境班列95趟。夺取金牌48枚', [
    { raw: '370列', value: 370, unit: '列' },
    { raw: '95趟', value: 95, unit: '趟' },
    { raw: '48枚', value: 48, unit: '枚' },
  ]],
  ['a change word before a rate noun belongs to the name', '服务业对经济增长贡献率接近60%。财政司司长已把全年本港经济实质增长预测调高至百分之八点五', [
    { raw: '60%', change: null, bound: '~' },
    { raw: '百分之八点五', change: null },
  ]],
  ['comparisons with 比…高', '今年赤字率拟按2.8%安排,比去年预算高0.2个百分点', [
    { raw: '2.8%', change: null, subject: '赤字率' },
    { raw: '0.2个百分点', unit: '百分点', change: 'increase' },
  ]],
  ['净增 and 新增专项债券 are increases', '净增“四上”企业1598家。争取新增专项债券44.7亿元', [
    { raw: '1598家', change: 'increase' },
    { raw: '44.7亿元', change: 'increase', subject: '争取新增专项债券' },
  ]],
  ['a 新增 list goes on after a comma', '新增国家高新技术企业41家、专精特新“小巨人”企业1家,自治区级创新平台6个、“专精特新”中小企业11家。', [
    { raw: '6个', change: 'increase', subject: '自治区级创新平台' },
    { raw: '11家', change: 'increase' },
  ]],
  ['a pair of figures after two indicators', '城镇居民人均可支配收入17175元,农村居民人均纯收入5153元,实际增长9.8%和8.5%', [
    { raw: '9.8%', change: 'increase', subject: '城镇居民人均可支配收入' },
    { raw: '8.5%', change: 'increase', subject: '农村居民人均纯收入' },
  ]],
  ['城乡 … 分别 names both items', '城乡居民人均可支配收入分别为80587元和48180元,分别增长4.6%和6.6%', [
    { raw: '80587元', subject: '城镇居民人均可支配收入' },
    { raw: '48180元', subject: '农村居民人均可支配收入' },
    { raw: '6.6%', subject: '农村居民人均可支配收入', change: 'increase' },
  ]],
  ['from-to levels with 成', '全日制小学所占的比例则由两成上升至四成;幼稚园合资格教师的比例,已由四成升至六成', [
    { raw: '两成', value: 2, subject: '全日制小学所占的比例' },
    { raw: '六成', value: 6, subject: '幼稚园合资格教师的比例' },
  ]],
  ['one-character nouns in a list, 破 as a bound', '4个镇、40个村获评示范镇(村)。上市公司首破300家', [
    { raw: '4个', subject: '镇' },
    { raw: '300家', bound: '>=' },
  ]],  // older State Council reports and Hong Kong addresses write figures in Chinese numerals
  ['多 inside a Chinese numeral before 万', '粮食产量达到四亿零七百多万吨,比上年增长5.1%;原油达到一亿一千四百多万吨', [
    { raw: '四亿零七百多万吨', value: 407000000, unit: '吨', bound: '~', subject: '粮食产量' },
    { raw: '一亿一千四百多万吨', value: 114000000, unit: '吨', bound: '~' },
  ]],
  ['Chinese-numeral amounts of 元 without magnitude', '全国城镇居民家庭平均每人可用于生活费的收入达到六百零八元,扣除物价上涨因素,比上年增长12.5%', [
    { raw: '六百零八元', value: 608, unit: '元', change: null },
    { raw: '12.5%', change: 'increase' },
  ]],
  ['递增 is an increase', '在1979到1983年平均每年递增7.9%的基础上,工业总产值平均每年递增百分之三十六点九', [
    { raw: '7.9%', change: 'increase' },
    { raw: '百分之三十六点九', value: 36.9, unit: '%', change: 'increase' },
  ]],
  ['Chinese-numeral counts of 种 and 项', '列入第六个五年计划的六十五种主要产品的产量,已有四十三种提前达到指标。技术引进项目有一千多项', [
    { raw: '六十五种', value: 65, unit: '种', subject: '主要产品的产量' },
    { raw: '四十三种', value: 43, unit: '种' },
    { raw: '一千多项', value: 1000, unit: '项', bound: '~' },
  ]],
  ['一倍 and 一成 are quantities, not articles', '决定将原来拨款的可担保贷款额提高一倍。再就业的学员达到七成,家居废物的回收率则只有一成', [
    { raw: '一倍', value: 1, unit: '倍', change: 'increase' },
    { raw: '七成', value: 7, unit: '成' },
    { raw: '一成', value: 1, unit: '成' },
  ]],
  ['之内 dates what is done, it bounds no period; 缩短为 reaches a level; 约共 keeps its bound', '计划五年之内投入资金二千四百亿元。将轮候时间缩短为平均三年。提供约共四千个新学额', [
    { raw: '五年', value: 5, unit: '年', bound: null, subject: '五年之内' },
    { raw: '二千四百亿元', value: 240000000000, unit: '元' },
    { raw: '三年', value: 3, change: null },
    { raw: '四千个', value: 4000, bound: '~' },
  ]],
  ['container and glass units, Hong Kong thousands', '上海港集装箱吞吐量达到4915.8万标准箱。政府承诺三年内提供15 000个过渡性房屋,现时每月交易数字超过1 200万宗', [
    { raw: '4915.8万标准箱', value: 49158000, unit: '标准箱', subject: '上海港集装箱吞吐量' },
    { raw: '15 000个', value: 15000, unit: '个', subject: '过渡性房屋' },
    { raw: '1 200万宗', value: 12000000, unit: '宗', bound: '>=' },
  ]],
  ['the number of a paragraph is not part of the subject', '10. 我们预测今年香港经济会缩减百分之四;失业率会上升', [
    { raw: '百分之四', value: 4, unit: '%', subject: '预测今年香港经济会缩减' },
  ]],
  ['ranges of 百分之, a year after 到, a share before 至', '工业劳动生产率每年还应该力求提高百分之二到百分之三。所占比重由百分之三十九点七到一九五七年上升为百分之四十五点四。名额由每年600 000个增加三分之一至800 000个', [
    { raw: '百分之二到百分之三', value: 2, value_max: 3, unit: '%' },
    { raw: '百分之三十九点七', value: 39.7, value_max: null },
    { raw: '百分之四十五点四', value: 45.4 },
    { raw: '三分之一', value_max: null, unit: '%' },
    { raw: '800 000个', value: 800000, unit: '个' },
  ]],
  ['what follows 到 is the next figure, not a subject', '粮食总产量应该达到七千二百亿斤到七千五百亿斤', [
    { raw: '七千二百亿斤', subject: '粮食总产量' },
    { raw: '七千五百亿斤', subject: '粮食总产量' },
  ]],
  ['half a year, and a period whose lead is a lone preposition', '轮候租住公屋的平均时间,会从现在的六年半缩短至不超过五年。在未来五年,每年向六千个家庭提供贷款', [
    { raw: '六年半', value: 6.5, unit: '年' },
    { raw: '五年', value: 5, bound: '<=' },
    { raw: '六千个', value: 6000, subject: '家庭提供贷款' },
  ]],
  ['the size of a group of people counts people', '脱贫攻坚成果巩固拓展,脱贫人口务工规模超过3300万。', [
    { raw: '3300万', value: 33000000, unit: '人', bound: '>=', subject: '脱贫人口务工规模' },
  ]],
  ['the marker of an item, (4), is no part of the subject', '(4)新改建“四好农村路”700公里。(5)新建新能源充电设施', [
    { raw: '700公里', value: 700, unit: '公里', subject: '新改建“四好农村路”' },
  ]],
  ['a look-back period is no difference', '93个重大产业项目加快建设,固定资产投资增长创七年来新高。启动第二轮土地承包到期后再延长30年整省试点', [
    { raw: '七年', value: 7, unit: '年', change: null },
    { raw: '30年', value: 30, unit: '年', change: 'increase' },
  ]],
  ['a duration after 延长 or 提前 belongs to what comes before the verb', '有序推进第二轮土地承包到期后再延长30年试点,扩大整省试点范围。武阳高速提前9个月建成通车', [
    { raw: '30年', value: 30, unit: '年', change: 'increase', subject: '有序推进第二轮土地承包到期后' },
    { raw: '9个月', value: 9, unit: '个月', subject: '武阳高速' },
  ]],
  ['a change verb right before a figure is that figure\'s own: the next item with words of its own does not take it', '累计扩招413万人、培训8300多万人次。经营主体净增6.7万户、总量突破64万户,“四上”企业增至87', [
    { raw: '413万人', change: 'increase' },
    { raw: '8300多万人次', subject: '培训', change: null, bound: '~' },
    { raw: '6.7万户', change: 'increase' },
    { raw: '64万户', subject: '总量', change: null, bound: '>=' },
  ]],
  ['one-character items of a 分别 list share the last item\'s noun', '其中,第一、二、三产业增加值分别增长5.1%、3.1%、2.4%。2007年中、高等职业教育在校生分别达到2000万人和861万人', [
    { raw: '5.1%', subject: '第一产业增加值', change: 'increase' },
    { raw: '3.1%', subject: '第二产业增加值' },
    { raw: '2.4%', subject: '第三产业增加值' },
    { raw: '2000万人', subject: '中等职业教育在校生' },
    { raw: '861万人', subject: '高等职业教育在校生' },
  ]],
  ['a period lived through, and the policy that sets a figure', '从国内看,经历三年新冠疫情冲击,经济恢复发展本身有不少难题。国家关于土地承包期再延长30年的政策,务必通过', [
    { raw: '三年', value: 3, unit: '年', subject: '新冠疫情冲击' },
    { raw: '30年', value: 30, change: 'increase', subject: '国家关于土地承包期' },
  ]],
  ['两批 counts batches; a count after an ordinal of the other script stays a count', '推出两批“高效办成一件事”重点事项清单。上半年4项指标中有3项获全省第三、1项第二', [
    { raw: '两批', value: 2, unit: '批' },
    { raw: '3项', value: 3, unit: '项' },
    { raw: '1项', value: 1, unit: '项' },
  ]],
  ['a share that is something names it', '756 000户家庭居住在公屋,其中百分之十九是长者住户,而百分之十六是领取综合社会保障援助的住户', [
    { raw: '百分之十九', value: 19, subject: '长者住户' },
    { raw: '百分之十六', value: 16, subject: '领取综合社会保障援助的住户' },
  ]],
  ['Hong Kong quotes name what is counted', '我们会设立100亿元「产学研1+计划」,由明年起资助。', [
    { raw: '100亿元', value: 10000000000, subject: '「产学研1+计划」' },
  ]],
  ['及以上 bounds like 以上', '为全市65岁及以上老年人免费开展1次健康体检', [
    { raw: '65岁', value: 65, unit: '岁', bound: '>=', subject: '老年人免费' },
  ]],
  ['万方 is a volume written as such', '东污水处理厂6.6万方存量污泥有效处置。水库扩容200万方', [
    { raw: '6.6万方', value: 66000, unit: '方', subject: '存量污泥有效处置' },
    { raw: '200万方', value: 2000000, unit: '方', subject: '水库扩容' },
  ]],
  ['a word holding a cut character stays whole', '新增5.1万个电动汽车公共充电桩。建成13个国家医学中心,1.6万户相对集中居住农户入住新居', [
    { raw: '5.1万个', subject: '电动汽车公共充电桩', change: 'increase' },
    { raw: '13个', subject: '国家医学中心' },
    { raw: '1.6万户', subject: '相对集中居住农户入住新居' },
  ]],
  ['a second figure between a count and its noun', '分三批推出173项“稳中向好、进中提质”政策。出台58个10亿元以上重大产业项目。为15.5万名80岁以上老年人发放高龄津贴', [
    { raw: '173项', subject: '“稳中向好、进中提质”政策' },
    { raw: '58个', subject: '重大产业项目' },
    { raw: '15.5万名', subject: '老年人' },
  ]],
  ['a conjunction before the next figure ends the list item', '新增12万吨硅料和22吉瓦拉棒产能。', [
    { raw: '12万吨', subject: '硅料', change: 'increase' },
    { raw: '22吉瓦', subject: '拉棒产能' },
  ]],
  ['a year in Chinese digits heads no subject', '一九八二年全国工农业总产值达到八千二百九十一亿元,比一九七八年增长百分之三十二点六', [
    { raw: '八千二百九十一亿元', subject: '工农业总产值' },
    { raw: '百分之三十二点六', subject: '工农业总产值', change: 'increase' },
  ]],
  ['平均每年, 都 and a price adjustment qualify the figure, not the indicator', '国民生产总值平均每年增长百分之十。二氧化硫、化学需氧量排放量都要减少2%。农村居民人均纯收入达到1220元,扣除物价因素比上年增长百分之五;', [
    { raw: '百分之十', subject: '国民生产总值', change: 'increase' },
    { raw: '2%', subject: '二氧化硫、化学需氧量排放量', change: 'decrease' },
    { raw: '百分之五', subject: '农村居民人均纯收入', change: 'increase' },
  ]],
  ['定为 and 回落到 set a level; 回落 by a number is a decrease', '今年经济增长速度的宏观调控目标,定为百分之八至九。固定资产投资增长幅度由上年的百分之五十八点六回落到百分之二十七点八。增幅比一季度回落17.2个百分点', [
    { raw: '百分之八至九', value: 8, value_max: 9, subject: '经济增长速度的宏观调控目标', change: null },
    { raw: '百分之五十八点六', subject: '固定资产投资增长幅度', change: null },
    { raw: '百分之二十七点八', subject: '固定资产投资增长幅度', change: null },
    { raw: '17.2个百分点', change: 'decrease' },
  ]],
  ['the starting date of a from-to pair is no part of the subject', '基本医保,财政补助标准由每人每年320元提高到380元,', [
    { raw: '320元', subject: '财政补助标准' },
    { raw: '380元', subject: '财政补助标准' },
  ]],
  ['an aside or 新建成 left at the head of the subject', '新建(改扩建)学校104所、增加学位1.6万余个。新建成中小学和幼儿园98所、新增学位8.4万个', [
    { raw: '104所', subject: '学校' },
    { raw: '98所', subject: '中小学和幼儿园' },
  ]],
  ['三次产业 names the three sectors, each of a 分别 list', '今年经济社会发展主要预期目标是:地区生产总值增长7%左右,三次产业分别增长5%、9%、6%,规上工业总产值、增加值分别增长15%、12%,', [
    { raw: '5%', subject: '第一产业', change: 'increase' },
    { raw: '9%', subject: '第二产业', change: 'increase' },
    { raw: '6%', subject: '第三产业', change: 'increase' },
  ]],
  ['的 left by the figure before begins no subject, but 的士 is a word', '集体经营性年收入50万元以上的村占比超92%。现在,约有七成的士已改用石油气', [
    { raw: '92%', subject: '村占比', bound: '>=' },
    { raw: '七成', value: 7, unit: '成', subject: '的士' },
  ]],
  ['a quoted name keeps its closing quote', '商圈景观灯光实现提升改造,建成103个“美丽街区”,59个机关、企事业单位附属空间对外开放', [
    { raw: '103个', subject: '“美丽街区”' },
  ]],
  ['多 after a period or a multiple bounds it', '新冠疫情发生三年多来,以习近平同志为核心。比农民一家人的全年平均收入高一倍多', [
    { raw: '三年', value: 3, unit: '年', bound: '~' },
    { raw: '一倍', value: 1, unit: '倍', bound: '~' },
  ]],
  ['Hong Kong\'s 按年 and 实质 qualify the figure, and a dash sets it apart from its heading', '私人消费在第二季按年实质上升8.2%,7至8月零售业总销货值亦按年上升逾15%。(5)增加文化交流拨款 —— 由每年5,000万元增加四成至7,000万元,支持更多香港艺团', [
    { raw: '8.2%', subject: '私人消费在第二季', change: 'increase' },
    { raw: '15%', subject: '7至8月零售业总销货值', change: 'increase', bound: '>=' },
    { raw: '5,000万元', subject: '增加文化交流拨款' },
  ]],
  ['digits set apart by spaces (full-width digits and ideographic spaces of 1998) are one number', '1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元,按可比价格计算,平均每年增长1 1 %。人口自然增长率下降到1 0 .0 6 ‰。高速公路增加4 0 8 3 公里,', [
    { raw: '7 4 7 7 2 亿元', value: 7477200000000, unit: '元', subject: '国内生产总值' },
    { raw: '1 1 %', value: 11, unit: '%', change: 'increase' },
    { raw: '1 0 .0 6 ‰', value: 10.06, unit: '‰', subject: '人口自然增长率' },
    { raw: '4 0 8 3 公里', value: 4083, unit: '公里', subject: '高速公路', change: 'increase' },
  ]],
  ['a rate keeps its whole unit', '新增污水处理能力44.5万吨/日。力争非居民管道天然气最高终端售价下调至3.8元/立方米左右', [
    { raw: '44.5万吨/日', value: 445000, unit: '吨/日', subject: '污水处理能力', change: 'increase' },
    { raw: '3.8元/立方米', value: 3.8, unit: '元/立方米', bound: '~' },
  ]],
  ['度 of electricity after a magnitude', '全年原煤产量1.37亿吨、增长0.9%,发电量1007亿度、增长11%', [
    { raw: '1007亿度', value: 100700000000, unit: '度', subject: '发电量' },
    { raw: '11%', subject: '发电量', change: 'increase' },
  ]],
  ['people counted with no classifier after their noun and an adverb', '我国60岁以上人口已达2.5亿。大力推进城乡供水一体化,新惠及人口50多万。', [
    { raw: '2.5亿', value: 250000000, unit: '人' },
    { raw: '50多万', value: 500000, unit: '人', bound: '~' },
  ]],
  ['people named after the number', '深化文明城区创建,461万志愿者奔波在大街小巷', [
    { raw: '461万', value: 4610000, unit: '人' },
  ]],
  ['多 between two magnitudes', '去年末居民储蓄存款余额增长8.5%,新增4万多亿元。', [
    { raw: '4万多亿元', value: 4000000000000, unit: '元', bound: '~', change: 'increase' },
  ]],
  ['counts of 条 that are things, not articles of a policy', '16条重点产业链产值增长10.7%。推出乡村旅游精品线路10条。', [
    { raw: '16条', value: 16, unit: '条' },
    { raw: '10条', value: 10, unit: '条' },
  ]],
  ['Arabic digits with Chinese units make one number', '日均新设企业由5千多户增加到1万6千多户。高速铁路运营里程从9000多公里增加到2万5千公里、占世界三分之二', [
    { raw: '5千多户', value: 5000, unit: '户', bound: '~' },
    { raw: '1万6千多户', value: 16000, unit: '户', bound: '~' },
    { raw: '2万5千公里', value: 25000, unit: '公里', bound: null },
  ]],
  ['a mixed number before 多万, and a from-to pair counting the people of the noun before it', '出境旅游人次由8300万增加到1亿3千多万。预留4亿1千5百万元的经常开支', [
    { raw: '8300万', value: 83000000, unit: '人次', subject: '出境旅游人次' },
    { raw: '1亿3千多万', value: 130000000, unit: '人次', bound: '~' },
    { raw: '4亿1千5百万元', value: 415000000, unit: '元' },
  ]],
  ['公方 with a magnitude is cubic metres', '1955年完成土方14亿多公方,石方1,400多万公方,混凝土60万公方。', [
    { raw: '14亿多公方', value: 1400000000, unit: '公方', bound: '~', subject: '土方' },
    { raw: '1,400多万公方', value: 14000000, unit: '公方', bound: '~' },
    { raw: '60万公方', value: 600000, unit: '公方', subject: '混凝土' },
  ]],
  ['提升/提高 before a count with a noun after it raise a quality, no difference', '不断提升22个国考断面、25个省考断面水质。提高1200万中小学教师待遇。改造提升1000个村卫生室', [
    { raw: '22个', value: 22, unit: '个', change: null },
    { raw: '1200万', value: 12000000, unit: '人', change: null },
    { raw: '1000个', value: 1000, unit: '个', change: null },
  ]],
  ['提升 with steps of a ranking, or with a rate, is a difference', '在世界知识产权组织发布的全球百强科技集群排名中居第23位、提升11个位次。全市常住人口城镇化率提高0.5个百分点', [
    { raw: '11个', value: 11, unit: '个', change: 'increase' },
    { raw: '0.5个百分点', value: 0.5, unit: '百分点', change: 'increase' },
  ]],
  ['实施 a count of 条 that names streets or roads counts them', '实施背街小巷改造259条,实施道路照明质量提升100条', [
    { raw: '259条', value: 259, unit: '条' },
    { raw: '100条', value: 100, unit: '条' },
  ]],
  ['a round crowd after a verb with no event after it is a count', '组织千家企业参加百个以上境内外知名展会', [
    { raw: '千家', value: 1000, unit: '家' },
  ]],
  ['为民 after a count begins what is counted', '民生支出占一般公共预算支出比重达到78.2%,50项为民办实事项目完成年度任务。', [
    { raw: '50项', value: 50, unit: '项', subject: '为民办实事项目' },
  ]],
  ['a period with 内 is the span something is done in, no ≤ figure; a level verb keeps the bound',
    '对招用农村贫困人口、城镇登记失业半年以上人员的各类企业,三年内给予定额税费减免。全面深化与金融机构等方面的战略合作,5年内新增融资支持4300亿元。审批时间压缩至3个月以内', [
    { raw: '三年', value: 3, unit: '年', bound: null, subject: '三年内' },
    { raw: '5年', value: 5, unit: '年', bound: null, subject: '5年内' },
    { raw: '4300亿元', value: 430000000000, unit: '元', subject: '融资支持', change: 'increase' },
    { raw: '3个月', value: 3, unit: '个月', bound: '<=', subject: '审批时间' },
  ]],
  ['近N年 after a verb is the span a record is set in, not a figure of the noun before it',
    '行政诉讼案件数量大幅减少,败诉率降至近十年最低。出让工业用地15115亩、创近10年新高。纺织服装产业近三年引进亿元以上项目182个', [
    { raw: '十年', value: 10, unit: '年', bound: null, subject: '近十年' },
    { raw: '10年', value: 10, unit: '年', bound: null, subject: '近10年' },
    { raw: '三年', value: 3, unit: '年', bound: null, subject: '纺织服装产业' },
  ]],
  ['将近 before a period is "nearly", a bound', '2017年之前,卫生系统大部分机构将近10年未引进人才', [
    { raw: '10年', value: 10, unit: '年', bound: '~', subject: '未引进人才' },
  ]],
  ['a count of a one-character noun stops at the verb after it, not at a word\'s second half',
    '5个镇入选首批国家农业产业强镇、数量居全省第一。4个村获评全国乡村治理示范村。实施10个城中村改造项目', [
    { raw: '5个', value: 5, unit: '个', subject: '镇' },
    { raw: '4个', value: 4, unit: '个', subject: '村' },
    { raw: '10个', value: 10, unit: '个', subject: '城中村改造项目' },
  ]],
  ['a rank after the things counted is no part of them; 第 of a name is', '城市公共服务质量位居全国120个监测城市第19位。市区空气质量优良率98.9%,在全国168个重点城市排第16位。实施20个城市第六立面改造提升试点项目', [
    { raw: '120个', value: 120, unit: '个', subject: '监测城市' },
    { raw: '168个', value: 168, unit: '个', subject: '重点城市' },
    { raw: '20个', value: 20, unit: '个', subject: '城市第六立面改造提升试点项目' },
  ]],
  ['基本 before a level verb is no part of the subject', '今年城镇保障性住房基本建成470万套、新开工630万套', [
    { raw: '470万套', value: 4700000, unit: '套', subject: '城镇保障性住房' },
  ]],
  ['an investment amount of a project is no size class', '总投资超百亿元的宝镁轻合金项目主体工程全面实施。政府推出二十五亿元的中小企业特别信贷计划', [
    { raw: '百亿元', value: 10000000000, unit: '元', bound: '>=' },
    { raw: '二十五亿元', value: 2500000000, unit: '元' },
  ]],
];

describe('extractMetrics finds the figures', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    const got = run(text);
    for (const e of expected) {
      const m = got.find((x) => x.raw === e.raw);
      expect(m, `${e.raw} in ${JSON.stringify(got.map((x) => x.raw))}`).toBeDefined();
      expect(m).toMatchObject(e);
    }
  });
});

// Each sentence holds only numbers that are not metrics.
const traps: [string, string][] = [
  ['years and dates', '2022年是党和国家历史上极为重要的一年。——2023年3月5日在第十四届全国人民代表大会第一次会议上'],
  ['ordinals and congress numbers', '开展第二十一个世界无烟日活动,全面学习贯彻党的二十大精神,按照十三届全国人大五次会议批准的报告'],
  ['ordinal plenums in a list', '全面落实省委十二届二次、三次、四次全会精神'],
  ['numbers inside names', '实施“11235”工程,打造五大中心,建设5G基站,推进“521栋梁”计划,落实新政14条,省支持滨州30条措施'],
  ['idioms and articles', '形成一系列成果,全市一盘棋,十分重要,建设一流学科,培育一批企业,每月开展一次,展现了一名共产党员的风采'],
  ['counts of the document\'s own sections', '重点做好以下五个方面工作。我讲三点意见'],
  ['numeric slogans', '深刻领悟“两个确立”的决定性意义,增强“四个意识”,严格落实中央八项规定'],
  ['programme periods', '实施国企改革三年行动,长江十年禁渔,是三年新冠疫情防控转段后经济恢复发展的一年'],
  ['ratings, ranks and classes', '建设5万吨级航道,500千伏输变电工程,居全省第1位,进入前3位,世界500强,网络零售额两位数增长,新签约亿元以上项目'],
  ['codes and indicator names', '细颗粒物(PM2.5)平均浓度,万元GDP能耗,每万人拥有,12345热线,G220国道,二次供水'],
  ['75周年 and 一年来', '今年是新中国成立75周年。一年来,我们坚持稳中求进'],
  ['numbered policies in quotes', '制定实施“17条”举措、“136条”细则和“32条”政策,发布“彭城英才计划20条”'],
  ['small Chinese counts with 个 are names', '全面落实“四个走在前”“四个新”重大任务,健全“四个一”工作推进机制,“五个环境”不断改善'],
  ['a step is no unit, nor a set phrase', '规上工业营收迈上万亿台阶。接受高质素的幼儿教育和九年免费教育'],  ['vague, single-day and round slogan counts', '有些地方票证多达几十种。不可能把好事在一天之内办完。落实省委省政府十项规定,实施十项民生工程'],
  ['项 of 项目 is no unit', '引进投资超百亿项目,力争落地过50亿项目'],
  ['the 一倍 of a reference level', '目标是把国民生产总值提高至二零零零年的一倍'],
  ['方 wants a magnitude and is no 方阵 or 方面', '实现从“千亿方阵”到“2万亿方阵”的大跨越,重点抓好5方面工作,东盟十国共15方成员'],
  ['一批 is an article even when bounded; the rest of a list of ordinals', '突破一批关键核心技术。中央交办第一、二、三批信访积案。龙里、长顺的屠宰产能分别排全省第1、2位'],
  ['四处 is everywhere', '高收入、高就业、市场稳定、举目四处繁华、到处都是机会'],
  ['三次产业 is the three sectors, not three times', '主要是:经济总量偏小,三次产业供给质量不高,人才资源、科技创新能力不足'],
  ['多 of a comparison after a period is no bound, nor makes 一年 a count', '蓝天必定会一年比一年多起来'],
  ['a lone financial numeral names a place', '进一步丰富南京路、陆家嘴、徐家汇等世界级地标性商圈业态,伍家岗城市更新'],
  ['numbered policies: a policy word after the count or its list, before it, or an issuing verb',
    '出台促进房地产26条、消费11条、文旅11条等政策。出台支持教育发展10条硬措施;出台促消费措施38条,出台消费提质扩容18条,举办熊猫消费节'],
  ['a lone zero names a place', '李庄古镇月亮田、三江之眼、长江零公里地标广场等成为新的城市旅游打卡地'],
  ['numbered policies put into effect: 实施/落实 a count of 条 with nothing counted after it',
    '实施提信心扩需求增动能72条。落实人才强市28条、产业人才政策。精准实施支持民营经济发展31条,认真落实国务院关于鼓励引导民间投资新36条'],
  ['a round crowd size names an event or programme', '开展万人应急救护培训。广泛开展万人气排球赛、“村BA”篮球赛。深化十万大学生留银专项行动'],
  ['公方 without a magnitude is the public side', '有少数资本家主张公方代表退出公私合营企业'],
  ['a bare amount with a lower bound classes the things after it', '年销售收入超亿元农业龙头企业,新签约亿元以上内资项目'],
  ['a round crowd or set of firms an event verb holds names the event',
    '发挥河北商会、承德驻外商会桥梁纽带作用,举办百家名企进承德、在外能人恳谈会。深入实施“1110”人才工程,举办百名博士铜陵行、高层次人才创新创业大赛'],
];

describe('extractMetrics skips what is not a metric', () => {
  it.each(traps)('%s', (_name, text) => {
    expect(run(text).map((m) => m.raw)).toEqual([]);
  });
});

describe('extractMetrics output contract', () => {
  const text = '一、2023年工作回顾\n全市地区生产总值增长5.5%。\n二、2024年工作安排\n力争城镇新增就业3.5万人以上,今年粮食产量稳定在70亿斤以上。';
  const got = run(text, { year: 2024, review_year: 2023, plan_year: 2024 });

  it('offsets point at raw, in document order', () => {
    for (const m of got) expect(text.slice(m.offset, m.offset + m.raw.length)).toBe(m.raw);
    expect(got.map((m) => m.offset)).toEqual([...got.map((m) => m.offset)].sort((a, b) => a - b));
  });

  it('takes the year from the section heading', () => {
    expect(got.map((m) => [m.raw, m.year])).toEqual([['5.5%', 2023], ['3.5万人', 2024], ['70亿斤', 2024]]);
  });

  it('leaves year null when nothing states it', () => {
    expect(run('门急诊量282773人次')[0]?.year).toBeNull();
  });

  it('takes an explicit year earlier in the sentence', () => {
    expect(run('2021年门诊预约15344人次')[0]?.year).toBe(2021);
  });

  it('reads a year in Chinese digits, and not the base year of a comparison', () => {
    expect(run('一九五七年比一九五六年,粮食增加了五十亿斤,达到三千七百亿斤').map((m) => [m.raw, m.year]))
      .toEqual([['五十亿斤', 1957], ['三千七百亿斤', 1957]]);
  });
});
