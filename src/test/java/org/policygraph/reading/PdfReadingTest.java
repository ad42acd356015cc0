package org.policygraph.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * PDFs written here with PDFBox: Chinese in a TrueType font that .ci/run installs (fonts-droid-fallback, which has
 * no Latin letters or digits), ASCII in Helvetica.
 */
public class PdfReadingTest {

    private static final List<String> CJK_FONTS = List.of(
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf");
    private static final float FONT_SIZE = 12;
    private static final float LEADING = 20;
    private static final float LEFT = 72;
    private static final float TOP = 780;
    private static final float BODY_TOP = 720;
    private static final float BOTTOM = 50;

    @Test
    void shouldDropRunningHeadersAndPageNumbersAndInjectedSpaces() throws Exception {
        byte[] pdf = pdf(List.of(
                List.of("XX市卫生健康委员会关于印发《2024年XX工作要点》的通知",
                        "X卫发〔2024〕9 号",
                        "各区卫生健康局：",
                        "（一）加强基层医疗服务能力建设。推进社区卫生服务中心",
                        "标准化建设，6-10 月完成第 2 批评估。（市卫生健康委牵头）"),
                List.of("（二）推进家庭医生签约服务。重点人群签约率达到",
                        "75%以上，覆盖 Windows and Linux 终端。（各区人民政府负责）",
                        "XX市卫生健康委员会",
                        "2024年3月1日")));

        ReadDocument read = DocumentReader.read(pdf);

        assertThat(read.format()).isEqualTo(Format.PDF);
        assertThat(read.charset()).isNull();
        assertThat(read.text()).isEqualTo("""
                XX市卫生健康委员会关于印发《2024年XX工作要点》的通知
                X卫发〔2024〕9号
                各区卫生健康局：
                （一）加强基层医疗服务能力建设。推进社区卫生服务中心
                标准化建设，6-10月完成第2批评估。（市卫生健康委牵头）
                （二）推进家庭医生签约服务。重点人群签约率达到
                75%以上，覆盖 Windows and Linux 终端。（各区人民政府负责）
                XX市卫生健康委员会
                2024年3月1日""");
    }

    @Test
    void shouldSplitTheMetadataBlockOfAPagePrintIntoOneLinePerField() throws Exception {
        byte[] pdf = pdf(List.of(List.of(
                "索引号：11111111-1/2024-00012 主题分类：卫生、体育",
                "发文机关：XX市卫生健康委员会 成文日期：2024年03月01日",
                "（一）加强基层医疗服务能力建设。")));

        assertThat(DocumentReader.read(pdf).text()).isEqualTo("""
                索引号：11111111-1/2024-00012
                主题分类：卫生、体育
                发文机关：XX市卫生健康委员会
                成文日期：2024年03月01日
                （一）加强基层医疗服务能力建设。""");
    }

    @Test
    void shouldCallAPdfOfPageImagesAScan() throws Exception {
        BufferedImage scan = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scan.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 200, 280);
        graphics.setColor(Color.BLACK);
        graphics.fillRect(20, 20, 160, 8);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(document, scan);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            document.save(out);
        }

        assertThatThrownBy(() -> DocumentReader.read(out.toByteArray()))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("scanned PDF without a text layer; OCR it first");
    }

    @Test
    void shouldOpenAPdfEncryptedWithAnEmptyUserPassword() throws Exception {
        byte[] pdf = pdf(List.of(List.of("（一）加强基层医疗服务能力建设。")), "owner", "");

        assertThat(DocumentReader.read(pdf).text()).isEqualTo("（一）加强基层医疗服务能力建设。");
    }

    @Test
    void shouldRefuseAPasswordProtectedPdf() throws Exception {
        byte[] pdf = pdf(List.of(List.of("（一）加强基层医疗服务能力建设。")), "owner", "secret");

        assertThatThrownBy(() -> DocumentReader.read(pdf))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("password-protected PDF file");
    }

    @Test
    void shouldRefuseADamagedPdfWithAOneLineMessage() {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nnot a pdf at all"
                .getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> DocumentReader.read(pdf))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("PDF")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void shouldRemoveOnlyTheSpacesExportersPutBetweenChineseAndDigits() {
        assertThat(PdfReader.withoutInjectedSpaces("佛公卫办函〔2024〕9 号，6-10 月，至少 2名，第 3 条"))
                .isEqualTo("佛公卫办函〔2024〕9号，6-10月，至少2名，第3条");
        assertThat(PdfReader.withoutInjectedSpaces("Windows 11 and PCO 公司 in 2024"))
                .isEqualTo("Windows 11 and PCO 公司 in 2024");
    }

    /** Pages of body lines under a running header, each with its page number (— 1 —) at the foot. */
    public static byte[] pdf(List<List<String>> pages) throws IOException {
        return pdf(pages, null, null);
    }

    private static byte[] pdf(List<List<String>> pages, String ownerPassword, String userPassword) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDFont chinese = PDType0Font.load(document, cjkFont());
            PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    if (pages.size() > 1) {
                        line(content, chinese, latin, "XX市卫生健康委员会文件", LEFT, TOP);
                        line(content, chinese, latin, "\u2014 " + (p + 1) + " \u2014", PDRectangle.A4.getWidth() / 2, BOTTOM);
                    }
                    float y = BODY_TOP;
                    for (String text : pages.get(p)) {
                        line(content, chinese, latin, text, LEFT, y);
                        y -= LEADING;
                    }
                }
            }
            if (ownerPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, new AccessPermission());
                document.protect(policy);
            }
            document.save(out);
        }
        return out.toByteArray();
    }

    /** One line of text, switching fonts between runs of ASCII (and the em dash) and runs of Chinese. */
    private static void line(PDPageContentStream content, PDFont chinese, PDFont latin, String text, float x, float y)
            throws IOException {
        content.beginText();
        content.newLineAtOffset(x, y);
        int start = 0;
        while (start < text.length()) {
            boolean ascii = isLatin(text.charAt(start));
            int end = start;
            while (end < text.length() && isLatin(text.charAt(end)) == ascii) {
                end++;
            }
            content.setFont(ascii ? latin : chinese, FONT_SIZE);
            content.showText(text.substring(start, end));
            start = end;
        }
        content.endText();
    }

    private static boolean isLatin(char c) {
        return c < 0x80 || c == '\u2014';
    }

    private static File cjkFont() {
        for (String path : CJK_FONTS) {
            File font = new File(path);
            if (font.isFile()) {
                return font;
            }
        }
        throw new IllegalStateException("no TrueType font with Chinese glyphs: install fonts-droid-fallback (see .ci/run)");
    }
}
