package org.policygraph.extract.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policygraph.extract.Extraction.Level;
import org.policygraph.extract.region.RegionGazetteer.Division;
import org.policygraph.extract.region.RegionGazetteer.Mention;

class RegionGazetteerTest {

    private static final String GANSU = "620000";

    private final RegionGazetteer gazetteer = RegionGazetteer.load();

    @Test
    void loadIsCached() {
        assertThat(RegionGazetteer.load()).isSameAs(gazetteer);
    }

    @Test
    void shortFormsResolveToPrefectures() {
        assertThat(gazetteer.resolve("庆阳", GANSU)).get()
                .extracting(Division::code, Division::name, Division::level)
                .containsExactly("621000", "庆阳市", Level.CITY);
        assertThat(gazetteer.resolve("甘南州", GANSU)).get().extracting(Division::code).isEqualTo("623000");
        assertThat(gazetteer.resolve("临夏州", GANSU)).get().extracting(Division::code).isEqualTo("622900");
    }

    @Test
    void aShortFormSharedByAPrefectureAndACountyPrefersThePrefecture() {
        assertThat(gazetteer.lookup("临夏")).extracting(Division::code).contains("622900", "622921");
        assertThat(gazetteer.resolve("临夏", GANSU)).get().extracting(Division::code).isEqualTo("622900");
        // 甘南县 (Heilongjiang) versus 甘南藏族自治州: no context, so the higher level wins.
        assertThat(gazetteer.resolve("甘南", null)).get().extracting(Division::code).isEqualTo("623000");
        assertThat(gazetteer.resolve("甘南", "230000")).get().extracting(Division::code).isEqualTo("230225");
    }

    @Test
    void countiesCarryTheirParents() {
        Division liangzhou = gazetteer.byCode("620602").orElseThrow();
        assertThat(liangzhou.name()).isEqualTo("凉州区");
        assertThat(liangzhou.parentCode()).isEqualTo("620600");
        assertThat(liangzhou.provinceCode()).isEqualTo(GANSU);
        assertThat(gazetteer.ancestors(liangzhou)).extracting(Division::code).containsExactly(GANSU, "620600");
        assertThat(gazetteer.resolve("凉州区", GANSU)).contains(liangzhou);
        assertThat(gazetteer.resolve("西峰区", GANSU)).get().extracting(Division::code).isEqualTo("621002");
    }

    @Test
    void oneCharacterStemCountiesKeepTheirFullName() {
        assertThat(gazetteer.resolve("成县", GANSU)).get().extracting(Division::code).isEqualTo("621221");
        assertThat(gazetteer.lookup("成")).isEmpty();
        assertThat(gazetteer.lookup("岷县")).extracting(Division::code).containsExactly("621126");
    }

    @Test
    void countyLevelCitiesKeepTheirCode() {
        Division yumen = gazetteer.resolve("玉门市", GANSU).orElseThrow();
        assertThat(yumen.code()).isEqualTo("620981");
        assertThat(yumen.level()).isEqualTo(Level.COUNTY);
        assertThat(yumen.parentCode()).isEqualTo("620900");
    }

    @Test
    void municipalitiesAreProvinces() {
        Division tianjin = gazetteer.resolve("天津市", null).orElseThrow();
        assertThat(tianjin.code()).isEqualTo("120000");
        assertThat(tianjin.level()).isEqualTo(Level.PROVINCE);
        assertThat(tianjin.parentCode()).isNull();
        assertThat(gazetteer.ancestors(tianjin)).isEmpty();
        // Areas under the placeholder 市辖区 row belong to the municipality itself.
        assertThat(gazetteer.byCode("120101")).get().extracting(Division::parentCode).isEqualTo("120000");
        assertThat(gazetteer.resolve("山东省", null)).get().extracting(Division::code).isEqualTo("370000");
    }

    @Test
    void citiesWithoutCountiesAppearOnce() {
        assertThat(gazetteer.lookup("东莞市")).singleElement()
                .extracting(Division::code, Division::level)
                .containsExactly("441900", Level.CITY);
    }

    @Test
    void statisticalZonesHaveNoCodeAndNoShortForm() {
        Division lanzhouNewArea = gazetteer.lookup("兰州新区").get(0);
        assertThat(lanzhouNewArea.code()).isNull();
        assertThat(lanzhouNewArea.parentCode()).isEqualTo("620100");
        assertThat(gazetteer.resolve("兰州新区", GANSU)).contains(lanzhouNewArea);
        assertThat(gazetteer.resolve("兰州", GANSU)).get().extracting(Division::code).isEqualTo("620100");
        assertThat(gazetteer.byCode("620171")).isEmpty();
    }

    @Test
    void aCountyNameSharedByTwoProvincesResolvesInTheContextProvince() {
        assertThat(gazetteer.lookup("城关区")).extracting(Division::code).containsExactlyInAnyOrder("540102", "620102");
        assertThat(gazetteer.resolve("城关区", GANSU)).get().extracting(Division::code).isEqualTo("620102");
        assertThat(gazetteer.resolve("城关区", "540100")).get().extracting(Division::code).isEqualTo("540102");
        assertThat(gazetteer.resolve("城关区", null)).isEmpty();
        assertThat(gazetteer.resolve("城关区", "370000")).isEmpty();
    }

    @Test
    void theContextCityWinsWithinTheProvince() {
        // 和平区 exists in Tianjin and Shenyang; only a Liaoning context picks Shenyang's.
        assertThat(gazetteer.resolve("和平区", "210100")).get().extracting(Division::code).isEqualTo("210102");
        assertThat(gazetteer.resolve("和平区", "12")).get().extracting(Division::code).isEqualTo("120101");
    }

    @Test
    void containsIsStrictAncestry() {
        assertThat(gazetteer.contains("620400", "620422")).isTrue();
        assertThat(gazetteer.contains(GANSU, "620422")).isTrue();
        assertThat(gazetteer.contains("620100", "620422")).isFalse();
        assertThat(gazetteer.contains("620422", "620422")).isFalse();
        assertThat(gazetteer.contains(GANSU, "999999")).isFalse();
    }

    @Test
    void findAllReturnsEveryListedPilotSiteInOrder() {
        String text = "加快庆阳市、白银市、金昌市、嘉峪关市紧密型城市医疗集团试点建设。"
                + "玉门市、凉州区、西峰区、高台县、庄浪县、景泰县、成县等";
        List<Mention> mentions = gazetteer.findAll(text, GANSU);
        assertThat(mentions).extracting(mention -> mention.division().code()).containsExactly(
                "621000", "620400", "620300", "620200",
                "620981", "620602", "621002", "620724", "620825", "620423", "621221");
        Mention first = mentions.get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo(first.surface()).isEqualTo("庆阳市");
    }

    @Test
    void findAllResolvesShortFormsInContext() {
        assertThat(gazetteer.findAll("临夏州和甘南州", GANSU))
                .extracting(Mention::surface, mention -> mention.division().code())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("临夏州", "622900"),
                        org.assertj.core.groups.Tuple.tuple("甘南州", "623000"));
        assertThat(gazetteer.findAll("支持河南开展试点", "630000"))
                .extracting(mention -> mention.division().code()).containsExactly("632324");
        assertThat(gazetteer.findAll("支持河南开展试点", null))
                .extracting(mention -> mention.division().code()).containsExactly("410000");
    }

    @Test
    void findAllSkipsShortFormsFollowedByAnAdministrativeSuffix() {
        // 庆阳县 is no current division; its stem must not be read as 庆阳市.
        assertThat(gazetteer.findAll("原庆阳县", GANSU)).isEmpty();
        assertThat(gazetteer.findAll("庆阳开展试点", GANSU)).extracting(Mention::surface).containsExactly("庆阳");
    }

    @Test
    void findAllSkipsShortFormsThatAreCommonWords() {
        assertThat(gazetteer.commonWordShortForms()).contains("通道", "和平", "合作").doesNotContain("城关", "西峰", "南阳");
        assertThat(gazetteer.findAll("建设绿色通道，维护和平，加强合作", "430000")).isEmpty();
        assertThat(gazetteer.findAll("通道侗族自治县", "430000"))
                .extracting(mention -> mention.division().code()).containsExactly("431230");
        assertThat(gazetteer.lookup("通道")).extracting(Division::code).containsExactly("431230");
    }

    @Test
    void findAllOnEmptyTextFindsNothing() {
        assertThat(gazetteer.findAll("", GANSU)).isEmpty();
        assertThat(gazetteer.findAll(null, GANSU)).isEmpty();
    }
}
