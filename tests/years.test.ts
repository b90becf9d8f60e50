import { describe, expect, it } from 'vitest';
import { documentYears } from '../src/extract/years.js';

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
