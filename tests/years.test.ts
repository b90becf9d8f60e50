import { describe, expect, it } from 'vitest';
import { documentYears, yearFromFileName } from '../src/extract/years.js';

// Openings and headings copied from the corpora (cleaned: NFKC, Simplified).
const cases: Array<{ name: string; title: string | null; text: string; want: [number | null, number | null, number | null] }> = [
  {
    name: 'State Council report: byline date anchors 过去一年 and 今年',
    title: '政府工作报告',
    text: [
      '政府工作报告',
      '——2023年3月5日在第十四届全国人民代表大会第一次会议上',
      '国务院总理',
      '李克强',
      '各位代表:',
      '本届政府任期即将结束。现在,我代表国务院,向大会报告工作,请予审议,并请全国政协委员提出意见。',
      '一、过去一年和五年工作回顾',
      '2022年是党和国家历史上极为重要的一年。党的二十大胜利召开,描绘了全面建设社会主义现代化国家的宏伟蓝图。',
      '二、对今年政府工作的建议',
      '今年是全面贯彻党的二十大精神的开局之年。',
    ].join('\n'),
    want: [2023, 2022, 2023],
  },
  {
    name: 'municipal report with year headings and no title',
    title: null,
    text: [
      '各位代表:',
      '现在,我代表市人民政府向大会报告工作,请予审议,并请市政协委员和其他列席同志提出意见。',
      '一、2023年工作回顾',
      '刚刚过去的一年,是全面贯彻党的二十大精神的开局之年。',
      '二、2024年工作安排',
      '三、全面加强政府自身建设',
    ].join('\n'),
    want: [2024, 2023, 2024],
  },
  {
    name: 'a summary first: year is the reported year, plan year from the intro',
    title: '2025年医政科工作总结暨下一步工作计划',
    text: [
      '2025年医政科工作总结暨下一步工作计划',
      '2025年,在上级卫生健康行政部门的指导及院党委的统筹领导下,医政科坚持以“强基础、提质量、促均衡、保安全”为主线。现将全年工作情况总结如下,并就2026年重点工作思路作系统谋划。',
      '一、2025年工作总结',
      '(一)聚焦医疗质量核心,筑牢安全发展根基',
    ].join('\n'),
    want: [2025, 2025, 2026],
  },
  {
    name: 'a meeting speech that sums up one year and plans the next',
    title: null,
    text: [
      '今天,我们在这里召开大会,目的是总结2014年工作,明确2015年工作思路,进一步动员全体干部职工振奋精神、坚定信念、攻坚克难。',
      '2014年,__区卫生局以群众路线教育实践活动为契机,逐步深化医药卫生体制改革。',
      '2015年是落实“十二五”卫生事业发展规划的收官之年。',
    ].join('\n'),
    want: [2015, 2014, 2015],
  },
  {
    name: 'a work report (汇报) whose plan section is a bare heading',
    title: '关于落实《富锦市支持人才创新创业新政14条》的工作汇报',
    text: [
      '关于落实《富锦市支持人才创新创业新政14条》的工作汇报',
      '市委组织部:',
      '按照市委组织部要求,现将我局承接《富锦市支持人才创新创业新政14条》的相关工作落实情况汇报如下:',
      '一、相关工作落实情况',
      '2018年,我市以提高人民健康水平为宗旨,以“名医工程”为牵动,积极打造一支特色突出、技术精湛的医疗卫生人才队伍。',
      '二、存在问题',
      '近年来,市委、市政府高度重视卫生人才队伍建设工作。一是年龄结构不合理。2017年之前,卫生系统大部分人员为中专学历。',
      '三、2019年工作计划',
    ].join('\n'),
    want: [2018, 2018, 2019],
  },
  {
    name: 'a deployment meeting: plan year only, a passing earlier year is not reviewed',
    title: null,
    text: [
      '(宣传统战科)2024年中华人民共和国成立75周年,是全面实施“十四五”规划的重要一年。站在新的起点上,医院制定下发2024年各级各类目标任务书。',
      '在全省刚刚通报的2022年全国三级公立医院绩效考核中,我院位次依然有待进位。',
      '曹凤宏院长指出,今天召开医院2024年度重点工作部署会,领导班子与全院职工凝心聚力。',
    ].join('\n'),
    want: [2024, null, 2024],
  },
  {
    name: 'a speech at the annual meeting, with numbered parts',
    title: '为实现三级医院创建目标而努力奋斗',
    text: [
      '在医院2023年工作会议上的讲话',
      '为实现三级医院创建目标而努力奋斗',
      '——在医院2023年工作会议上的讲话',
      '同志们:',
      '第一部分2022年工作简要回顾',
      '2022年是党和国家历史上具有里程碑意义的一年。',
      '第二部分2023年工作总体要求和主要目标',
    ].join('\n'),
    want: [2023, 2022, 2023],
  },
  {
    name: 'rectification list dated by its inspection',
    title: null,
    text: [
      '按照2011年9月15日晋宁县创卫督导小组检查我院创建国家卫生县城工作提出的督导意见,针对我院存在的问题,特制定如下整改措施:',
      '4、健教处方2009年没有装盒。立即整改,责任人:何艳萍',
    ].join('\n'),
    want: [2011, null, 2011],
  },
  {
    name: 'placeholder 20xx gives null, never a guess',
    title: null,
    text: '20xx年世界卫生日活动总结1为进一步加强我院医务人员合理用药的能力,开展了形式多样的宣传活动。现将活动情况总结如下:\n20XX年,我区的爱国卫生工作,在区委、区政府的正确领导下,取得明显成效。',
    want: [null, null, null],
  },
  {
    name: 'placeholder XX年 gives null',
    title: null,
    text: '很高兴参加县医院XX年度工作总结会。XX年全院各项工作又取得了显着成绩。刚才,梁院长对医院XX年度工作进行了总结。',
    want: [null, null, null],
  },
  {
    name: 'placeholder years with a real year in passing still give null',
    title: null,
    text: '很高兴参加县医院XX年度工作总结会。XX年全院各项工作又取得了显着成绩,中央财政医疗卫生支出比2006年增长277%。XX年,全县将继续解放思想。',
    want: [null, null, null],
  },
  {
    name: 'no year at all',
    title: null,
    text: '今天,我们召开医院创先争优活动工作推进会,对我院深入开展创先争优活动进行动员和安排。',
    want: [null, null, null],
  },
  {
    name: 'State Council report with no byline: 刚刚过去的1984年 places the delivery year',
    title: null,
    text: [
      '各位代表:',
      '刚刚过去的1984年,是我国各族人民在实现八十年代以至九十年代的三大任务方面取得伟大成就的一年,是全国政治、经济、文化等各条战线的形势越来越好的一年。',
      '当前,怎样把以城市为重点的整个经济体制改革进一步顺利地、健康地推向前进,巩固和发展我国大好的经济形势,是全国人民最关心的问题。现在,我就以此为题,向大会作政府工作报告,请予审议。',
      '(一)关于经济形势',
      '1984年,我国工农业总产值突破一万亿元,在1979到1983年平均每年递增7.9%的基础上,比上年增长14.2%,各方面的经济效益也有提高。',
    ].join('\n'),
    want: [1985, 1984, 1985],
  },
  {
    name: 'a report that reviews five years: "2003年是…做好今年政府工作" is the plan year, not the most-named 1997',
    title: null,
    text: [
      '各位代表:',
      '本届政府1998年3月就职,任期即将结束。现在,我代表国务院,向第十届全国人民代表大会第一次会议报告过去五年的工作,对今年的工作提出建议,请予审议,并请全国政协各位委员提出意见。',
      '一、过去五年政府工作的回顾',
      '1997年亚洲金融危机爆发,1998年、1999年连续遭受特大洪涝灾害。1997年以来,我们实施积极的财政政策。',
      '二、对今年政府工作的建议',
      '党的十六大为我们开创中国特色社会主义事业新局面指明了方向。2003年是全面贯彻落实党的十六大精神的第一年,做好今年政府工作,意义重大。',
    ].join('\n'),
    want: [2003, 2002, 2003],
  },
  {
    name: 'the first year of a five-year plan places 今年 (“七五” began in 1986)',
    title: null,
    text: [
      '各位代表:',
      '现在,我代表国务院向大会作政府工作报告,请予审议。',
      '一九八五年末达到一千六百二十三亿元,比一九八○年末增长三倍。',
      '今年是实行“七五”计划的头一年。做好今年的改革和建设工作,使“七五”计划的实施有一个良好的开端,具有极为重要的意义。',
    ].join('\n'),
    want: [1986, 1985, 1986],
  },
  {
    name: 'an anniversary places 今年 (建国三十周年 is 1979)',
    title: null,
    text: [
      '各位代表:',
      '现在,我代表国务院,向大会作政府工作报告,请予审议。',
      '今年是工作着重点转移的第一年,又是我们伟大的社会主义祖国建国三十周年,完成和超额完成今年的国民经济计划,具有重大的意义。',
      '国家计划委员会已经对去年制订的一九七九年国民经济计划作了修订。',
    ].join('\n'),
    want: [1979, 1978, 1979],
  },
  {
    name: 'municipal report: an unnumbered heading naming 2023 is review, the one before 今年 is the plan year',
    title: null,
    text: [
      '位代表:',
      '现在,我代表市人民政府,向大会作工作报告,请予审议,并请各位政协委员和其他列席人员提出意见。',
      '奋力完成2023年高质量发展的各项任务',
      '2023年,是全面贯彻党的二十大精神的开局之年,是疫情防控转段后经济恢复发展的一年,极不平凡、极为不易。',
      '2023年,我们重点抓了以下工作:',
      '各位代表,一年来,我们坚持把党的领导贯穿政府工作始终,持续加强政府自身建设。',
      '全力实现2024年高质量发展的奋斗目标',
      '实践永无止境,奋斗正当其时。今年,是新中国成立75周年,是实现“十四五”规划目标的关键一年,做好全年工作至关重要、意义重大。',
    ].join('\n'),
    want: [2024, 2023, 2024],
  },
  {
    name: 'municipal report run together on one line: the section titles still place the years',
    title: null,
    text: '各位代表:现在,我代表市人民政府,向大会报告政府工作,请予审议。一、2023年工作回顾过去的一年,极不寻常,极不容易,极不平凡。对这些问题,我们在今后工作中一定采取有力措施,认真加以解决。二、2024年政府工作安排 2024年政府工作总的要求是:以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大和二十届二中全会精神。',
    want: [2024, 2023, 2024],
  },
  {
    name: 'a five-year-plan report with no year it plans: null rather than a guess',
    title: null,
    text: [
      '各位代表:',
      '我代表国务院向大会作关于发展国民经济的第一个五年计划的报告。',
      '我国的第一个五年计划的期间是从一九五三年到一九五七年。这个计划草案的编制工作,在一九五一年就已经开始,中间经过多次的补充和修正,到一九五五年二月,即在第一个五年计划执行了两年之后,才编制完毕。',
      '一九五七年比一九五二年,我国工业总产值将增长百分之九十八点三,即平均每年递增百分之十四点七。',
    ].join('\n'),
    want: [null, null, null],
  },
  {
    name: 'Hong Kong policy address: the year of its title, neither a review year nor a single plan year',
    title: '二零零一年施政报告',
    text: [
      '二零零一年施政报告',
      '巩固实力',
      '投资未来',
      '主席女士:',
      '甲、引言',
      '1. 现在,我宣读香港特别行政区政府第五份施政报告,也是我作为特区第一任行政长官的最后一份施政报告。',
      '2. 一九九七年七月一日,香港回归祖国。香港特别行政区政府成立,殖民统治结束。',
      '特区政府还将在明年于广州开设经济贸易办事处,加强粤港之间的商贸联系。',
    ].join('\n'),
    want: [2001, null, null],
  },
  {
    name: 'Hong Kong policy address with no title: the years it names in passing do not date it',
    title: null,
    text: [
      '主席女士,',
      '引言',
      '1. 现在,我向各位议员、全体香港市民,宣读中华人民共和国香港特别行政区第一份施政报告。',
      '2. 一九九七年七月一日,香港回归祖国,香港人开始书写自己的历史。',
      '加上私人土地和与铁路发展有关的物业发展,以及公屋重建,我们在明年可以兴建大约七万个房屋单位,而从一九九九年起,每年兴建的单位数目将会不少于八万五千个。',
    ].join('\n'),
    want: [null, null, null],
  },
];

describe('documentYears', () => {
  it.each(cases)('$name', ({ title, text, want }) => {
    const y = documentYears(text, title);
    expect([y.year, y.review_year, y.plan_year]).toEqual(want);
  });

  it('does not take a target year (到2035年) or a date inside a sentence as the plan year', () => {
    const y = documentYears(
      '各位代表:\n一、2023年工作回顾\n2023年,全市经济稳中向好。\n二、2024年工作安排\n到2035年基本实现社会主义现代化的远景目标。',
      null,
    );
    expect(y.plan_year).toBe(2024);
  });
});

describe('yearFromFileName', () => {
  it.each([
    ['corpus/1997.txt', 1997],
    ['/data/滨州2024年政府工作报告.docx', 2024],
    ['reports/2023-2024.txt', null],
    ['000_3bd09cb3f97930f0.txt', null],
    ['2019/12345.txt', null],
  ])('%s gives %s', (path, year) => {
    expect(yearFromFileName(path)).toBe(year);
  });
});
