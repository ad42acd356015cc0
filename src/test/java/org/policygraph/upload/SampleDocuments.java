package org.policygraph.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The two bundled samples, and copies of them under other doc numbers (distinct documents to the
 * ingester: another key and another content hash, the same tasks).
 */
public final class SampleDocuments {

    public static final String BAIYIN = "baiyin-2021-shizhengbanfa-100";
    public static final String GANSU = "gansu-2022-ganzhengbanfa-84";
    public static final int BAIYIN_TASKS = 26;
    public static final int GANSU_TASKS = 23;

    private SampleDocuments() {}

    public static String text(String sample) {
        try (InputStream in = SampleDocuments.class.getResourceAsStream("/samples/" + sample + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Baiyin as 市政办发〔2021〕{number}号, or Gansu as 甘政办发〔2022〕{number}号 (number not 100 / 84). */
    public static String renumbered(String sample, int number) {
        String text = text(sample);
        return sample.equals(BAIYIN)
                ? text.replace("市政办发〔2021〕100号", "市政办发〔2021〕" + number + "号")
                : text.replace("甘政办发〔2022〕84号", "甘政办发〔2022〕" + number + "号");
    }

    /**
     * A Baiyin text (or key) moved to Gansu's year, 2022: every 2021 in it (number, title, dates) made 2022,
     * so that it may implement Gansu's tasks (a task implements only tasks of its year or earlier).
     */
    public static String inGansuYear(String baiyinText) {
        return baiyinText.replace("2021", "2022");
    }

    public static String key(String sample, int number) {
        return sample.equals(BAIYIN) ? "市政办发〔2021〕" + number + "号" : "甘政办发〔2022〕" + number + "号";
    }

    public static int tasks(String sample) {
        return sample.equals(BAIYIN) ? BAIYIN_TASKS : GANSU_TASKS;
    }
}
