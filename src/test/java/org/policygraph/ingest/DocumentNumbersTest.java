package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class DocumentNumbersTest {

    @Test
    void everyBracketAndBlankVariantHasOneCanonicalForm() {
        for (String printed : new String[] {"甘政办发〔2022〕84号", "甘政办发[2022]84号", "甘政办发［2022］84号",
                "甘政办发（2022）84号", "甘政办发【2022】84号", "甘政办发 〔 2022 〕 84 号"}) {
            assertThat(DocumentNumbers.PRINTED.matcher(printed).matches()).as(printed).isTrue();
            assertThat(DocumentNumbers.canonical(printed)).as(printed).isEqualTo("甘政办发〔2022〕84号");
        }
    }

    @Test
    void thePartsOfANumber() {
        Matcher m = DocumentNumbers.PRINTED.matcher("依据国办发〔2021〕18号文件");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("依据国办发");
        assertThat(m.group(2)).isEqualTo("2021");
        assertThat(m.group(3)).isEqualTo("18");
        assertThat(DocumentNumbers.year("国办发〔2021〕18号")).isEqualTo(2021);
        assertThat(DocumentNumbers.year("第18号")).isNull();
    }

    /** The normaliser keeps a number's line whole with the same expression the parser reads it with. */
    @Test
    void theGrouplessFormMatchesTheSameNumbers() {
        assertThat("甘政办发 [2022] 84号".matches(DocumentNumbers.PRINTED_REGEX)).isTrue();
        assertThat("2022年第84号".matches(DocumentNumbers.PRINTED_REGEX)).isFalse();
    }

    /** The quick search finds in a text exactly what {@link DocumentNumbers#PRINTED} finds, in order. */
    @Test
    void printedInFindsWhatThePatternFinds() {
        for (String text : new String[] {
                "按照《方案》（甘政办发〔2022〕84号）和市政办发 [2021] 100 号的要求，年底前完成。",
                "依据国办发（2021）18号文件，见附件1第3号表", "各县区人民政府负责（2022年底前完成）", "",
                "甘卫发【2020】7号甘卫发【2020】8号", "编号2021号〔2021〕"}) {
            Matcher expected = DocumentNumbers.PRINTED.matcher(text);
            Matcher actual = DocumentNumbers.printedIn(text);
            while (expected.find()) {
                assertThat(actual.find()).as(text).isTrue();
                assertThat(actual.group()).as(text).isEqualTo(expected.group());
                assertThat(actual.start()).as(text).isEqualTo(expected.start());
            }
            assertThat(actual.find()).as(text).isFalse();
        }
    }
}
