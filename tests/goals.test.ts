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
    {
      name: 'a list in one sentence opened at its start (岳阳)',
      text: '全力办好10件市级重点民生实事。①实施海绵城市项目建设;②完成医保参保资助、住院救助、门诊救助、再救助30万人次;③实行孕产妇13种致畸基因免费筛查。',
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

  it('an unnumbered heading that turns to the plan year closes the review sections (成都, 益阳)', () => {
    const text = [
      '一、2023年工作回顾',
      '(七)坚持忠诚勤勉、担当作为,政府自身建设切实加强。',
      '2024年工作安排建议',
      '今年政府工作的总体思路是:坚持稳中求进工作总基调。',
      '一是聚焦“三个牢牢把握”“四个发力”等重大要求,推动各项重点任务落地落实。二是始终把坚持高质量发展作为新时代的硬道理。',
    ].join('\n');
    const gs = extractGoals(text, Y(2024, 2023, 2024));
    expect(gs.map((g) => `${g.marker}|${g.level}|${g.parent}|${g.kind}`)).toEqual([
      '一、|1|null|review', '(七)|2|0|review', '一是|1|null|plan', '二是|1|null|plan',
    ]);
    // a heading with no year: its cue word names the kind (全力实现2024年…的奋斗目标 names the year)
    const yiyang = '(五)突出民生改善,共享发展成果。\n全力实现2024年高质量发展的奋斗目标\n一、着力推进产业立市\n二、着力激发内需活力';
    expect(extractGoals(yiyang, Y(2024, 2023, 2024)).map((g) => `${g.marker}|${g.kind}`)).toEqual([
      '(五)|review', '一、|plan', '二、|plan',
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

  it('a new numbered paragraph closes the list of the one before: its 第一, belongs to the section', () => {
    // Hong Kong 2022 (DocBook): 39. 第一,… follows the (1)… list of 38.
    const text = [
      hk,
      '22. 为巩固香港作为国际金融中心的地位,我们会推出以下措施:',
      '(1)提升融资平台国际化 — 港交所于明年修改主板上市规则。',
      '(2)强化最大离岸人民币业务中心优势 — 香港目前处理全球约75%的离岸人民币结算。',
      '23. 第一,完善创科生态圈,实现香港「再工业化」。措施包括:',
      '(1)促进科研成果商品化 — 香港有雄厚的科研实力。',
      '24. 第二,壮大创科人才库,增强发展动能。',
    ].join('\n');
    const gs = extractGoals(text, Y(null, null, null));
    expect(gs.map((g) => `${g.marker}|${g.level}|${g.parent}`)).toEqual([
      '一.|1|null', '(1)|4|0', '(2)|4|0', '第一,|2|0', '(1)|4|0', '第二,|2|0',
    ]);
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

  it('a first item after a colon counts when its item 2 opens the next line (枣庄: breaks restored before (二) only)', () => {
    const text = [
      '2024年政府工作的总体要求是:坚持稳中求进工作总基调。重点抓好八个方面的工作: (一)聚力加快产业升级,夯实高质量发展支撑。坚持主攻实体经济不动摇,加速构建现代化产业体系。一是梯次培育助企登高。启动实施“8010”工业企业培育计划。二是建圈强链壮大集群。',
      '(二)聚力强化科技创新,增强高质量发展动能。',
    ].join('\n');
    expect(brief(extractGoals(text, Y(2024, 2023, 2024))).map((s) => s.split('|').slice(0, 2).join('|'))).toEqual([
      '(一)|2', '一是|3', '二是|3', '(二)|2',
    ]);
  });

  it('a list inside one sentence stays a list when the lines after it open an outline of their own', () => {
    const text = '办好民生实事,做到:(1)改善住房条件;(2)建成三所学校。\n(1)加强重点工程建设。\n(2)深化医药卫生体制改革。';
    expect(brief(extractGoals(text, Y(2024, 2023, 2024))).map((s) => s.split('|').slice(0, 2).join('|'))).toEqual([
      '(1)|4', '(2)|4',
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

describe('extractGoals: older State Council reports and Hong Kong addresses', () => {
  it('a marker set alone on its line (wiki bold) takes its title from the next line', () => {
    // 1995 State Council report, lines 13-17 of the cleaned text
    const text = [
      '一、1994年国内工作的回顾',
      '我们在前进中还存在一些问题和困难。',
      '一是',
      '去年出台的调价项目和影响价格的改革措施比较多,包括大幅度提高粮食、棉花、原油等产品价格,实行汇率并轨等。',
      '二是',
      '农业投入不足,耕地面积减少,一些地方不同程度放松了粮食生产和“菜篮子”工程。',
    ].join('\n');
    expect(brief(extractGoals(text, Y(1995, 1994, 1995)))).toEqual([
      '一、|1|review|1994年国内工',
      '一是|2|review|去年出台的调价项',
      '二是|2|review|农业投入不足,耕',
    ]);
  });

  it('a lone 首先 opens the run that 二是 or 第二, continues', () => {
    const agriculture = '为了保证农业稳定增长,必须坚持农村各项基本政策,继续深化农村改革。首先要增加对农业的投入。今年中央用于农业的投入将有较大幅度增加。二是保护和合理使用耕地,稳定粮棉播种面积。三是因地制宜搞好农业综合开发,积极开垦宜农荒地,改造中低产田。';
    const opening = '在1995年的经济工作中,要加强和改善宏观调控,注意解决经济发展中面临的突出矛盾和问题。';
    expect(brief(extractGoals(`一、1994年国内工作的回顾\n二、促进国民经济持续、快速、健康发展\n${opening}\n${agriculture}`, Y(1995, 1994, 1995)))).toEqual([
      '一、|1|review|1994年国内工',
      '二、|1|plan|促进国民经济持续',
      '首先|2|plan|要增加对农业的投',
      '二是|2|plan|保护和合理使用耕',
      '三是|2|plan|因地制宜搞好农业',
    ]);
    // Hong Kong 1999, paragraph 38
    const changes = '二、三大转变\n我们正走向一个崭新的时代,面对三大转变:首先,由于贸易自由化和资讯科技兴起,全球经济日益一体化。第二,我国二十年改革开放,令香港与内地的经济关系产生变化。第三,香港内部经济结构再度转型,出现新的挑战和契机。';
    expect(brief(extractGoals(changes, Y(1999, null, null))).map((s) => s.split('|').slice(0, 2).join('|'))).toEqual([
      '二、|1', '首先|2', '第二,|2', '第三,|2',
    ]);
    // 首先 with nothing after it is an adverb (1985: 首先在农村开始)
    expect(extractGoals('(二)关于经济体制改革\n我国经济体制的改革,首先在农村开始并取得了举世瞩目的成就。', Y(1985, 1984, 1985)).map((g) => g.marker)).toEqual(['(二)']);
  });

  it('a heading that names no kind takes the kind its first line sets', () => {
    // 1985 State Council report: (一) reviews 1984, (二) opens with the plan year
    const text = [
      '(一)关于经济形势',
      '1984年,经过全国各族人民的共同努力,我国工农业生产大幅度增长,现代化建设速度进一步加快,人民生活继续得到改善。',
      '总的来看,当前经济生活中存在的问题,是前进中的问题。',
      '(二)关于经济体制改革',
      '1985年,是贯彻党的十二届三中全会决定的第一年。',
    ].join('\n');
    expect(extractGoals(text, Y(1985, 1984, 1985)).map((g) => `${g.marker}${g.kind}`)).toEqual(['(一)review', '(二)plan']);
  });

  // Hong Kong 1999 policy address (converted): parts 甲、乙、… over sections 一、二、…,
  // paragraphs numbered straight through.
  const hk1999 = [
    '一九九九年施政报告',
    '培育优秀人才',
    '建设美好家园',
    '主席女士:',
    '甲、引言',
    '1. 还有不到一百天,我们就迎接新的世纪和新的一千年。',
    '2. 我准备讲几个重点课题,包括香港的定位、培育人才和建设美好的家园,这些都关乎市民的整体利益。',
    '3. 至于其他方面的问题和行政措施,我已委托各位局长在未来数天向立法会和市民作详细汇报;有关资料则刊载在今天与施政报告一起发表的《一九九九年施政方针》小册子里。',
    '乙、两年回顾',
    '4. 在讨论各个重点之前,让我为大家作一个回顾。',
    '一、两大挑战',
    '5. 对一个政府来说,最大的考验,在于能否驾驭客观情势的变化。两年来,香港经历了两项巨变:一是香港由殖民统治回到祖国怀抱,在史无前例的「一国两制」方针下实行高度自治;二是亚洲金融风暴造成了区域以至世界性的震荡。',
    '落实「一国两制」',
    '6. 九七回归之日,我们建立了特区政府,实现「港人治港」;设立了终审法院,实现真正的司法独立;先后组成了临时立法会和特区首届立法会,港人热心参与公共事务,去年选举时的投票率很高。',
    '7. 回归前曾出现的移民潮,现已转为大量回流。',
    '8. 虽然「一国两制」没有先例可援,我们两年多以来的实践,已有力地说明它的可行性和生命力。',
    '抗御金融风暴',
    '9. 就在我们庆祝回归翌日,亚洲金融风暴在泰国掀起。',
    '10. 回想去年夏天,香港金融体系遭受强大压力,股市和汇市同时受到冲击,腹背受敌,人们信心动摇。',
    '11. 其实,在金融风暴吹袭之前,香港经济已存在一些结构性的问题。',
    '二、纾解民困加速复苏',
    '纾困措施',
    '12. 金融风暴触发的调整,使香港经济衰退,失业率上升到二十多年来的高位,部分居民生活遇到困难。',
    '13. 另外,政府选择在适当的时候,宣布暂停卖地一段时间,以稳定楼市。',
    '走出谷底',
    '14. 我们采取的连串纾困措施逐渐生效,亚洲金融风暴亦慢慢平息,香港经济正在走出谷底。',
    '15. 不过,香港实质利率依然偏高,银行信贷两年来呈负增长,至今未显著回升。',
    '16. 回顾过去两年,我们全面落实了「一国两制」,为特区的发展奠下良好基础。',
    '三、中长期工作',
    '17. 相信大家记得,我在上任后第一个施政报告里,提出特区政府发展香港的思路和一系列目标。',
    '丙、明确定位',
    '一、长远策略',
    '36. 特区政府在处理日常事务的同时,一直为香港作长远筹划。',
    '二、三大转变',
    '38. 我刚才讲了过去两年间,我们已经成功应付了两大挑战。',
    '戊、建设美好家园',
    '六、优质生活环境',
    '127. 世界一流的城市,不能没有舒适、安全、优美的生活环境。',
    '139. 在二十一世纪将临之际,我们面对的是两个选择..一是任由生活环境继续恶化,以致大家身心受损,经济发展不能持续;二是决意保护环境,务求经济日益繁荣之余,不断提升生活质素。',
    '庚、结语',
    '170. 各位市民、各位议员,我们正处于世纪之交这个独特又珍贵的时刻。',
    '171. 在上一个世纪之交,我们的国家正遭受列强入侵,国弱民困。'
,
  ].join('\n');

  it('甲、乙、 are the parts (level 0) of an address; its numbered paragraphs are not goals', () => {
    expect(brief(extractGoals(hk1999, Y(1999, null, null)))).toEqual([
      '甲、|0|null|引言',
      '乙、|0|review|两年回顾',
      '一、|1|review|两大挑战',
      '一是|2|review|香港由殖民统治回',
      '二是|2|review|亚洲金融风暴造成',
      '二、|1|review|纾解民困加速复苏',
      '三、|1|review|中长期工作',
      '丙、|0|plan|明确定位',
      '一、|1|plan|长远策略',
      '二、|1|plan|三大转变',
      '戊、|0|plan|建设美好家园',
      '六、|1|plan|优质生活环境',
      '一是|2|plan|任由生活环境继续',
      '二是|2|plan|决意保护环境,务',
      '庚、|0|null|结语',
    ]);
  });

  it('an inline run may open a numbered paragraph, and 第一是 begins a 一是 run', () => {
    // Hong Kong 2001, the opening of the address (paragraphs numbered straight through)
    const text = [
    '主席女士:',
    '甲、引言',
    '1. 现在,我宣读香港特别行政区政府第五份施政报告,也是我作为特区第一任行政长官的最后一份施政报告。',
    '2. 一九九七年七月一日,香港回归祖国。',
    '3. 「一国两制」一定要得到成功落实,这是香港特别行政区肩负的历史使命,也是以往任何一代香港人都未曾遇过的重大挑战。',
    '4. 四年过去了,广大市民和特区政府共同努力,有效维持了香港的法治、自由和开放的体系,与中央政府建立了充分信任;各界人士对祖国的认识加深,确立和认同香港回归后自己的新身分;「一国两制」得到成功落实。',
    '5. 香港回归时,我曾经讲过,香港人取得了足以自豪的经济成就,但是也要注意到存在的隐忧,有一些问题会削弱我们的长远竞争力。',
    '6. 香港在政治上实现了平稳过渡,又在亚洲金融风暴中稳定了本身的金融秩序,两者都得到国际社会的普遍赞赏;应付这两大挑战取得的成功,确实来之不易。',
    '7. 近日世局急变,现在我们要面临更大的考验。',
    '乙、迎接经济转型',
    '8. 香港外向型的经济深受世界环境变化影响;目前的困难,有周期性和结构性两方面的原因。',
    '困难不会很快过去',
    '9. 最近一年来,香港的主要出口市场明显放缓,出现了周期性的调整。',
    '10. 经济的结构性调整,是源于经济全球化持续发展,以及信息科技日新月异,带来知识经济的新时代。',
    '11. 过去数十年,香港数度转型:由一个平凡的转口港,变为提供廉价劳力的轻工业制造基地,再发展为今天举世知名的金融、贸易和服务业中心。',
    '12. 今次转型由几个趋势交汇而成,问题异常复杂。首先,全球正快速由工业经济转化到知识经济。',
    '13. 其次,经济全球一体化带来了极大的机遇与挑战。',
    '14. 最后,香港过渡前出现的「泡沫经济」也带来了很大的问题。',
    '香港具备优越条件',
    '15. 经济结构调整本来就是艰苦的过程,现在更遇上世局急变和周期性困难加深,汇合成巨大的压力;但我们对自己的经济前景应该有充分信心,因为香港具备许多优越条件。',
    '地位优越',
    '16. 香港背靠祖国大陆,连接世界各地,其他地方都羡慕我们这个独有的优势。',
    '17. 国家即将加入「世界贸易组织」,北京又成功获得二零零八年奥运会的主办权,这些都显示祖国的国际地位不断提升,社会大局安定,经济将可持续发展。',
    '营商环境优胜',
    '18. 大家知道,香港是国际公认最自由开放的经济体系。',
    '19. 在基础设施方面,香港已达到世界一流水准。',
    '企业人才荟萃',
    '20. 香港不但有富创业精神的市民,还汇集了众多具有经营管理经验的人才与专业精英,以及许多国际级的优秀企业,遍及金融、贸易、法律、会计、保险等多个相互关联的行业,形成高效率的营运体系,善于吸纳新知识,亦勇于创新。',
    '21. 以上我讲到的优势,都是切实存在,而且是大家公认的。',
    '定位和方向',
    '22. 香港具备的优越条件,有利促进发展。',
    '行业提升带动增长',
    '24. 香港人经过多年努力,已经建立了一系列具有竞争力的优势行业,例如:金融业和相关的服务业。',
    '25. 我们还为跨国企业提供服务。',
    '凭借内地经济优势',
    '26. 除了上述优势行业的继续提升外,香港今后发展,很重要的是承接祖国大陆经济增长的动力。',
    '27. 我们尤其要加强与珠江三角洲的合作。',
    '28. 我和特区政府的同事们与广东省政府的领导层建立了有效的沟通渠道,推动两地合作,协调长远发展。',
    '经济转型中的政府角色',
    '29. 跟大家谈论过香港的独特优势后,我想指出,我们的未来路向是清晰的:就是在现有的良好基础上,向高增值发展。',
    '30. 现在特区政府与市民,一起面对经济转型和周期性下滑的双重挑战。',
    '31. 吸取大家的意见,主要任务可归纳为五点:第一是大力投资于教育;二是加强软、硬件基础设施,改善营商环境;三是优化生活环境。'
,
    ].join('\n');
    expect(brief(extractGoals(text, Y(2001, null, null)))).toEqual([
      '甲、|0|null|引言',
      '乙、|0|plan|迎接经济转型',
      '首先|1|plan|全球正快速由工业',
      '其次|1|plan|经济全球一体化带',
      '最后|1|plan|香港过渡前出现的',
      '第一是|1|plan|大力投资于教育',
      '二是|1|plan|加强软、硬件基础',
      '三是|1|plan|优化生活环境',
    ]);
  });

  it('甲、乙 naming two parties is not a heading; 二、三 joining two numbers is not one either', () => {
    const text = '一、合同管理\n甲、乙双方应当按照约定履行各自的义务。\n二、三季度重点工作\n加强督查。';
    expect(extractGoals(text, Y(null, null, null)).map((g) => g.marker)).toEqual(['一、']);
  });
});
