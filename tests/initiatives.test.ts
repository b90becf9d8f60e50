import { describe, expect, it } from 'vitest';
import { extractInitiatives, initiativeKey } from '../src/extract/initiatives.js';

// Sentences copied from /work/shared/corpora (cleaned: Simplified, NFKC).

function find(text: string, name: string) {
  return extractInitiatives(text).find((x) => initiativeKey(x.name) === initiativeKey(name));
}

describe('quoted name followed by a type word', () => {
  const cases: Array<[string, string, string]> = [
    ['医院党总支始终坚持实施“名医带名科、名科促名院”的“三名”战略,把抓质量', '三名战略', '战略'],
    ['医院组织开展“基层百村行”义诊活动。医院组', '基层百村行义诊活动', '活动'],
    ['尝试采取“中午连一连,晚上延一延”的工作模式,满足不同时间段患者的需求', '中午连一连,晚上延一延工作模式', '模式'],
    ['积极推进“院感防控能力提升百日行动”,完成112家医疗机构', '院感防控能力提升百日行动', '行动'],
    ['推行“证照分离”改革,企业开办时间压缩', '证照分离改革', '改革'],
    ['扎实开展“不忘初心、牢记使命”主题教育和党史学习教育', '不忘初心、牢记使命主题教育', '主题教育'],
    ['2023年,医院确定为“管理质量提升年”。主要工作是', '管理质量提升年', '年'],
    ['深入开展“无证明城市”建设,推动市县两级', '无证明城市', '城市'],
  ];
  it.each(cases)('%s -> %s', (text, name, type) => {
    const x = find(text, name);
    expect(x, JSON.stringify(extractInitiatives(text).map((i) => i.name))).toBeDefined();
    expect(x!.type).toBe(type);
  });

  it('gives quotations listed together the type word they share', () => {
    const names = extractInitiatives('推广“乡聘村用”和“县管乡用”机制,基层人才').map((x) => x.name);
    expect(names).toEqual(['乡聘村用机制', '县管乡用机制']);
  });

  it('takes the numeral between the quotation and the type word as the code', () => {
    const x = find('建立“医保-临床-管理”三方联动机制,指导医院', '医保-临床-管理三方联动机制')!;
    expect(x.expected_count).toBe(3);
    expect(x.members).toEqual(['医保', '临床', '管理']);
    expect(x.consistent).toBe(true);
  });

  it('reads a name that appears quoted once and unquoted with its type word later', () => {
    const text = '我市积极开展了“锦城名医”、“三江名医”等一系列优秀卫生工作者推荐选拔工作。其中,锦城名医活动推选出包括内科、外科等类别医疗专家10人';
    expect(find(text, '锦城名医活动')).toBeDefined();
  });
});

describe('numeric slogans', () => {
  it('decodes “11235”工程 into its five labelled groups', () => {
    const text = '主要工作是实施“11235”工程,即围绕一个中心:以病人为中心;抓住一个核心:提升医疗技术水平;实现两项创新:管理和服务创新。突出三个重点:医疗质量、医疗安全、二甲复审;加强五项建设:党的组织建设、重点专科建设、人才队伍建设、智慧医院建设、医院文化建设。';
    const x = find(text, '11235工程')!;
    expect(x.code).toBe('11235');
    expect(x.expected_count).toBe(12);
    expect(x.groups.map((g) => g.count)).toEqual([1, 1, 2, 3, 5]);
    expect(x.groups[0]).toEqual({ label: '围绕一个中心', count: 1, items: ['以病人为中心'] });
    expect(x.groups[2]!.items).toEqual(['管理创新', '服务创新']);
    expect(x.members).toContain('二甲复审');
    expect(x.consistent).toBe(true);
  });

  it('counts no members in a period or a date: 三年行动, 十年禁渔, “7·22”', () => {
    // 鄂州 and 北京 2024, the State Council 2023
    const text = '实施“擦亮小城镇”三年行动。推进“演艺之都”三年行动。坚定推进长江“十年禁渔”。举办首届“7·22鄂州人才周”活动。';
    expect(find(text, '演艺之都三年行动')?.expected_count).toBeNull();
    expect(find(text, '十年禁渔')?.expected_count).toBeNull();
    const week = extractInitiatives(text).find((x) => x.name.includes('7·22'));
    expect(week?.code).toBeNull();
    // 三期叠加 counts its three periods
    expect(find('我国经济发展进入“三期叠加”阶段', '三期叠加')?.expected_count).toBe(3);
  });

  it('takes a lone 二 for an ordinal: “二次创业”, 二期工程 count nothing', () => {
    // 广州 and 南京 2024
    const text = '稳存量、扩增量、防变量一体推进,奋发有为推动“二次创业”再出发。获批建设国家“东数西算”二期工程示范项目。';
    expect(extractInitiatives(text).filter((x) => x.name.startsWith('二次创业'))).toEqual([]);
    expect(find(text, '东数西算二期工程')?.expected_count).toBeNull();
  });

  it('leaves a digit code with no spelled-out groups uncounted', () => {
    const x = find('通过“521栋梁”计划、转岗培训、外出进修等方式', '521栋梁计划')!;
    expect(x.code).toBe('521');
    expect(x.expected_count).toBeNull();
    expect(x.consistent).toBeNull();
  });

  const digitCodes: Array<[string, string, string | null]> = [
    // a digit code is a numeric slogan whatever noun of plans follows it
    ['坚持“1336”总体工作思路,奋力推进', '1336', null],
    ['锚定“123456”总体思路,加快建设', '123456', null],
    ['比拼跃升”,做实“211”工作举措,全年签约亿元以上产', '211', null],
    // its name runs to a type word further on than a word quotation's would
    ['态风险治理。实施“811”生态文明先行示范行动,全力建', '811生态文明先行示范行动', '行动'],
    ['建立“2110”企业诉求快速闭环解决机制,我市居全国', '2110企业诉求快速闭环解决机制', '机制'],
    // a note number folded into the text is no part of the name (㉞ cleaned to 34)
    ['总结推广“301”线上快贷34服务模式,深化和规范', '301', null],
  ];
  it.each(digitCodes)('reads the digit code in %s', (text, name, type) => {
    const x = find(text, name);
    expect(x, JSON.stringify(extractInitiatives(text).map((i) => i.name))).toBeDefined();
    expect(x!.type).toBe(type);
  });

  const leading: Array<[string, string, number, string[]]> = [
    ['在落实“零事故、零纠纷、零投诉、零差错”的“四零”安全目标的基础上', '四零安全目标', 4, ['零事故', '零差错']],
    ['对创建成功的专科,医院将实行“硬件改善优先、人员配备优先、进修学习优先、对外宣传优先”的“四优先”政策,集中主要精力', '四优先政策', 4, ['硬件改善优先', '对外宣传优先']],
    ['深入开展以“安全工作零起点、接诊病人零推诿、患者病情零漏诊、执行医嘱零缺陷,病历书写零漏项,操作过程零失误、设备运行零隐患、生产组织零违章、排查隐患零盲区、隐患治理零搁置”为内容的“十零”安全生产活动,确保医院安全', '十零安全生产活动', 10, ['安全工作零起点', '隐患治理零搁置']],
    ['在全体党员和广大医务工作者中开展和谐医患、同拒红包、同抵回扣、同葆健康的“一和三同”和“医疗卫生行业九不准活动。', '一和三同', 4, ['和谐医患', '同葆健康']],
    ['加快推进肿瘤、微创介入、麻醉疼痛、重症监护、静脉血栓栓塞症等临床服务五大中心建设步伐', '临床服务五大中心', 5, ['肿瘤', '静脉血栓栓塞症']],
    ['推动胸痛、卒中、创伤等“五大中心”向县级医院延伸', '五大中心', 5, ['胸痛', '创伤']],
  ];
  it.each(leading)('reads the list before %s', (text, name, count, some) => {
    const x = find(text, name);
    expect(x, JSON.stringify(extractInitiatives(text).map((i) => i.name))).toBeDefined();
    expect(x!.expected_count).toBe(count);
    for (const m of some) expect(x!.members).toContain(m);
  });

  it('reads the list after 即:', () => {
    const x = find('一是重点抓好五项重点工作,即:干部队伍建设、人才队伍建设、党员队伍建设、组织建设和作风建设,不断巩固', '五项重点工作')!;
    expect(x.members).toEqual(['干部队伍建设', '人才队伍建设', '党员队伍建设', '组织建设', '作风建设']);
    expect(x.consistent).toBe(true);
  });

  it('reads the clauses after a compound code, one group per part', () => {
    const text = '重点解决“两不愁三保障”问题,脱贫群众不愁吃、不愁穿,义务教育、基本医疗、住房安全有保障,饮水安全也有了保障。';
    const x = find(text, '两不愁三保障')!;
    expect(x.expected_count).toBe(5);
    expect(x.groups.map((g) => g.items.length)).toEqual([2, 3]);
    expect(x.members.slice(0, 2)).toEqual(['不愁吃', '不愁穿']);
  });

  it('gives a list to the slogan whose word it repeats, not to its neighbour', () => {
    const text = '持续做好“六稳”、“六保”工作,强化保居民就业、保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转,为稳定经济社会大局提供了有力支撑。';
    expect(find(text, '六保')!.members).toHaveLength(6);
    expect(find(text, '六保')!.members[0]).toBe('保居民就业');
    expect(find(text, '六稳')!.members).toEqual([]);
  });

  it('assigns the items of a following sentence to the parts of 三合理一规范', () => {
    const text = '六是持续开展“三合理一规范”医保专项整治活动,规范诊疗过程。有效杜绝了不合理检查、不合理用药、不合理治疗、不规范收费现象。';
    const x = find(text, '三合理一规范医保专项整治活动')!;
    expect(x.expected_count).toBe(4);
    expect(x.groups.map((g) => [g.label, g.items.length])).toEqual([['三合理', 3], ['一规范', 1]]);
    expect(x.members).toContain('不规范收费');
  });

  const counts: Array<[string, string, number | null]> = [
    ['推动“六统一”管理向纵深发展', '六统一管理', 6],
    ['聚焦“一老一小”“慢病管理”等重点人群', '一老一小', 2],
    ['推行“双随机、一公开”等方式加强公正监管', '双随机、一公开', 3],
    ['坚持尽力而为、量力而行,聚焦“一业三保七有”,持续增进民生福祉', '一业三保七有', 11],
    ['开展“三好一满意”、“六个不说六个多”活动。', '六个不说六个多活动', 12],
    ['以“一院两区”为框架,深入实施', '一院两区', null],
    ['坚定不移贯彻“一国两制”、“港人治港”', '一国两制', null],
    ['施预制菜产业“五千行动”,培育示范新型经营主体', '五千行动', null],
    ['深入实施“十万名技能人才梯次培育工程”,扩大特级技师覆盖面', '十万名技能人才梯次培育工程', null],
    ['全面实施“十四五”规划的重要一年', '十四五规划', null],
    ['坚持在和平共处五项原则基础上同各国发展友好合作', '五项原则', 5],
    ['认真落实中央八项规定及其实施细则精神', '八项规定', 8],
    ['充分利用户外广告、健康教育五进活动等不同形式', '五进活动', 5],
    ['连续举办8届全国双创活动周、超过5.2亿人次参与', '双创活动', 2],
    ['开展“首都十大疾病科技成果推广项目”工作,对项目实施', '首都十大疾病科技成果推广项目', 10],
  ];
  it.each(counts)('%s -> %s expects %s', (text, name, expected) => {
    const x = find(text, name);
    expect(x, JSON.stringify(extractInitiatives(text).map((i) => i.name))).toBeDefined();
    expect(x!.expected_count).toBe(expected);
  });
});

describe('N个 + a second numeral: N items each named by the second part', () => {
  const cases: Array<[string, string, number]> = [
    ['持续做好争先创优“四个一”工作,妥善解决了延宕多年', '四个一', 4],
    ['完善重点产业园区“八个一”标准,开工建设一批支撑性', '八个一', 8],
    ['滚动开展“三个一批”活动,支持各开发区依', '三个一批活动', 3],
  ];
  it.each(cases)('%s -> %s (%d)', (text, name, count) => {
    const x = find(text, name);
    expect(x, JSON.stringify(extractInitiatives(text).map((i) => i.name))).toBeDefined();
    expect(x!.code).toBe(name.replace(/活动$/, ''));
    expect(x!.expected_count).toBe(count);
  });

  it('a second numeral that counts time is no part of the code (六个三年行动计划 is six plans)', () => {
    const x = find('质均衡教育。深入实施“六个三年行动计划”,新增公办', '六个三年行动计划')!;
    expect(x.code).toBe('六个');
    expect(x.expected_count).toBe(6);
  });
});

describe('a numeric code before a category word and a type word', () => {
  it('names the programme for the category: “8+4”经济政策体系, “五上”企业倍增行动', () => {
    expect(find('全面落实省“8+4”经济政策体系,推出“抢先机、拼经济”30', '8+4经济政策体系')?.type).toBe('政策体系');
    expect(find('大“五上”企业。实施“五上”企业倍增行动,分行业建立企业', '五上企业倍增行动')?.expected_count).toBe(5);
  });
});

describe('what is not an initiative', () => {
  const traps: Array<[string, string]> = [
    ['党建是医院发展的“方向盘”。医院党总支始终', '方向盘'],
    ['坚持质量为“根”。医疗质量是医疗发展的根基', '根'],
    ['把患者满意度作为检验工作的“金标准”。定期发放', '金标准'],
    ['医院荣获“三门峡市文明服务示范窗口”、“义马市疫情防控工作先进单位”等荣誉称号。', '先进单位'],
    ['荣获“黑龙江省青年名中医”称号;优秀护士', '青年名中医'],
    ['彻底解决业务与党建“两张皮”的现象,在思想上', '两张皮'],
    ['切实解决患者看病“三长一短”现象。今年,医院', '三长一短'],
    ['着力破解“资源分布不均、上下联动不畅”难题。一是深化', '资源分布不均'],
    ['又不搞“大水漫灌”、透支未来', '大水漫灌'],
    ['有的地方政策执行“一刀切”、层层加码,有的', '一刀切'],
    ['规上工业增加值占比实现全省“三连冠”,规上工业企业', '三连冠'],
    ['粮食生产实现“十八连丰”。滨城优质小麦', '十八连丰'],
    ['50项改革“破零”事项全部完成', '破零'],
    ['保障了“两会”、中国艺术品产业博览会等', '两会'],
    ['压减“三公”经费9%,市本级', '三公'],
    ['树牢“办活动必招商”理念,叫响“投资滨州”', '办活动必招商'],
    ['将“大抓项目”鲜明导向贯穿全年', '大抓项目'],
    ['以打造“心安城市”为目标,统筹高质量发展', '为目标'],
    ['把“一切为了病人、一切方便病人、一切服务病人”作为医院发展的基本宗旨', '一切为了病人'],
    ['一线医务人员要牢记“救命恩人”的思想,深刻领会', '救命恩人'],
    ['信访问题源头治理全面加强,“12345”市民服务热线、人民建议征集等工作提质增效', '12345'],
    // service numbers name phone lines, however far a type word stands
    ['推动成德“12345”政务服务便民热线平台实现“信', '12345'],
    ['“12345”接诉即办指挥调度中心荣获全国', '12345'],
    ['发挥安心驿站、“12355”热线等作用', '12355'],
    // a category word and a weak type word: the budget category managed, not a programme
    ['机关要习惯过紧日子,加强“三公”经费管理,严控一般性支出', '三公'],
  ];
  it.each(traps)('%s has no initiative containing %s', (text, word) => {
    const names = extractInitiatives(text).map((x) => x.name);
    expect(names.filter((n) => n.includes(word))).toEqual([]);
  });
});

describe('one entity per initiative', () => {
  it('merges mentions of the same slogan and keeps the members found at each', () => {
    const text = [
      '四是持续推进国家级“五大中心”建设,高标准建设了EICU并投入使用。',
      '要加大五大中心建设力度。力争利用2-3年时间,把创伤中心、胸痛中心、卒中中心完成国家级标准版的创建。',
    ].join('\n');
    const five = extractInitiatives(text).filter((x) => x.name.includes('五大中心'));
    expect(five).toHaveLength(1);
    expect(five[0]!.offset).toBe(text.indexOf('“五大中心”'));
    expect(five[0]!.members).toEqual(['创伤中心', '胸痛中心', '卒中中心']);
    expect(five[0]!.consistent).toBe(false);
  });

  it('keys names the same way whatever their quotes, spaces and 的', () => {
    expect(initiativeKey('“11235”工程')).toBe(initiativeKey('11235工程'));
    expect(initiativeKey('「一國兩制」'.normalize('NFKC'))).toBe(initiativeKey('“一國兩制”'));
    expect(initiativeKey('“中午连一连,晚上延一延”的工作模式')).toBe(initiativeKey('中午连一连晚上延一延工作模式'));
    expect(initiativeKey('三名战略')).not.toBe(initiativeKey('三名'));
  });

  it('handles corner brackets and ASCII quotes as quotations', () => {
    expect(find('推行「證照分離」改革'.replace('證照分離', '证照分离'), '证照分离改革')).toBeDefined();
    expect(find('实施"强基工程",全年新增', '强基工程')).toBeDefined();
  });
});

describe('unquoted programme names', () => {
  // [sentence, name the user should see]
  const named: Array<[string, string]> = [
    ['我们积极落实《__区卫生系统人才队伍建设十二五规划》,大力实施人才强卫战略。一是加大人才引进力度', '人才强卫战略'],
    ['今天,我们召开医院创先争优活动工作推进会,主要任务是认真贯彻落实中央、省、市、区及市、区卫生局关于开展创先争优活动的部署和要求', '创先争优活动'],
    ['2014年,__区卫生局以群众路线教育实践活动为契机,逐步深化医药卫生体制改革。继续巩固党的群众路线教育实践活动成果', '群众路线教育实践活动'],
    ['回顾总结我县去年开展医院管理年活动情况,部署今年的工作。继续开展“以病人为中心,以提高医疗服务质量为主题”的医院管理年活动,提高医院管理水平。', '医院管理年活动'],
    ['除了目前的夹心阶层住屋贷款计划外,我们会设立一个首次置业贷款计划, 协助市民', '首次置业贷款计划'],
    ['坚持实施就业优先战略,扩大就业容量', '就业优先战略'],
  ];
  it.each(named)('%s -> %s', (text, name) => {
    const names = extractInitiatives(text).map((x) => x.name);
    expect(names, JSON.stringify(names)).toContain(name);
  });

  it('names a campaign the document keeps calling 创建X', () => {
    const text = [
      '今天召开全县医院管理年暨创建平安医院工作会议,这次会议的主要任务是贯彻落实会议精神,',
      '部署今年的医院管理年和创建平安医院工作及招商引资工作。',
      '周春华局长就全县医院管理年、创建平安医院和招商引资工作作重要讲话。',
    ].join('\n');
    expect(extractInitiatives(text).map((x) => x.name)).toContain('创建平安医院');
  });

  it('keeps one entity when the owner or a verb stands before the name', () => {
    const text = '开展创先争优活动,是医院党总支的重要政治任务。下面,我代表医院领导班子,就开展好我院创先争优活动讲三点意见';
    expect(extractInitiatives(text).map((x) => x.name)).toEqual(['创先争优活动']);
  });

  // generic activities, verbs, quantities and longer words are not names
  const notNamed: Array<[string, string]> = [
    ['医院组织专家开展义诊活动。全年开展义诊活动12次', '义诊活动'],
    ['要保持战略定力,国有企业履行战略使命', '战略'],
    ['工业生产没有完成计划,有的超额完成第一个五年计划', '计划'],
    ['我们会展开两项计划,又会研究调整计划', '计划'],
    ['东直门医院东区二期工程完工。东直门医院东区二期工程投入使用', '二期工程'],
    ['统筹推进人口发展和计划生育工作', '计划'],
    ['建设500千伏输变电工程', '千伏'],
  ];
  it.each(notNamed)('%s has no name containing %s', (text, word) => {
    const names = extractInitiatives(text).map((x) => x.name);
    expect(names.filter((n) => n.includes(word)), JSON.stringify(names)).toEqual([]);
  });
});

describe('more shapes of named policies', () => {
  const cases: Array<[string, string, number | null]> = [
    ['当前我国新冠疫情防控已进入“乙类乙管”常态化防控阶段,要在对疫情防控工作进行全面科学总结的基础上', '乙类乙管', null],
    ['支持有条件的企业牵头组建创新联合体,推广“揭榜挂帅”等机制。', '揭榜挂帅机制', null],
    ['各级政府要大力支持国防和军队建设,完善双拥工作机制,巩固和发展军政军民团结', '双拥工作机制', 2],
    ['三是坚决打好三大攻坚战,主要目标任务如期完成', '三大攻坚战', 3],
    ['扎实推进优质本科扩容,加快“双一流”建设,完善学科设置调整机制', '双一流建设', 2],
  ];
  it.each(cases)('%s -> %s expects %s', (text, name, expected) => {
    const x = find(text, name);
    expect(x, JSON.stringify(extractInitiatives(text).map((i) => i.name))).toBeDefined();
    expect(x!.expected_count).toBe(expected);
  });
});

describe('brands, titles won, rejected things and questions are not initiatives', () => {
  const traps: Array<[string, string]> = [
    ['扩大“三江早春茶”等柳州茶品牌影响力,推动茶产业延链补链强链', '三江早春茶'],
    ['持续打造“投资中国”品牌。推动自贸试验区', '投资中国'],
    ['连续17年获评“中国最具幸福感城市”。', '幸福感'],
    ['要量力而行,不能搞“半拉子”工程。', '半拉子'],
    ['坚决反对和遏制“台独”分裂活动,推进祖国和平统一', '台独'],
    ['遇事先作“该不该办”的价值判断、再作“能不能办”的技术判断', '不'],
    ['二十国集团领导人峰会、东亚合作领导人系列会议等重大多双边活动。', '双边'],
    ['统筹推进重大标志性工程和“小而美”民生项目建设,形成一批', '小而美'],
    ['建成“1个市级急救中心+12个县域分中心+89个急救站点”体系,急救半径缩短', '急救站点'],
    ['“以大数据赋能文旅产业数智转型”入选中国改革2023年度地方全面深化改革典型案例', '入选'],
    ['采煤沉陷区综合治理“淮南模式”入选全国深化改革优秀典型案例', '入选'],
  ];
  it.each(traps)('%s has no initiative containing %s', (text, word) => {
    const names = extractInitiatives(text).map((x) => x.name);
    expect(names.filter((n) => n.includes(word)), JSON.stringify(names)).toEqual([]);
  });

  it('keeps a programme a place is honoured for', () => {
    expect(find('威远县成功创建“四好农村路”全国示范县', '四好农村路')).toBeDefined();
  });
});
