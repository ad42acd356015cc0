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
}
