package org.policygraph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DepartmentFunctionsTest {

    private final DepartmentFunctions functions = DepartmentFunctions.standard();

    @Test
    void sameFunctionAcrossLevels() {
        assertThat(functions.functionOf("国家卫生健康委")).isEqualTo("卫生健康委");
        assertThat(functions.functionOf("省卫生健康委")).isEqualTo("卫生健康委");
        assertThat(functions.functionOf("市卫生健康委")).isEqualTo("卫生健康委");
        assertThat(functions.functionOf("白银市卫生健康委员会")).isEqualTo("卫生健康委");
        assertThat(functions.functionOf("县卫生健康局")).isEqualTo("卫生健康委");
        assertThat(functions.functionOf("自治区卫生健康委")).isEqualTo("卫生健康委");
        assertThat(functions.functionOf("临夏州卫生计生委")).isEqualTo("卫生健康委");
    }

    @Test
    void aliasesOfStandardFunctions() {
        assertThat(functions.functionOf("市发改委")).isEqualTo("发展改革委");
        assertThat(functions.functionOf("省发展改革委")).isEqualTo("发展改革委");
        assertThat(functions.functionOf("省人社厅")).isEqualTo("人力资源社会保障");
        assertThat(functions.functionOf("市人社局")).isEqualTo("人力资源社会保障");
        assertThat(functions.functionOf("人力资源社会保障部")).isEqualTo("人力资源社会保障");
        assertThat(functions.functionOf("国家医疗保障局")).isEqualTo("医保局");
        assertThat(functions.functionOf("省医改办")).isEqualTo("医改办");
        assertThat(functions.functionOf("国务院深化医药卫生体制改革领导小组办公室")).isEqualTo("医改办");
        assertThat(functions.functionOf("财政部")).isEqualTo("财政");
        assertThat(functions.functionOf("省财政厅")).isEqualTo("财政");
        assertThat(functions.functionOf("国家中医药局")).isEqualTo("中医药管理局");
        assertThat(functions.functionOf("省委编办")).isEqualTo("编办");
        assertThat(functions.functionOf("市工信局")).isEqualTo("工信");
        assertThat(functions.functionOf("甘肃银保监局")).isEqualTo("银保监");
        assertThat(functions.functionOf("各县区人民政府")).isEqualTo("人民政府");
        assertThat(functions.functionOf("地方人民政府")).isEqualTo("人民政府");
    }

    @Test
    void namesThatStartLikeAPrefixStayWhole() {
        assertThat(functions.functionOf("市场监管总局")).isEqualTo("市场监管局");
        assertThat(functions.functionOf("市市场监管局")).isEqualTo("市场监管局");
        assertThat(functions.functionOf("公安部")).isEqualTo("公安");
        assertThat(functions.functionOf("省公安厅")).isEqualTo("公安");
    }

    @Test
    void unknownDepartmentsKeepTheirStrippedName() {
        assertThat(functions.functionOf("解放军西宁联保中心")).isEqualTo("解放军西宁联保中心");
        assertThat(functions.functionOf("市残联")).isEqualTo("残联");
        assertThat(functions.functionOf("  ")).isNull();
    }
}
