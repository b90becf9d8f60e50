import { describe, expect, it } from 'vitest';
import { extractGoals } from '../src/extract/goals.js';
import type { DocumentYears, Goal } from '../src/model.js';

const Y = (year: number | null, review: number | null, plan: number | null): DocumentYears => ({
  year,
  review_year: review,
  plan_year: plan,
});

/** marker, level, kind and the start of the title: what a reader checks. */
const brief = (gs: Goal[]): string[] => gs.map((g) => `${g.marker}|${g.level}|${g.kind}|${g.title.slice(0, 8)}`);

describe('extractGoals: outline levels and nesting', () => {
  const cases: Array<{ name: string; years: DocumentYears; text: string; want: string[] }> = [
    {
      name: 'State Council report: 一、 and (一), kind from the section heading',
      years: Y(2023, 2022, 2023),
      text: [
        '一、过去一年和五年工作回顾',
        '2022年是党和国家历史上极为重要的一年。',
        '(一)创新宏观调控,保持经济运行在合理区间。面对贸易保护主义抬头、世界经济低迷、国际金融市场动荡等外部环境变化。',
        '(二)如期打赢脱贫攻坚战,巩固拓展脱贫攻坚成果。全面完成脱贫攻坚任务。',
        '二、对今年政府工作的建议',
        '今年是全面贯彻党的二十大精神的开局之年。',
        '(一)着力扩大国内需求。把恢复和扩大消费摆在优先位置。',
      ].join('\n'),
      want: [
        '一、|1|review|过去一年和五年工',
        '(一)|2|review|创新宏观调控,保',
        '(二)|2|review|如期打赢脱贫攻坚',
        '二、|1|plan|对今年政府工作的',
        '(一)|2|plan|着力扩大国内需求',
      ],
    },
    {
      name: 'inline 一是 sits one level below its enclosing item, whatever that is',
      years: Y(2023, 2022, 2023),
      text: [
        '第一部分2022年工作简要回顾',
        '持续规范服务流程。一是进一步完善了预约就诊平台。二是进一步优化了门诊就诊流程。',
        '第二部分2023年工作总体要求和主要目标',
        '二、抓住一个核心,提升技术水平。',
        '要加快新业务新技术的开展。一是要完善新业务新技术准入制度。二是要加大对新业务新技术的支持力度。',
      ].join('\n'),
      want: [
        '第一部分|0|review|2022年工作简',
        '一是|1|review|进一步完善了预约',
        '二是|1|review|进一步优化了门诊',
        '第二部分|0|plan|2023年工作总',
        '二、|1|plan|抓住一个核心,提',
        '一是|2|plan|要完善新业务新技',
        '二是|2|plan|要加大对新业务新',
      ],
    },
    {
      name: '首先/其次 inside 二是 nest one level deeper; 三是 closes them',
      years: Y(2015, 2014, 2015),
      text: [
        '2.卫生应急能力不断提升。一是我局起草并下发了应急预案。二是圆满完成了重大活动的卫生应急保障任务。',
        '以开展党的群众路线教育活动为契机,积极做好党风廉政建设工作,一是局领导分别与机关各科室签订了责任书。二是严格落实中央八项规定。首先,改进文风会风,今年召开各类会议比去年同期减少25%;其次,开展对超标用房的清理。三是结合廉洁从医教育开展活动。',
      ].join('\n'),
      want: [
        '2.|3|review|卫生应急能力不断',
        '一是|4|review|我局起草并下发了',
        '二是|4|review|圆满完成了重大活',
        '一是|4|review|局领导分别与机关',
        '二是|4|review|严格落实中央八项',
        '首先|5|review|改进文风会风,今',
        '其次|5|review|开展对超标用房的',
        '三是|4|review|结合廉洁从医教育',
      ],
    },
    {
      name: '1、 directly under 一、 keeps the level of the marker table',
      years: Y(null, null, null),
      text: [
        '现将活动总结如下:',
        '二、精心组织,务求实效。',
        '1、狠抓医德医风教育,牢记为民服务宗旨。',
        '2、多项措施并举,努力解决群众看病难看病贵。',
        '一是将农村卫生工作列为全市卫生工作重中之重;二是从今年5月1日起,各医疗卫生单位严格执行收费标准。',
      ].join('\n'),
      want: [
        '二、|1|review|精心组织,务求实',
        '1、|3|review|狠抓医德医风教育',
        '2、|3|review|多项措施并举,努',
        '一是|4|review|将农村卫生工作列',
        '二是|4|review|从今年5月1日起',
      ],
    },
  ];
  it.each(cases)('$name', ({ years, text, want }) => {
    expect(brief(extractGoals(text, years))).toEqual(want);
  });

  it('gives each item the index of its enclosing item as parent', () => {
    const gs = extractGoals('一、2025年工作总结\n(一)聚焦医疗质量核心,筑牢安全发展根基\n以县域医共体建设为突破口。一是完善质控标准体系。二是深化DRG/DIP支付改革。', Y(2025, 2025, 2026));
    expect(gs.map((g) => g.parent)).toEqual([null, 0, 1, 1]);
    expect(gs[0]!.year).toBe(2025);
  });
});

describe('extractGoals: titles', () => {
  it('runs an unpunctuated heading into its body, at most 60 characters, starting right after the marker', () => {
    const text = '1、守初心,做一个简单的人作为医务人员,要做一个简单的人。坚守医者初心,努力钻研业务,不断提升诊疗技术,促进患者康复。\n2、讲团结,做一个躬身入局的人结合曾国藩躬身入局的历史故事启示,要求全院中层干部要履职尽责,担当作为,团结协作,不做旁观者,充分调动广大干部职工。';
    const gs = extractGoals(text, Y(2024, null, 2024));
    expect(gs.map((g) => g.title.slice(0, 7))).toEqual(['守初心,做一个', '讲团结,做一个']);
    expect(gs[0]!.title).toBe('守初心,做一个简单的人作为医务人员,要做一个简单的人');
    expect(gs[1]!.title.length).toBe(60);
    expect(gs[0]!.offset).toBe(0);
  });

  it('finds several inline items on one line and ends each title at the next item', () => {
    const text = '要增强五个方面的意识。一是要增强“责任意识”,提高工作的主动性。二是要增强“成效意识”,提高工作的执行力。三是要增强“团队意识”,提高工作的统筹性。';
    const gs = extractGoals(text, Y(2024, null, 2024));
    expect(gs.map((g) => `${g.marker}${g.title}`)).toEqual([
      '一是要增强“责任意识”,提高工作的主动性',
      '二是要增强“成效意识”,提高工作的执行力',
      '三是要增强“团队意识”,提高工作的统筹性',
    ]);
    expect(gs.every((g) => g.kind === 'plan' && g.level === 1)).toBe(true);
  });

  it('a comma does not end a title, a full stop does', () => {
    const [g] = extractGoals('(一)政联企、齐攻坚,经济发展提质增效。精准服务更加有力。', Y(2024, 2023, 2024));
    expect(g!.title).toBe('政联企、齐攻坚,经济发展提质增效');
  });
});

describe('extractGoals: numbers that are not markers', () => {
  const traps: Array<{ name: string; text: string }> = [
    { name: 'a date', text: '总之,在4月7日“世界卫生日”期间,围绕主题,广泛动员社会力量。' },
    { name: 'a decimal with 万 opening a sentence', text: '推动新就业形态劳动者权益保障。1.2万名网约车司机、快递小哥纳入职业伤害保障试点。' },
    { name: 'a year inside a slogan', text: '与全市人民携手并肩,大干2023、奋勇争先向前,交出了一份厚重答卷。' },
    { name: 'numbers in a quotation', text: '提出“争一流、争第一、争唯一”的目标,明确“1、抓项目 2、优环境”的思路。' },
    {
      name: 'a list inside one sentence',
      text: '持续办好十件民生实事:(1)改善50所城乡学校办学条件;(2)新建幼儿园6所。',
    },
    { name: 'a rank, not 第一,…第二,', text: '在全市排名位居全市第一,但在全省排名有待进位。学科建设要争第一,创唯一。' },
    { name: 'a lone 首先 with no 其次', text: '要使活动顺利开展并取得实效,首先须狠抓医德医风教育,牢固树立服务意识。' },
    { name: 'a lone 一是 followed by more text', text: '近年来,一是年龄结构不合理。\n退休人员比例高。\n三、全面加强政府自身建设' },
    { name: 'a page number line', text: '1\n- 2 -\n3.' },
  ];
  it.each(traps)('$name', ({ text }) => {
    const gs = extractGoals(text, Y(2024, 2023, 2024)).filter((g) => g.level !== 1);
    expect(gs).toEqual([]);
  });

  it('an unclosed quotation does not hide the items after its sentence', () => {
    const text = '一是局领导签订了责任书。二是严格落实中央八项规定。三是结合廉洁从医教育,开展“一和三同”和“医疗卫生行业九不准活动。四是结合医患矛盾和服务质量突出问题开展活动。五是制定了一系列审计工作制度。';
    const gs = extractGoals(text, Y(2015, 2014, 2015));
    expect(gs.map((g) => g.marker)).toEqual(['一是', '二是', '三是', '四是', '五是']);
  });

  it('keeps the single 一是 of a text cut off inside its last paragraph', () => {
    const text = '(五)落实惠民政策要求,提升群众就医获得感\n聚焦“一老一小”等重点人群,优化服务供给。一是推进老年健康服务。在85%的二级以上医院设立老年医学科;推';
    const gs = extractGoals(text, Y(2025, 2025, 2026));
    expect(brief(gs)).toEqual(['(五)|2|review|落实惠民政策要求', '一是|3|review|推进老年健康服务']);
  });

  it('an inline run may skip one ordinal (四 lost its 是) and go on', () => {
    const text = '大力开展爱国卫生运动。一是重点开展了明查暗访活动。二是牵头做好控烟工作。三是继续开展健康楼门文化建设。四指导镇开展创建工作。五是继续开展健康社区创建工作。';
    expect(extractGoals(text, Y(2015, 2014, 2015)).map((g) => g.marker)).toEqual(['一是', '二是', '三是', '五是']);
  });
});

describe('extractGoals: kind', () => {
  it('a section with no cue word keeps the kind of the section before it', () => {
    const text = '一、2023年工作回顾\n(一)政联企、齐攻坚。\n二、2024年工作安排\n(一)打好转型升级攻坚战。\n三、全面加强政府自身建设\n(一)筑牢政治忠诚。';
    expect(extractGoals(text, Y(2024, 2023, 2024)).map((g) => g.kind)).toEqual([
      'review', 'review', 'plan', 'plan', 'plan', 'plan',
    ]);
  });

  it('a paragraph opening with the plan year turns the following items to plan', () => {
    const text = [
      '2014年,__区卫生局以群众路线教育实践活动为契机,各项重点工作取得可喜成绩。',
      '1.进一步加强医疗机构应用系统建设。全区区域卫生信息平台进入试运行阶段。',
      '回顾2014年工作,成绩来之不易。',
      '2015年是落实“十二五”卫生事业发展规划的收官之年。',
      '1.加强重点工程建设,确保各项工程按期完工。',
    ].join('\n');
    expect(extractGoals(text, Y(2015, 2014, 2015)).map((g) => g.kind)).toEqual(['review', 'plan']);
  });

  it('a summary names problems as part of its review; its plan heading is plan', () => {
    const text = '一、相关工作落实情况\n2018年,我市积极打造人才队伍。一是完善高端人才引进机制。二是加大人才培养力度。\n二、存在问题\n一是年龄结构不合理。二是素质结构不合理。\n三、2019年工作计划';
    expect(brief(extractGoals(text, Y(2018, 2018, 2019))).map((s) => s.split('|').slice(0, 3).join('|'))).toEqual([
      '一、|1|review', '一是|2|review', '二是|2|review', '二、|1|review', '一是|2|review', '二是|2|review', '三、|1|plan',
    ]);
  });

  it('a meeting agenda is neither review nor plan', () => {
    const text = '会议议程\n1、请朱局长就招商引资工作做部署。\n2、请张局长全县医院管理年暨创建平安医院工作作部署。';
    expect(extractGoals(text, Y(2007, null, 2007)).map((g) => g.kind)).toEqual([null, null]);
  });

  it('a speech with no years sets work: plan; an activity summary reports: review', () => {
    const speech = '下面,我就新时期医院工作讲四点意见。\n一、切实增强加快发展的意识\n二、大力实施科教和人才战略,为医院发展提供智力支持';
    const summary = '现将活动情况总结如下:\n一、加强组织领导,明确宣传主题\n二、采取多种形式,营造宣传氛围';
    expect(extractGoals(speech, Y(null, null, null)).map((g) => g.kind)).toEqual(['plan', 'plan']);
    expect(extractGoals(summary, Y(null, null, null)).map((g) => g.kind)).toEqual(['review', 'review']);
  });
});

describe('extractGoals: paragraph numbering and run-together text', () => {
  // Hong Kong 1997 policy address (converted): paragraphs numbered 1. … straight
  // through, across unnumbered headings; only 一. is an outline marker.
  const hk = [
    '主席女士,', '引言',
    '1. 现在,我向各位议员、全体香港市民,宣读中华人民共和国香港特别行政区第一份施政报告。',
    '2. 一九九七年七月一日,香港回归祖国,香港人开始书写自己的历史。',
    '3. 在大趋势方面,我们国家正出现了一百多年来,未曾有过的大好形势。',
    '4. 现在整个世界经济的局面,正持续进行巨大变化。',
    '5. 香港的确幸运,我们拥有了无与伦比的优越条件。',
    '6. 在国家振兴民族大业,重振经济和文化辉煌的过程当中,香港要发挥作用。',
    '一国两制与香港',
    '7. 香港回归祖国,实行「一国两制」,使到我们必须认识和接受一个现实。',
    '8. 「一国两制」是一个完整的政治概念。',
    '9. 国家推行改革开放政策,香港的经济发展因此注入了新的活力。',
    '10. 香港与内地整体经济的合作,前景乐观。',
    '基本法',
    '11. 《基本法》是「一国两制」庄严而神圣的法律保障。',
    '发展思路',
    '12. 一个负责任的政府,其最大的任务是要造福于民。',
    '13. 香港经济结构转型,工业北移。',
    '14. 特区政府鼓励企业向高增值的路向发展。',
    '15. 促使大部份市民能参与高增值行业是一项长远工作。',
    '16. 香港的发展策略,一定要遵循自由经济的原则。',
    '工作计划',
    '一. 百业同兴',
    '17. 要建设美好家园,改善交通,提高教育质素。',
    '18. 居港的国际商界人士,多年来以丰富的经验和无比魄力,为香港作出贡献。',
    '有利营商的环境',
    '19. 香港的税制,是全球最有利营商的税制之一。',
    '20. 政府除了关注征税对工商界的影响外,也会密切注意规管对营商的影响。',
    '21. 在香港经营的公司都关心租金和通胀对营商成本带来的负担。',
  ].join('\n');

  it('numbers running through a whole document are paragraph numbers, not goals', () => {
    expect(brief(extractGoals(hk, Y(null, null, null)))).toEqual(['一.|1|plan|百业同兴']);
  });

  it('a short numbered list is still an outline', () => {
    const text = '二、2024年工作安排\n1.加强重点工程建设,确保各项工程按期完工。\n2.深化医药卫生体制改革。\n3.提升基层服务能力。';
    expect(extractGoals(text, Y(2024, 2023, 2024)).map((g) => g.marker)).toEqual(['二、', '1.', '2.', '3.']);
  });

  it('a report run together on one line keeps its section markers and their kinds', () => {
    // 潍坊 2024: the .docx conversion lost every paragraph break
    const filler = '坚持稳中求进工作总基调,完整、准确、全面贯彻新发展理念,主动服务和融入新发展格局,着力推动高质量发展。'.repeat(40);
    const text = `各位代表:现在,我代表市人民政府,向大会报告政府工作,请予审议。一、2023年工作回顾过去的一年,极不寻常,极不容易,极不平凡。${filler}对这些问题,我们在今后工作中一定采取有力措施,认真加以解决。二、2024年政府工作安排 2024年政府工作总的要求是:以习近平新时代中国特色社会主义思想为指导。${filler}(一)聚力推动经济平稳增长。${filler}三、全面加强政府自身建设新形势新任务,对政府自身建设提出了新的更高要求。`;
    expect(brief(extractGoals(text, Y(2024, 2023, 2024))).map((s) => s.split('|').slice(0, 3).join('|'))).toEqual([
      '一、|1|review', '二、|1|plan', '(一)|2|plan', '三、|1|plan',
    ]);
  });

  it('in a run-together report the running context turns with the plan year (泸州: unnumbered section titles)', () => {
    const filler = '项目投资拉动作用持续增强,经济运行总体回升向好。'.repeat(120);
    const text = `2023年,我们主要做了以下工作:(一)千方百计稳增长,经济发展质效稳中有升。${filler}对此,我们将在今后工作中努力加以解决。2024年工作安排建议2024年是实施“十四五”规划的关键一年。做好全年政府工作,必须始终坚持党的全面领导。一、聚焦抓项目增效益,持续巩固经济回升势头。${filler}`;
    expect(brief(extractGoals(text, Y(2024, 2023, 2024))).map((s) => s.split('|').slice(0, 3).join('|'))).toEqual([
      '(一)|2|review', '一、|1|plan',
    ]);
  });
});
