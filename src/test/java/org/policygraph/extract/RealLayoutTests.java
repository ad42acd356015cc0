package org.policygraph.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.DocumentPreparer;
import org.policygraph.ingest.UnusableDocumentException;
import org.policygraph.extract.Extraction.Level;
import org.policygraph.extract.Extraction.Role;
import org.policygraph.extract.Extraction.Task;

/**
 * Layouts of real documents beyond the samples' shape, each in a passage composed for the test: duty tables,
 * tables of targets, flat lists, mixed levels without clauses, headings alone on their line, attachments
 * published as their own file, documents issued directly.
 */
class RealLayoutTests {

    static PolicyExtractor extractor;

    @BeforeAll
    static void loadExtractor() {
        extractor = new PolicyExtractor();
    }

    static Extraction extract(String text) throws Exception {
        return extractor.extract("composed.txt", DocumentPreparer.prepare(text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> titles(Extraction e) {
        return e.tasks().stream().map(Task::title).toList();
    }

    @Test
    void shouldTakeEachRowOfADutyTableAsATaskWithColumnRolesFromItsHeader() throws Exception {
        Extraction e = extract("""
                附件
                临夏州2024年医疗保障重点工作任务分解表
                序号 | 完成时限 | 责任单位 | 重点任务 | 牵头单位
                1 | 2024年6月底前 | 州财政局、州卫生健康委 | 推进医保支付方式改革。实现按病种付费全覆盖。 | 州医保局
                2 | 2024年12月 | 各县市医保局 | 加强医保基金监管，年底前定点机构检查覆盖率达到100%。 | 州医保局
                序号 | 完成时限 | 责任单位 | 重点任务 | 牵头单位
                3 | 长期坚持 | 州卫生健康委 州人社局 | 做好异地就医结算。 | 州医保局
                """);
        assertThat(titles(e)).containsExactly("推进医保支付方式改革", "加强医保基金监管，年底前定点机构检查覆盖率达到100%", "做好异地就医结算");
        assertThat(e.tasks().get(0).departments()).extracting(Extraction.DepartmentRole::name, Extraction.DepartmentRole::role)
                .containsExactly(tuple("州财政局", Role.PARTNER), tuple("州卫生健康委", Role.PARTNER), tuple("州医保局", Role.LEAD));
        assertThat(e.tasks().get(2).departments()).extracting(Extraction.DepartmentRole::name)
                .containsExactly("州卫生健康委", "州人社局", "州医保局");
        assertThat(e.tasks().get(1).indicators()).extracting(Extraction.Indicator::value, Extraction.Indicator::deadline)
                .containsExactly(tuple(100.0, "年底前"));
        assertThat(e.tasks().get(0).label()).isEqualTo("1");
        assertThat(e.document().title()).isEqualTo("临夏州2024年医疗保障重点工作任务分解表");
        assertThat(e.document().level()).isEqualTo(Level.CITY);
    }

    @Test
    void shouldReadEveryTargetCellOfATableOfTargets() throws Exception {
        Extraction e = extract("""
                天水市卫生健康委员会关于印发《天水市基层卫生能力提升行动方案（2024—2027年）》的通知
                各县区卫生健康局：
                现将《天水市基层卫生能力提升行动方案（2024—2027年）》印发给你们，请认真落实。
                天水市卫生健康委员会
                2024年4月2日
                天水市基层卫生能力提升行动方案（2024—2027年）
                一、主要目标
                指标名称 | 单位 | 基期值 | 2025年 | 2027年 | 牵头单位
                县域内住院量占比 | % | 85 | ≥88 | 90以上 | 市卫生健康委
                每千人口执业（助理）医师数 | 人 | 2.9 | 3.1 | 3.3 | 市卫生健康委
                二、重点任务
                （一）加强乡镇卫生院建设。（市卫生健康委牵头，市财政局配合）
                （二）推进家庭医生签约服务。（市医保局负责）
                """);
        assertThat(e.document().indicators())
                .extracting(Extraction.Indicator::value, Extraction.Indicator::unit, Extraction.Indicator::comparator,
                        Extraction.Indicator::deadline, Extraction.Indicator::subject)
                .containsExactly(tuple(88.0, "%", ">=", "2025年", "县域内住院量占比"), tuple(90.0, "%", ">=", "2027年", "县域内住院量占比"),
                        tuple(3.1, "人", "=", "2025年", "每千人口执业（助理）医师数"), tuple(3.3, "人", "=", "2027年", "每千人口执业（助理）医师数"));
        assertThat(e.tasks()).hasSize(2);
        assertThat(e.document().region().code()).isEqualTo("620500");
    }

    @Test
    void shouldTakeLeafItemsWhenNoClauseIsPrintedAnywhere() throws Exception {
        Extraction e = extract("""
                句曲县“健康细胞”建设工作方案
                一、工作目标
                1.到2025年，健康社区覆盖率达到60%。
                2.建立健康细胞建设工作机制。
                二、主要任务
                （一）建设健康社区
                1.完善社区健康服务。社区卫生服务中心要提供家庭医生服务。
                2.开展健康教育。每年举办健康讲座不少于4次。
                （二）建设健康学校
                （三）建设健康机关
                1.推进无烟机关建设。
                三、保障措施
                1.加强组织领导。
                2.加强督导考核。
                """);
        assertThat(titles(e)).containsExactly("完善社区健康服务", "开展健康教育", "建设健康学校", "推进无烟机关建设",
                "加强组织领导", "加强督导考核");
        assertThat(e.tasks()).extracting(Task::ordinal).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void shouldReadAFlatListWithHeadingsAloneOnTheirLines() throws Exception {
        Extraction e = extract("""
                附件2

                庆阳市儿童健康促进行动计划
                1.
                加强新生儿健康管理
                开展新生儿访视，年底前访视率达到95%以上。（市卫生健康委负责）
                2.加强儿童营养改善
                推广科学喂养知识。（市卫生健康委、市妇联按职责分工负责）
                """);
        assertThat(titles(e)).containsExactly("加强新生儿健康管理", "加强儿童营养改善");
        assertThat(e.document().title()).isEqualTo("庆阳市儿童健康促进行动计划");
        assertThat(e.document().issuer()).isNull();
        assertThat(e.document().region().code()).isEqualTo("621000");
        assertThat(e.tasks().get(1).departments()).extracting(Extraction.DepartmentRole::name)
                .containsExactly("市卫生健康委", "市妇联");
    }

    @Test
    void shouldReadADocumentIssuedDirectly() throws Exception {
        Extraction e = extract("""
                张掖市人民政府办公室关于推进紧密型县域医共体建设的实施意见
                张政办发〔2023〕41号
                各县区人民政府，市政府各部门：
                为推进医共体建设，提出如下意见。
                一、重点任务
                （一）完善管理体制。（市卫生健康委牵头，市委编办配合。以下均需各县区人民政府负责，不再列出）
                （二）健全运行机制。（市医保局、市财政局按职责分工负责）
                张掖市人民政府办公室
                2023年9月1日
                """);
        assertThat(e.document().title()).isEqualTo("张掖市人民政府办公室关于推进紧密型县域医共体建设的实施意见");
        assertThat(e.document().issuer()).isEqualTo("张掖市人民政府办公室");
        assertThat(e.document().issueDate()).isEqualTo("2023-09-01");
        assertThat(e.document().docNumber()).isEqualTo("张政办发〔2023〕41号");
        assertThat(e.tasks().get(1).departments()).extracting(Extraction.DepartmentRole::name)
                .containsExactly("市医保局", "市财政局", "各县区人民政府");
    }

    @Test
    void shouldJoinNumberAndDatePiecesThatACrawlerPutOnTheirOwnLines() throws Exception {
        Extraction e = extract("""
                武威市人民政府办公室文件
                武政办发〔
                2023
                〕
                57
                号
                武威市人民政府办公室关于印发武威市2023年深化医药卫生体制改革重点工作任务的通知
                各县区人民政府：
                现将《武威市2023年深化医药卫生体制改革重点工作任务》印发给你们，请认真贯彻落实。
                武威市人民政府办公室
                2023
                年
                6
                月
                12
                日
                武威市2023年深化医药卫生体制改革重点工作任务
                一、促进优质医疗资源扩容
                （一）推进紧密型县域医共体建设。（市卫生健康委牵头，市医保局配合）
                12
                （二）加强公共卫生体系建设。（市疾控中心负责）
                """);
        assertThat(e.document().docNumber()).isEqualTo("武政办发〔2023〕57号");
        assertThat(e.document().issueDate()).isEqualTo("2023-06-12");
        assertThat(e.document().issuer()).isEqualTo("武威市人民政府办公室");
        assertThat(titles(e)).containsExactly("推进紧密型县域医共体建设", "加强公共卫生体系建设");
        assertThat(e.tasks().get(0).text()).doesNotContain("12");
    }

    @Test
    void shouldKeepTheRowsOfADutyTableUnderItsGroupRows() throws Exception {
        Extraction e = extract("""
                序号 | 责任单位 | 工作任务 | 完成时限
                一、推动优质医疗资源扩容下沉
                1 | 市卫生健康委牵头，市医保局配合 | 推进医疗集团建设。每个区至少组建1个城市医疗集团。 | 2024年10月底
                二、深化医保支付方式改革
                2 | 市医保局 | 推进按病种付费。 | 持续推进
                """);
        assertThat(titles(e)).containsExactly("推进医疗集团建设", "推进按病种付费");
        assertThat(e.tasks().get(0).departments()).extracting(Extraction.DepartmentRole::name, Extraction.DepartmentRole::role)
                .containsExactly(tuple("市卫生健康委", Role.LEAD), tuple("市医保局", Role.PARTNER));
        assertThat(e.tasks().get(0).indicators()).extracting(Extraction.Indicator::value, Extraction.Indicator::deadline)
                .containsExactly(tuple(1.0, "2024年10月底"));
    }

    @Test
    void shouldReadTimeLimitAndLeaderLinesBesideTheUnitLabels() throws Exception {
        Extraction e = extract("""
                一、重点任务
                （一）推进医共体建设。县域内就诊率达到90%以上。
                牵头单位：市卫生健康委
                责任单位：市财政局、市医保局
                责任领导：王明
                完成时限：2024年12月底前
                （二）加强人才队伍建设。
                责任单位：市人社局、各县（区）人民政府（以下均需各县（区）人民政府负责，不再列出）
                （三）加强信息化建设。
                责任单位：市数据局
                """);
        assertThat(e.tasks().get(0).departments()).extracting(Extraction.DepartmentRole::name)
                .containsExactly("市卫生健康委", "市财政局", "市医保局");
        assertThat(e.tasks().get(0).indicators()).extracting(Extraction.Indicator::deadline).containsExactly("2024年12月底前");
        assertThat(e.tasks().get(1).departments()).extracting(Extraction.DepartmentRole::name)
                .containsExactly("市人社局", "各县（区）人民政府");
        assertThat(e.tasks().get(2).departments()).extracting(Extraction.DepartmentRole::name)
                .containsExactly("市数据局", "各县（区）人民政府");
    }

    @Test
    void shouldDropRunningHeadsOfAPagedCopyAndSpacesBeforeDigits() throws Exception {
        Extraction e = extract("""
                广州市人民政府办公厅关于印发广州市深化医药卫生体制改革2023年重点工作任务的通知
                穗府办函〔2023〕67号
                广州市深化医药卫生体制改革2023年重点工作任务
                一、推进医共体建设
                （一）推进紧密型县域医共体建设。支持花都区、从化区开展市级紧密型县域医共体建
                — 22 —
                广州市人民政府公报
                设试点，到 2023 年 12 月底前县域内就诊率达到 90%以上。（市卫生健康委牵头，市财政局配
                — 23 —
                2023 年第 20 期
                合）
                （二）加强公共卫生服务。每个街道至少建成1家社区卫生服务中心。（市卫生健康委负责）
                """);
        Task first = e.tasks().get(0);
        assertThat(first.departments()).extracting(Extraction.DepartmentRole::name).containsExactly("市卫生健康委", "市财政局");
        assertThat(first.pilots()).flatExtracting(Extraction.Pilot::sites).extracting(Extraction.PilotSite::code)
                .containsExactly("440114", "440117");
        assertThat(first.indicators()).extracting(Extraction.Indicator::value, Extraction.Indicator::deadline)
                .containsExactly(tuple(90.0, "2023年12月底前"));
        assertThat(first.text()).doesNotContain("公报", "第20期");
    }

    @Test
    void shouldPreferAFullNameToAnOverlappingShortFormAndKeepPlacesBeforeFacilityWords() throws Exception {
        Extraction e = extract("""
                宁夏回族自治区深化医药卫生体制改革领导小组办公室关于印发2023年医改重点工作任务的通知
                2023年医改重点工作任务
                一、重点任务
                （一）推进县域综合医改。确定西吉县、隆德县为自治区级试点县，荔湾区每个街道建成1家社区医院。（自治区卫生健康委负责）
                宁夏回族自治区深化医药卫生体制
                改革领导小组办公室（自治区卫生健康委代章）
                2023年5月6日
                """);
        assertThat(e.tasks().get(0).regions()).extracting(Extraction.RegionRef::code).contains("640422", "640423", "440103")
                .doesNotContain("141028", "621100");
        assertThat(e.document().issuer()).isEqualTo("宁夏回族自治区深化医药卫生体制改革领导小组办公室");
        assertThat(e.document().issueDate()).isEqualTo("2023-05-06");
    }

    @Test
    void shouldReadRatesComparatorSymbolsAndPerMilleTargets() throws Exception {
        Extraction e = extract("""
                一、重点任务
                （一）保障母婴安全。到2025年，孕产妇死亡率控制在9.5/10万以下，婴儿死亡率降至5‰以下。（市卫生健康委负责）
                （二）提升基层服务。年底前基层诊疗量占比≥65%，家庭医生签约率不低于75％。（市卫生健康委、市医保局按职责分工负责）
                """);
        assertThat(e.tasks().get(0).indicators())
                .extracting(Extraction.Indicator::value, Extraction.Indicator::unit, Extraction.Indicator::comparator)
                .containsExactly(tuple(9.5, "/10万", "<="), tuple(5.0, "‰", "<="));
        assertThat(e.tasks().get(1).indicators())
                .extracting(Extraction.Indicator::value, Extraction.Indicator::unit, Extraction.Indicator::comparator,
                        Extraction.Indicator::deadline)
                .containsExactly(tuple(65.0, "%", ">=", "年底前"), tuple(75.0, "%", ">=", "年底前"));
    }

    @Test
    void shouldReadATableCopiedFromAWebPageOneCellPerLine() throws Exception {
        Extraction e = extract("""
                2024年全县卫生健康重点工作任务清单
                序号
                重点任务
                牵头单位
                责任单位
                完成时限
                1
                加强县域医共体建设，年底前县域内就诊率达到90%以上。
                县卫生健康局
                县医保局、县财政局
                2024年12月
                2
                推进家庭医生签约服务。
                县医保局
                各乡镇人民政府
                2024年9月
                """);
        assertThat(titles(e)).containsExactly("加强县域医共体建设，年底前县域内就诊率达到90%以上", "推进家庭医生签约服务");
        assertThat(e.tasks().get(0).departments()).extracting(Extraction.DepartmentRole::name, Extraction.DepartmentRole::role)
                .containsExactly(tuple("县卫生健康局", Role.LEAD), tuple("县医保局", Role.PARTNER), tuple("县财政局", Role.PARTNER));
        assertThat(e.tasks().get(1).departments()).extracting(Extraction.DepartmentRole::name)
                .containsExactly("县医保局", "各乡镇人民政府");
    }

    @Test
    void shouldReadAClauseWithoutBracketsAndAStandingInstructionInThePreamble() throws Exception {
        Extraction e = extract("""
                西宁市贯彻落实医改重点工作任务分工方案
                为抓好重点工作任务的落实，制定本方案。以下任务均需各区县人民政府负责落实，不再逐一列出。
                一、深入推广三明医改经验
                1.加强医改组织领导。建立医改工作月调度制度。市医改办牵头，市卫生健康委、市医保局按职责分工负责。
                2.做好监测评价。市疾控中心负责监测工作，按季度报送结果。市卫生健康委负责。
                二、完善医疗服务价格机制
                3.深化医疗服务价格改革。年内调整医疗服务价格项目不少于100项。市医保局负责。
                """);
        assertThat(e.tasks().get(0).departments()).extracting(Extraction.DepartmentRole::name, Extraction.DepartmentRole::role)
                .containsExactly(tuple("市医改办", Role.LEAD), tuple("市卫生健康委", Role.PARTNER), tuple("市医保局", Role.PARTNER),
                        tuple("各区县人民政府", Role.PARTNER));
        assertThat(e.tasks().get(1).departments()).extracting(Extraction.DepartmentRole::name)
                .containsExactly("市卫生健康委", "各区县人民政府");
        assertThat(e.tasks().get(2).departments()).extracting(Extraction.DepartmentRole::name)
                .containsExactly("市医保局", "各区县人民政府");
    }

    @Test
    void shouldTakeTheOfficeHeadingOfADutyListAsTheLeadOfItsDuties() throws Exception {
        Extraction e = extract("""
                包河区深化医药卫生体制改革领导小组成员单位职责清单
                一、区卫生健康委
                1.承担区医改领导小组办公室日常工作。
                2.推进紧密型城市医疗集团建设。
                二、区医保分局
                1.推进医保支付方式改革。
                三、促进优质医疗资源均衡布局
                1.推进区域医疗中心建设。
                """);
        assertThat(e.tasks()).extracting(t -> t.departments().stream().map(Extraction.DepartmentRole::name).toList())
                .containsExactly(List.of("区卫生健康委"), List.of("区卫生健康委"), List.of("区医保分局"), List.of());
    }
}
