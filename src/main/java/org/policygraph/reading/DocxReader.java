package org.policygraph.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.ICell;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFSDTCell;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTxbxContent;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.w3c.dom.Node;

/**
 * Word .docx through POI XWPF: the body in document order (paragraphs, tables, content controls), text boxes after
 * the paragraph that anchors them; headers, footers, footnotes and comments are left out.
 */
final class DocxReader {

    private static final String WORDML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /** Markup compatibility: a text box is stored twice, as DrawingML under Choice and as VML under Fallback. */
    private static final String FALLBACK = "Fallback";
    private static final String TEXT_BOX_CONTENT = "txbxContent";

    private DocxReader() {}

    static String read(byte[] bytes) throws UnreadableInputException {
        CanonicalText out = new CanonicalText();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            blocks(document.getDocument().getBody(), document, out);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException("damaged or unsupported DOCX file: " + Errors.reason(e));
        }
        return out.finish(Format.DOCX);
    }

    /**
     * The paragraphs and tables of a body, cell or text box in document order. Walks the XML rather than
     * {@code getBodyElements()} so that block content controls and custom XML wrappers are opened, not skipped.
     */
    private static void blocks(XmlObject container, IBody part, BlockSink sink) {
        for (XmlObject child : children(container)) {
            if (child instanceof CTP p) {
                paragraph(new XWPFParagraph(p, part), part, sink);
            } else if (child instanceof CTTbl t) {
                table(new XWPFTable(t, part), sink);
            } else if (isWordElement(child, "sdt")) {
                for (XmlObject sdtChild : children(child)) {
                    if (isWordElement(sdtChild, "sdtContent")) {
                        blocks(sdtChild, part, sink);
                    }
                }
            } else if (isWordElement(child, "customXml")) {
                blocks(child, part, sink);
            }
        }
    }

    private static void paragraph(XWPFParagraph paragraph, IBody part, BlockSink sink) {
        StringBuilder text = new StringBuilder();
        for (IRunElement element : paragraph.getIRuns()) {
            if (element instanceof XWPFRun run) {
                if (run.getCTR().sizeOfDelTextArray() == 0) { // not a deletion kept by change tracking
                    text.append(run.text());
                }
            } else if (element instanceof XWPFSDT sdt) {
                text.append(sdt.getContent().getText());
            }
        }
        sink.paragraph(text.toString());
        for (XmlObject textBox : textBoxes(paragraph.getCTP())) {
            blocks(textBox, part, sink);
        }
    }

    private static void table(XWPFTable table, BlockSink sink) {
        Map<Integer, String> verticalMergeTextByColumn = new HashMap<>();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            int column = gridBefore(row.getCtRow().getTrPr());
            for (ICell iCell : row.getTableICells()) {
                if (iCell instanceof XWPFSDTCell sdtCell) {
                    cells.add(CanonicalText.cell(List.of(sdtCell.getContent().getText())));
                    column++;
                    continue;
                }
                if (!(iCell instanceof XWPFTableCell cell)) {
                    continue;
                }
                CTTcPr properties = cell.getCTTc().getTcPr();
                int span = gridSpan(properties);
                if (properties != null && properties.isSetHMerge() && properties.getHMerge().getVal() != STMerge.RESTART) {
                    column += span; // legacy horizontal merge: the first cell of the run carries the text
                    continue;
                }
                String text = cellText(cell);
                if (properties != null && properties.isSetVMerge()) {
                    if (properties.getVMerge().getVal() == STMerge.RESTART) {
                        verticalMergeTextByColumn.put(column, text);
                    } else {
                        text = verticalMergeTextByColumn.getOrDefault(column, text);
                    }
                } else {
                    verticalMergeTextByColumn.remove(column);
                }
                cells.add(text);
                column += span;
            }
            sink.row(cells);
        }
    }

    /** A cell's paragraphs on one line; a nested table contributes its rows, cells joined by a space. */
    private static String cellText(XWPFTableCell cell) {
        List<String> parts = new ArrayList<>();
        blocks(cell.getCTTc(), cell, new BlockSink() {
            @Override
            public void paragraph(String text) {
                parts.add(text);
            }

            @Override
            public void row(List<String> cells) {
                parts.add(CanonicalText.cell(cells));
            }
        });
        return CanonicalText.cell(parts);
    }

    private static int gridSpan(CTTcPr properties) {
        if (properties == null || !properties.isSetGridSpan() || properties.getGridSpan().getVal() == null) {
            return 1;
        }
        return Math.max(1, properties.getGridSpan().getVal().intValue());
    }

    private static int gridBefore(CTTrPr properties) {
        if (properties == null) {
            return 0;
        }
        for (CTDecimalNumber before : properties.getGridBeforeList()) {
            if (before.getVal() != null) {
                return before.getVal().intValue();
            }
        }
        return 0;
    }

    /** The outermost text boxes anchored in a paragraph, each once (the DrawingML copy, not its VML fallback). */
    private static List<XmlObject> textBoxes(CTP paragraph) {
        List<XmlObject> found = new ArrayList<>();
        Node paragraphNode = paragraph.getDomNode();
        try (XmlCursor cursor = paragraph.newCursor()) {
            cursor.selectPath("declare namespace w='" + WORDML + "' .//w:" + TEXT_BOX_CONTENT);
            while (cursor.toNextSelection()) {
                XmlObject box = cursor.getObject();
                if (isOutermostChoice(box.getDomNode(), paragraphNode)) {
                    found.add(asTextBoxContent(box));
                }
            }
        }
        return found;
    }

    private static boolean isOutermostChoice(Node box, Node paragraph) {
        for (Node n = box.getParentNode(); n != null && n != paragraph; n = n.getParentNode()) {
            if (FALLBACK.equals(n.getLocalName()) || TEXT_BOX_CONTENT.equals(n.getLocalName())) {
                return false;
            }
        }
        return true;
    }

    /** Under a markup-compatibility Choice the schema types are unknown; re-parse so paragraphs come out as CTP. */
    private static XmlObject asTextBoxContent(XmlObject box) {
        if (box instanceof CTTxbxContent) {
            return box;
        }
        try {
            return CTTxbxContent.Factory.parse(box.getDomNode(), new XmlOptions().setLoadReplaceDocumentElement(null));
        } catch (XmlException e) {
            return box;
        }
    }

    private static List<XmlObject> children(XmlObject parent) {
        List<XmlObject> children = new ArrayList<>();
        try (XmlCursor cursor = parent.newCursor()) {
            if (cursor.toFirstChild()) {
                do {
                    children.add(cursor.getObject());
                } while (cursor.toNextSibling());
            }
        }
        return children;
    }

    private static boolean isWordElement(XmlObject object, String localName) {
        Node node = object.getDomNode();
        return localName.equals(node.getLocalName()) && WORDML.equals(node.getNamespaceURI());
    }
}
